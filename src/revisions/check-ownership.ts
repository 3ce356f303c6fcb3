import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, sep } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { findUp, loadVolume, type LoadedVolume } from '../load/load-volume.js';
import { decodeSource } from '../load/read-source.js';
import type { LedgerFile } from '../model/generated/ledger.js';
import { parseFrontMatter } from '../parse/parse-chapter.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { changedFiles, repoRoot, showFile } from './git-store.js';
import { LEDGER_DIR } from './ledger-store.js';
import { RevisionError } from './revision-error.js';
import { eventPhrase } from './workflow.js';

/**
 * `fangzhi check --changed-since <ref> --as <unit>`: a unit's merge request may touch only the chapters
 * assigned to that unit, plus their ledger files by appending `submit` events (a unit reports its own
 * supply; passing a stage is the editors' business). Every other changed file is an error on that file.
 */
export async function ownershipMessages(ref: string, unitId: string, knownVolumes: readonly string[]): Promise<VFileMessage[]> {
  const root = await repoRoot(process.cwd());
  if (!root) throw new RevisionError('当前目录不在 git 仓库中，无法使用 --changed-since');
  const { files, base } = await changedFiles(root, ref);
  const volumes = new Map<string, LoadedVolume | undefined>();
  const volumeAt = async (dir: string) => {
    if (!volumes.has(dir)) volumes.set(dir, await loadVolume(dir));
    return volumes.get(dir);
  };
  for (const dir of knownVolumes) await volumeAt(dir);
  const unit = [...volumes.values()].map((loaded) => loaded?.volume?.units.get(unitId)).find(Boolean) ?? (await unitFromChanges(files, volumeAt, unitId));
  if (!unit) throw new RevisionError(`供稿单位名录（units.yaml）中没有「${unitId}」`);

  const messages: VFileMessage[] = [];
  const refuse = (file: string, message: string) =>
    messages.push(createDiagnostic({ file, ruleId: 'outside-assignment', source: 'validate', severity: 'error', message, start: 0, end: 0 }, new LineIndex('')));
  for (const file of files) {
    const volumeYaml = await findUp(dirname(file), 'volume.yaml', 4);
    const loaded = volumeYaml ? await volumeAt(dirname(volumeYaml)) : undefined;
    const volume = loaded?.volume;
    const inVolume = volume ? relative(volume.dir, file).split(sep) : [];
    const outside = `${relative(root, file)} 不是${unit.name}承编的稿件；供稿单位只能修改本单位承编的稿件`;
    if (!volume || (inVolume[0] !== 'chapters' && inVolume[0] !== LEDGER_DIR)) {
      refuse(file, outside);
      continue;
    }
    const owner = (node: string) => {
      const placed = volume.nodes.get(node);
      return placed?.isLeaf ? { title: placed.titles.join(' › '), unit: placed.node.unit } : undefined;
    };
    const isLedger = inVolume[0] === LEDGER_DIR;
    const nodes = isLedger ? [basename(file, '.yaml')] : await chapterNodes(root, base, file);
    const foreign = nodes.map((node) => ({ node, assigned: owner(node) })).find(({ assigned }) => assigned?.unit !== unitId);
    if (foreign) {
      const other = foreign.assigned ? volume.units.get(foreign.assigned.unit ?? '')?.name ?? foreign.assigned.unit : undefined;
      refuse(file, foreign.assigned ? `${relative(root, file)} 属于「${foreign.assigned.title}」（${foreign.node}），由${other}承编，不属于${unit.name}` : outside);
      continue;
    }
    if (isLedger) {
      const problem = await ledgerChangeProblem(root, base, file);
      if (problem) refuse(file, `${relative(root, file)}：${problem}`);
    }
  }
  return messages;
}

/** The unit, looked up in the volumes that the changed files belong to. */
async function unitFromChanges(files: readonly string[], volumeAt: (dir: string) => Promise<LoadedVolume | undefined>, unitId: string) {
  for (const file of files) {
    const volumeYaml = await findUp(dirname(file), 'volume.yaml', 4);
    const unit = volumeYaml ? (await volumeAt(dirname(volumeYaml)))?.volume?.units.get(unitId) : undefined;
    if (unit) return unit;
  }
  return undefined;
}

/**
 * The nodes a changed chapter file stands for: its front matter now and at the merge base (a unit may
 * not take over another unit's file by rewriting its `node:`), or its file name when it has none.
 */
async function chapterNodes(root: string, base: string, file: string): Promise<string[]> {
  const nodeOf = (bytes: Uint8Array | undefined) => {
    if (!bytes) return undefined;
    const node = (parseFrontMatter(decodeSource(file, bytes).text)?.yaml.data as { node?: unknown } | undefined)?.node;
    return typeof node === 'string' ? node : basename(file, extname(file));
  };
  const now = nodeOf(await readFile(file).catch(() => undefined));
  const before = nodeOf(await showFile(root, base, file));
  return [...new Set([now, before].filter((node): node is string => node !== undefined))];
}

/** A unit may only append submit events to a ledger file: the old bytes stay a prefix of the new ones. */
async function ledgerChangeProblem(root: string, base: string, file: string): Promise<string | undefined> {
  const before = (await showFile(root, base, file)) ?? Buffer.alloc(0);
  const after = await readFile(file).catch(() => undefined);
  if (!after || after.byteLength < before.byteLength || !after.subarray(0, before.byteLength).equals(before)) return '台账只能在末尾追加记录，本次改动修改或删除了已有记录';
  const count = (bytes: Uint8Array) => ((parseYaml(decodeSource(file, bytes).text).data as LedgerFile | undefined)?.events ?? []).length;
  const events = (parseYaml(decodeSource(file, after).text).data as LedgerFile | undefined)?.events;
  if (!events) return '台账文件无法解析（用 fangzhi check 查看具体位置）';
  const added = events.slice(before.byteLength ? count(before) : 0);
  const editorial = added.filter((event) => event.action !== 'submit');
  return editorial.length ? `供稿单位只能登记报送（submit），「${editorial.map((event) => eventPhrase(event.action, event.stage, '')).join('、')}」须由编辑部登记` : undefined;
}
