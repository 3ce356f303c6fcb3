// Benchmark of `fangzhi build` on a generated full-size volume with 300 pictures: for each format a cold
// build (no caches) and a rebuild after one chapter changed (caches kept), with wall time and peak memory.
// Usage: npm run bench:build [-- --formats html,docx,pdf --chars 1500000]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { chars: { type: 'string', default: '1500000' }, formats: { type: 'string', default: 'html,docx,pdf' } } });
const volume = join('out', 'bench', `build-${values.chars}`);
const cacheDir = join('out', 'bench', 'build-cache');
const outDir = join('out', 'bench', 'build-out');
if (!existsSync(join(volume, 'volume.yaml'))) {
  execFileSync(process.execPath, ['scripts/gen-volume.mjs', '--chars', values.chars, '--images', '300', '--out', volume], { stdio: 'inherit' });
}
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function build(format, extra) {
  const args = ['bin/fangzhi.js', 'build', volume, '--format', format, '--out', outDir, '--cache-dir', cacheDir, ...extra];
  const started = process.hrtime.bigint();
  const result = time ? spawnSync(time, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`build ${format} failed: ${result.stderr}`);
  const stages = result.stderr.split('\n').filter((line) => /^\[\d/.test(line));
  const peakMb = time ? Number(result.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { seconds, peakMb, stages };
}

const edited = join(volume, 'chapters', 'c01', 'c01-s01.md');
const original = readFileSync(edited);
console.log(`卷：${volume}（${values.chars}字，300幅图片）`);
for (const format of values.formats.split(',')) {
  rmSync(cacheDir, { recursive: true, force: true });
  const cold = build(format, []);
  appendFileSync(edited, '\n【年末补记】12月31日，示例市完成年度目标考核，考核单位46个。\n');
  const warm = build(format, []);
  writeFileSync(edited, original);
  const mb = (value) => (Number.isNaN(value) ? '未知' : `${Math.round(value)} MB`);
  console.log(`${format.padEnd(5)} 冷构建 ${cold.seconds.toFixed(1)} s（峰值内存 ${mb(cold.peakMb)}）；改动一篇后重建 ${warm.seconds.toFixed(1)} s（${Math.round((warm.seconds / cold.seconds) * 100)}%，峰值内存 ${mb(warm.peakMb)}）`);
  console.log(`      冷构建各阶段：${cold.stages.join('  ')}`);
}
