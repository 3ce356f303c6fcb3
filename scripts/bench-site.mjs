// Benchmark of the 地情网: `fangzhi site` on the generated 1.5-million-character volume (300 pictures) plus
// the sample content, all marked published. Measures a cold build (no image cache), a full rebuild with the
// image cache warm (the target: under 20 s), and, through `fangzhi dev`, the rebuild after one chapter edit
// (the target: under 1.5 s), with page count, search index size and peak memory.
// Usage: npm run bench:site [-- --chars 1500000]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { chars: { type: 'string', default: '1500000' } } });
const bench = join('out', 'bench');
const volume = join(bench, values.chars === '1500000' ? 'site-volume' : `site-volume-${values.chars}`);
const sample = join(bench, 'site-content');
const cacheDir = join(bench, 'site-cache');
const outDir = join(bench, 'site-out');
const devDir = join(bench, 'site-dev');
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

if (!existsSync(join(volume, 'volume.yaml'))) {
  execFileSync(process.execPath, ['scripts/gen-volume.mjs', '--chars', values.chars, '--images', '300', '--out', volume], { stdio: 'inherit' });
}
// The office decides what is public; for the benchmark every volume is published.
rmSync(sample, { recursive: true, force: true });
cpSync('content', sample, { recursive: true });
for (const dir of [volume, ...readdirSync(sample).map((name) => join(sample, name))]) {
  const path = join(dir, 'volume.yaml');
  if (!existsSync(path)) continue;
  const text = readFileSync(path, 'utf8');
  if (!/^published: true$/m.test(text)) writeFileSync(path, text.replace(/^kind: .+$/m, '$&\npublished: true'));
}
const volumes = [sample, volume];

function site(label) {
  const args = ['bin/fangzhi.js', 'site', ...volumes, '--out', outDir, '--cache-dir', cacheDir];
  const started = process.hrtime.bigint();
  const result = time ? spawnSync(time, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } }) : spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`fangzhi site failed: ${result.stderr}`);
  // Progress lines "[2.1s] 处理图片" mark where each stage starts.
  const stages = [...result.stderr.matchAll(/^\[([\d.]+)s\] (.+)$/gm)].map(([, at, name]) => ({ at: Number(at), name }));
  const stage = (name) => {
    const index = stages.findIndex((item) => item.name === name);
    return index >= 0 && stages[index + 1] ? stages[index + 1].at - stages[index].at : 0;
  };
  const summary = /(\d+)个页面，全文检索索引(\d+)个分片共([\d.]+) MB/.exec(result.stdout);
  const peakMb = time ? Number(result.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { label, seconds, images: stage('处理图片'), search: stage('建立全文检索索引'), pages: Number(summary?.[1]), shards: Number(summary?.[2]), indexMb: Number(summary?.[3]), peakMb };
}

/** Starts `fangzhi dev`, edits one chapter of the generated volume, and reads the rebuild time from its log. */
async function incremental() {
  rmSync(devDir, { recursive: true, force: true });
  const args = ['bin/fangzhi.js', 'dev', ...volumes, '--port', '0', '--out', devDir, '--cache-dir', cacheDir];
  const child = spawn(process.execPath, args, { env: { ...process.env, CI: '1' } });
  const exited = new Promise((done) => child.once('exit', done));
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const rebuilt = /已重建 (\d+) 个页面（(\d+) 毫秒），其中 \d+ 个有变化；检索分片重建 (\d+) 个（共 (\d+) 毫秒）/g;
  const until = async (ready, seconds) => {
    const deadline = Date.now() + seconds * 1000;
    while (!ready()) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`fangzhi dev: ${child.exitCode !== null ? `exited with ${child.exitCode}` : 'timed out'}\n${log}`);
      await new Promise((done) => setTimeout(done, 20));
    }
  };
  await until(() => log.includes('正在预览：'), 600);
  const edited = join(volume, 'chapters', 'c01', 'c01-s01.md');
  const original = readFileSync(edited, 'utf8');
  const runs = [];
  let peakMb = NaN;
  try {
    for (const [index, addition] of ['【年末补记】12月31日，示例市完成年度目标考核，考核单位46个。', '【年末补记】12月31日，示例市完成年度目标考核，考核单位52个，结果向社会公布。'].entries()) {
      const started = Date.now();
      writeFileSync(edited, original.replace('（撰稿：', `${addition}\n\n（撰稿：`));
      await until(() => [...log.matchAll(rebuilt)].length > index, 60);
      const [, pages, pagesMs, shards, totalMs] = [...log.matchAll(rebuilt)][index];
      runs.push({ wall: (Date.now() - started) / 1000, pages: Number(pages), pagesMs: Number(pagesMs), shards: Number(shards), totalMs: Number(totalMs) });
    }
  } finally {
    writeFileSync(edited, original);
    // The server's peak resident memory so far (Linux), read before it is stopped.
    const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
    peakMb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
  return { runs, peakMb };
}

const mb = (value) => (Number.isNaN(value) ? '未知' : `${Math.round(value)} MB`);
console.log(`卷：${volume}（${values.chars}字，300幅图片）与示例内容 ${sample}`);
rmSync(cacheDir, { recursive: true, force: true });
rmSync(outDir, { recursive: true, force: true });
const cold = site('冷构建（无图片缓存）');
rmSync(outDir, { recursive: true, force: true });
const warm = site('全量构建（图片已缓存）');
for (const run of [cold, warm]) {
  console.log(`${run.label}：${run.seconds.toFixed(1)} s，其中图片 ${run.images.toFixed(1)} s、检索索引 ${run.search.toFixed(1)} s；不含图片 ${(run.seconds - run.images).toFixed(1)} s；${run.pages}个页面；检索索引${run.shards}个分片 ${run.indexMb} MB；峰值内存 ${mb(run.peakMb)}`);
}
const dev = await incremental();
for (const [index, run] of dev.runs.entries()) {
  console.log(`改动一篇后重建（第${index + 1}次，fangzhi dev）：${(run.totalMs / 1000).toFixed(2)} s（页面 ${run.pages} 个 ${(run.pagesMs / 1000).toFixed(2)} s 后写出，检索分片重建 ${run.shards} 个），从保存到完成 ${run.wall.toFixed(2)} s`);
}
console.log(`fangzhi dev 峰值内存 ${mb(dev.peakMb)}`);
console.log(`目标：不含图片的全量构建 ≤ 20 s（实测 ${(warm.seconds - warm.images).toFixed(1)} s）；改动一篇后重建 ≤ 1.5 s（实测 ${(Math.max(...dev.runs.map((run) => run.totalMs)) / 1000).toFixed(2)} s）`);
