import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { projectRoot } from '../../project-root.js';
import { exists } from '../../load/load-volume.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';
import { UsageError } from '../usage-error.js';

interface InitOptions {
  kind: 'yearbook' | 'gazetteer';
  name: string;
  year?: string;
  from?: string;
}

interface TemplateNode {
  id: string;
  title: string;
  children?: TemplateNode[];
}

/** Scaffolds a volume: volume.yaml, the standard framework of its kind, and an empty chapters/ folder. */
export async function initCommand(dir: string, options: InitOptions): Promise<number> {
  const target = resolve(dir);
  if ((await exists(target)) && (await readdir(target)).length) throw new UsageError(`目录 ${dir} 已存在且不为空，不会覆盖`);
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 1950 || year > 2100) throw new UsageError('请用 --year 指定四位年份（年鉴为卷年，志书为下限）');
  const id = relative(resolve(target, '..'), target).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || `volume-${year}`;
  const yearbook = options.kind === 'yearbook';
  const fromYear = yearbook ? year - 1 : Number(options.from ?? year - 19);
  const title = yearbook ? `${options.name}年鉴（${year}）` : `${options.name}志（${fromYear}—${year}）`;
  const levels = yearbook ? ['类目', '分目', '条目'] : ['篇', '章', '节'];
  const recordPeriod = yearbook ? { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } : { from: `${fromYear}-01-01`, to: `${year}-12-31` };
  const volume = {
    id,
    title,
    kind: options.kind,
    region: options.name,
    ...(yearbook ? { volumeYear: year } : {}),
    recordPeriod,
    levels,
    editorialBoard: [{ name: `《${title.replace(/（.*）$/, '')}》编纂委员会`, members: [{ role: '主任', names: ['（待定）'] }] }],
    editorialNotes: [
      yearbook
        ? `本卷记述时限为${year - 1}年1月1日至12月31日。`
        : `本志上限${fromYear}年，下限${year}年。`,
    ],
  };
  const template = parse((await readFile(join(projectRoot, 'templates/init', `${options.kind}.yaml`), 'utf8')).replaceAll('{{name}}', options.name)) as TemplateNode[];
  const toNodes = (nodes: TemplateNode[], depth: number): object[] =>
    nodes.map((node) => ({
      id: node.id,
      title: node.title,
      kind: levels[depth],
      ...(node.children?.length ? { children: toNodes(node.children, depth + 1) } : { quota: { chars: 2000, images: 2 }, deadline: `${yearbook ? year : year + 1}-03-31` }),
    }));
  const header = (schema: string) => `# yaml-language-server: $schema=${relative(target, join(projectRoot, 'schemas', schema))}\n`;
  await writeFileAtomic(join(target, 'volume.yaml'), header('volume.schema.json') + stringify(volume, { lineWidth: 0 }));
  await writeFileAtomic(
    join(target, 'framework.yaml'),
    header('framework.schema.json') + '# 请为每个叶节点指定承编单位（unit，见 units.yaml），并按需增删节点。\n' + stringify({ nodes: toNodes(template, 0) }, { lineWidth: 0 }),
  );
  await writeFileAtomic(join(target, 'chapters', '.gitkeep'), '');
  process.stdout.write(`已新建《${title}》：${relative(process.cwd(), target)}/volume.yaml、framework.yaml、chapters/\n下一步：在 framework.yaml 中为各${levels[1]}指定承编单位，然后运行 fangzhi check ${dir}\n`);
  return 0;
}
