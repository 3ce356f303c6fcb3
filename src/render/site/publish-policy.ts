import { readFile } from 'node:fs/promises';
import type { LoadedVolume } from '../../load/load-volume.js';
import { decodeSource } from '../../load/read-source.js';
import type { ChapterFrontMatter } from '../../model/generated/chapter.js';
import type { Volume } from '../../model/volume.js';
import { parseFrontMatter } from '../../parse/parse-chapter.js';
import { parseCriticMarkup } from '../../revisions/critic-markup.js';
import { blobHash } from '../../revisions/git-store.js';
import { approvedVersion, replay } from '../../revisions/ledger.js';
import { loadLedger } from '../../revisions/ledger-store.js';
import { resolveWorkflow } from '../../revisions/workflow.js';

/** A chapter kept off the website, and why (shown to the editor, never written into the site). */
export interface WithheldChapter {
  path: string;
  reason: string;
}

export interface PublishDecision {
  /** Chapter files that may appear on the website. */
  published: string[];
  withheld: WithheldChapter[];
}

/**
 * Sorts a volume's chapter files into published and withheld: a chapter appears only when it passed
 * the publish stage, is not marked `internal: true` (内部资料) and carries no CriticMarkup (an open
 * comment or an unapplied suggestion means the text is not final).
 */
export async function decidePublication(loaded: LoadedVolume, paths: readonly string[] = loaded.chapterPaths): Promise<PublishDecision> {
  const volume = loaded.volume!;
  const gate = await publishGate(loaded.dir, volume);
  const decision: PublishDecision = { published: [], withheld: [] };
  for (const path of paths) {
    const reason = await withholdReason(gate, path);
    if (reason) decision.withheld.push({ path, reason });
    else decision.published.push(path);
  }
  return decision;
}

/** Why a chapter may not be published yet by the workflow, or undefined when it may. */
type PublishGate = (node: string, bytes: Uint8Array) => string | undefined;

/**
 * The publish stage decides. With a workflow ledger, a chapter appears once it passed the volume's
 * publish stage (终审 by default) and its text is still the text that passed; without a ledger, the
 * volume-level `published: true` in volume.yaml decides for every chapter.
 */
async function publishGate(volumeDir: string, volume: Volume): Promise<PublishGate> {
  const ledger = await loadLedger(volumeDir);
  // A ledger that does not read cleanly cannot vouch for anything: publish nothing until it is mended.
  if (ledger.messages.some((message) => message.fatal === true)) return () => '审校台账有误（见 fangzhi check），暂不公开';
  if (!ledger.files.size) return () => (volume.config.published === true ? undefined : '本卷尚未发布（无审校台账，volume.yaml 也未设 published: true）');
  const { workflow } = resolveWorkflow(volume.config.workflow);
  const stage = workflow.publishStage;
  return (node, bytes) => {
    const entry = ledger.files.get(node);
    if (!entry) return `尚无审校记录，未通过${stage}`;
    const { state } = replay(node, entry.events, workflow);
    const approved = approvedVersion(state, workflow, stage);
    if (!approved) return `尚未通过${stage}`;
    return blobHash(bytes, approved.hash.length === 64 ? 'sha256' : 'sha1') === approved.hash ? undefined : `通过${stage}后内容又有改动，须重新审定`;
  };
}

async function withholdReason(gate: PublishGate, path: string): Promise<string | undefined> {
  const bytes = await readFile(path);
  const source = decodeSource(path, bytes);
  if (source.unreadable) return '文件无法读取为文本';
  const header = parseFrontMatter(source.text);
  const data = header?.yaml.data as Partial<ChapterFrontMatter> | undefined;
  if (!data?.node) return '文件头缺少篇目节点（node）';
  const gateReason = gate(data.node, bytes);
  if (gateReason) return gateReason;
  if (data.internal === true) return '内部资料（internal: true）';
  const critic = parseCriticMarkup(source.text, header?.end ?? 0);
  if (critic.marks.length || critic.problems.length) return '含未处理的修订标记或批注（CriticMarkup）';
  return undefined;
}
