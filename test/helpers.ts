import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bin = join(root, 'bin', 'fangzhi.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built fangzhi binary as a user would. */
export function runCli(args: string[], cwd = root): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export async function tempDir(prefix = 'fangzhi-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes files (path → content) below a folder. */
export async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** A small, valid yearbook volume: two 类目, three 分目, units and one chapter per 分目 unless overridden. */
export function miniVolume(overrides: Record<string, string | Uint8Array | null> = {}): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array | null> = {
    'units.yaml': [
      'units:',
      '  - { id: edu, name: 示例市教育局, shortName: 市教育局, contact: { name: 许文博 } }',
      '  - { id: health, name: 示例市卫生局, shortName: 市卫生局, contact: { name: 吕安康 } }',
      '',
    ].join('\n'),
    'vol/volume.yaml': [
      'id: mini-2016',
      'title: 示例市年鉴（2016）',
      'kind: yearbook',
      'region: 示例市',
      'volumeYear: 2016',
      'recordPeriod: { from: "2015-01-01", to: "2015-12-31" }',
      'levels: [类目, 分目, 条目]',
      '',
    ].join('\n'),
    'vol/framework.yaml': [
      'nodes:',
      '  - id: shehui',
      '    title: 社会',
      '    kind: 类目',
      '    children:',
      '      - { id: jiaoyu, title: 教育, kind: 分目, unit: edu, quota: { chars: 200 } }',
      '      - { id: weisheng, title: 卫生, kind: 分目, unit: health }',
      '  - id: wenhua',
      '    title: 文化',
      '    kind: 类目',
      '    children:',
      '      - { id: tiyu, title: 体育, kind: 分目, unit: edu }',
      '',
    ].join('\n'),
    'vol/chapters/shehui/jiaoyu.md': chapter('jiaoyu', 'edu', '【概况】2015年末，示例市有各级各类学校312所，在校学生21.6万人，专任教师1.48万人。全年教育经费投入38.2亿元，比上年增长6.5%。'),
    'vol/chapters/shehui/weisheng.md': chapter('weisheng', 'health', '【概况】2015年末，示例市有医疗卫生机构1286个，床位1.62万张，卫生技术人员2.1万人。全年诊疗1632万人次，比上年增长4.1%。'),
    'vol/chapters/wenhua/tiyu.md': chapter('tiyu', 'edu', '【概况】2015年，示例市举办市级体育赛事46项，参赛运动员1.2万人次。全市建成社区健身点386个，比上年增加42个。'),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string | Uint8Array] => entry[1] !== null));
}

export function chapter(node: string, unit: string, body: string): string {
  return `---\nnode: ${node}\nunit: ${unit}\nwriters: [许文博]\nreviewer: 黄国栋\nsubmitted: "2016-03-20"\n---\n\n${body}\n\n（撰稿：许文博　审稿：黄国栋）\n`;
}

export interface JsonMessage {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  actual: string;
  expected: string[];
  message: string;
}

export function parseJsonReport(stdout: string): Array<{ path: string; messages: JsonMessage[] }> {
  return JSON.parse(stdout) as Array<{ path: string; messages: JsonMessage[] }>;
}
