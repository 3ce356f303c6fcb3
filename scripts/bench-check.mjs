// Benchmark of `fangzhi check` on a generated full-size volume: cold run, warm run (everything cached),
// and a run after one chapter was edited. Prints wall time, characters per second and peak memory.
// Usage: npm run bench:check [-- --chars 1500000]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { chars: { type: 'string', default: '1500000' }, runs: { type: 'string', default: '3' } } });
const volume = join('out', 'bench', `volume-${values.chars}`);
const cacheDir = join('out', 'bench', 'cache');
if (!existsSync(join(volume, 'volume.yaml'))) {
  execFileSync(process.execPath, ['scripts/gen-volume.mjs', '--chars', values.chars, '--out', volume], { stdio: 'inherit' });
}
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function run(label, extraArgs) {
  const args = ['bin/fangzhi.js', 'check', volume, '--format', 'json', '--cache-dir', cacheDir, ...extraArgs];
  const started = process.hrtime.bigint();
  const result = time ? spawnSync(time, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = time ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${label} failed: ${result.stderr}`);
  return { label, seconds, peakMb: peakKb / 1024 };
}

const chars = Number(values.chars);
const results = [];
const runs = Number(values.runs);
for (let i = 0; i < runs; i++) {
  rmSync(cacheDir, { recursive: true, force: true });
  results.push(run('冷启动（无缓存）', ['--no-cache']));
  results.push(run('首次建立缓存', []));
  results.push(run('全部命中缓存', []));
  const edited = join(volume, 'chapters', 'c01', 'c01-s01.md');
  const original = readFileSync(edited);
  appendFileSync(edited, `\n【补记${i}】2015年12月，示例市完成年度考核。\n`);
  results.push(run('改动一篇后重查', []));
  writeFileSync(edited, original);
}
const byLabel = new Map();
for (const result of results) byLabel.set(result.label, [...(byLabel.get(result.label) ?? []), result]);
console.log(`卷：${volume}，${chars}字；每项运行${runs}次，取中位数`);
for (const [label, list] of byLabel) {
  const sorted = [...list].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${label.padEnd(12, '　')}  ${median.seconds.toFixed(2)} s  ${Math.round(chars / median.seconds / 1000)}千字/秒  峰值内存 ${Number.isNaN(median.peakMb) ? '未知' : `${Math.round(median.peakMb)} MB`}`);
}
