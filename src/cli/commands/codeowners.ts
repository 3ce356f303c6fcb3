import { relative, resolve, sep } from 'node:path';
import { repoRoot } from '../../revisions/git-store.js';
import { renderCodeowners, type CodeownersSyntax, type OwnedVolume } from '../../revisions/codeowners.js';
import { openReviewVolume } from '../../revisions/review-volume.js';
import { RevisionError } from '../../revisions/revision-error.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';
import { UsageError } from '../usage-error.js';
import { findVolumes } from './build.js';

interface CodeownersOptions {
  syntax: CodeownersSyntax;
  out?: string;
  defaultOwner?: string;
}

/** `fangzhi codeowners`: writes CODEOWNERS (at the repository root unless --out says otherwise). */
export async function codeownersCommand(targets: string[], options: CodeownersOptions): Promise<number> {
  const dirs = (await Promise.all(targets.map((target) => findVolumes(resolve(target))))).flat();
  if (!dirs.length) throw new UsageError(`${targets.join('、')} 下没有卷（含 volume.yaml 的目录）`);
  const root = (await repoRoot(dirs[0]!)) ?? process.cwd();
  const volumes: OwnedVolume[] = [];
  for (const dir of dirs) {
    const review = await openReviewVolume(dir, { cache: true, cacheDir: resolve('out/.cache') }).catch((error: unknown) => {
      throw error instanceof RevisionError ? new UsageError(error.message) : error;
    });
    volumes.push({
      title: review.volume.config.title,
      chapters: review.volume.leaves.map((leaf) => {
        const unit = review.volume.units.get(leaf.node.unit ?? '');
        const file = review.files.get(leaf.node.id) ?? resolve(dir, 'chapters', leaf.categoryId, `${leaf.node.id}.md`);
        return {
          path: relative(root, file).split(sep).join('/'),
          title: leaf.titles.join(' › '),
          unitId: leaf.node.unit ?? '',
          unitName: unit?.name ?? leaf.node.unit ?? '未指定单位',
          ...(unit?.gitHandle ? { handle: unit.gitHandle } : {}),
        };
      }),
    });
  }
  const out = resolve(options.out ?? resolve(root, 'CODEOWNERS'));
  await writeFileAtomic(out, renderCodeowners(volumes, { syntax: options.syntax, ...(options.defaultOwner ? { defaultOwner: options.defaultOwner } : {}) }));
  const chapters = volumes.flatMap((volume) => volume.chapters);
  const missing = [...new Map(chapters.filter((chapter) => !chapter.handle).map((chapter) => [chapter.unitId, chapter.unitName])).values()];
  process.stdout.write(`已生成 ${relative(process.cwd(), out) || out}：${chapters.length - chapters.filter((chapter) => !chapter.handle).length}篇稿件指定了负责人\n`);
  if (missing.length) process.stderr.write(`提示：${missing.length}个单位未在 units.yaml 中设 gitHandle，其稿件未指定负责人：${missing.join('、')}\n`);
  return 0;
}
