import { basename, extname } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { createDiagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { LineIndex } from '../diagnostics/line-index.js';
import type { LoadedVolume } from '../load/load-volume.js';
import type { ChapterSummary } from '../check/check-chapter.js';
import { rangeOfPath } from '../parse/parse-yaml.js';
import { placeNodes, type PlacedNode } from '../model/volume.js';

export interface CheckedChapter {
  path: string;
  summary: ChapterSummary;
  /** Built on demand: most chapters have no structure diagnostics. */
  readonly lines: LineIndex;
}

export interface ValidateOptions {
  /** In a final check a missing chapter is an error; otherwise it is status information. */
  final: boolean;
}

/** Share of the quota beyond which a chapter is reported as too long or too short. */
const QUOTA_TOLERANCE = 0.3;

/**
 * Checks the volume's structure: the framework itself, and every chapter against it (known node,
 * one chapter per node, the assigned unit, heading levels, quotas, missing chapters).
 */
export function validateVolume(loaded: LoadedVolume, chapters: readonly CheckedChapter[], options: ValidateOptions): VFileMessage[] {
  const volume = loaded.volume;
  if (!volume) return [];
  const messages: VFileMessage[] = [];
  const framework = loaded.frameworkFile;
  const frameworkReport = (ruleId: string, severity: Severity, message: string, placed: PlacedNode, field?: string) => {
    const [start, end] = rangeOfPath(framework.document!, field ? [...placed.yamlPath, field] : [...placed.yamlPath, 'id']);
    messages.push(createDiagnostic({ file: framework.path, ruleId, source: 'validate', severity, message, start, end }, framework.lines));
  };

  const levels = volume.config.levels;
  const seenIds = new Set<string>();
  // Flatten the tree again rather than reading the id map, so that a duplicated id shows up twice.
  for (const placed of placeNodes(framework.data!.nodes)) {
    const { node } = placed;
    if (seenIds.has(node.id)) frameworkReport('duplicate-node', 'error', `节点标识「${node.id}」重复，节点标识在全卷中必须唯一`, placed);
    seenIds.add(node.id);
    const expectedKind = levels[placed.depth];
    if (!expectedKind) frameworkReport('level-depth', 'error', `「${node.title}」位于第${placed.depth + 1}层，超出本卷规定的${levels.length}层（${levels.join('、')}）`, placed);
    else if (node.kind !== expectedKind) frameworkReport('level-kind', 'error', `「${node.title}」位于第${placed.depth + 1}层，层次应为「${expectedKind}」而不是「${node.kind}」`, placed, 'kind');
    if (placed.isLeaf && !node.unit) frameworkReport('unassigned-node', 'error', `叶节点「${node.title}」没有指定承编单位（unit）`, placed);
    if (node.unit && !volume.units.has(node.unit)) frameworkReport('unknown-unit', 'error', `「${node.title}」的承编单位「${node.unit}」不在供稿单位名录（units.yaml）中`, placed, 'unit');
  }

  const byNode = new Map<string, CheckedChapter>();
  for (const chapter of chapters) {
    const { summary, path } = chapter;
    const report = (ruleId: string, severity: Severity, message: string, field?: string) => {
      const [start, end] = (field && summary.fieldRanges[field]) || [0, 0];
      messages.push(createDiagnostic({ file: path, ruleId, source: 'validate', severity, message, start, end }, chapter.lines));
    };
    for (const mark of summary.critic) {
      const severity = options.final ? 'error' : 'warning';
      messages.push(createDiagnostic({ file: path, ruleId: 'critic-markup-open', source: 'validate', severity, message: `尚未处理的${mark.kind === 'comment' || mark.kind === 'highlight' ? '批注或标注' : '修改建议'}：${mark.label}；定稿前须用 fangzhi accept 或 reject 处理`, start: mark.start, end: mark.end }, chapter.lines));
    }
    const frontMatter = summary.frontMatter;
    if (!frontMatter || typeof frontMatter.node !== 'string') continue;
    const placed = volume.nodes.get(frontMatter.node);
    if (!placed) {
      const suggestion = closestIds(frontMatter.node, [...volume.nodes.keys()]);
      report('unknown-node', 'error', `篇目框架中没有节点「${frontMatter.node}」${suggestion.length ? `，是否应为「${suggestion.join('」或「')}」？` : ''}`, 'node');
      continue;
    }
    if (!placed.isLeaf) {
      report('unknown-node', 'error', `「${placed.node.title}」（${frontMatter.node}）不是承编节点，稿件应对应其下的${levels[placed.depth + 1] ?? '下级'}`, 'node');
      continue;
    }
    const first = byNode.get(frontMatter.node);
    if (first) {
      report('duplicate-chapter', 'error', `节点「${placed.node.title}」已有稿件 ${first.path}，一个节点只能有一份稿件`, 'node');
      continue;
    }
    byNode.set(frontMatter.node, chapter);
    if (basename(path, extname(path)) !== frontMatter.node) report('file-name', 'warning', `文件名应与节点标识一致，即 ${frontMatter.node}${extname(path)}`, 'node');
    if (typeof frontMatter.unit === 'string' && frontMatter.unit !== placed.node.unit) {
      const assigned = volume.units.get(placed.node.unit ?? '');
      report('unit-mismatch', 'error', `「${placed.node.title}」由${assigned ? `「${assigned.name}」` : `「${placed.node.unit}」`}承编，稿件却署为「${frontMatter.unit}」`, 'unit');
    } else if (typeof frontMatter.unit === 'string' && !volume.units.has(frontMatter.unit)) {
      report('unknown-unit', 'error', `供稿单位「${frontMatter.unit}」不在供稿单位名录（units.yaml）中`, 'unit');
    }
    const nodeLevel = placed.depth + 1;
    for (const heading of summary.headings) {
      const at = (ruleId: string, severity: Severity, message: string) =>
        messages.push(createDiagnostic({ file: path, ruleId, source: 'validate', severity, message, start: heading.start, end: heading.end }, chapter.lines));
      if (heading.depth > levels.length) at('heading-depth', 'error', `标题「${heading.text}」为第${heading.depth}级，超出本卷规定的${levels.length}层（${levels.join('、')}）`);
      else if (heading.depth < nodeLevel) at('heading-depth', 'error', `标题「${heading.text}」为第${heading.depth}级（${levels[heading.depth - 1]}），高于稿件所属的${placed.node.kind}「${placed.node.title}」`);
      else if (heading.depth === nodeLevel && heading.text !== placed.node.title) at('heading-title', 'warning', `标题「${heading.text}」应与篇目框架中的「${placed.node.title}」一致`);
    }
    const quota = placed.node.quota?.chars;
    if (quota) {
      if (summary.chars > quota * (1 + QUOTA_TOLERANCE)) report('quota', 'warning', `稿件${summary.chars}字，超出定额${quota}字的${Math.round(((summary.chars - quota) / quota) * 100)}%`, 'node');
      else if (summary.chars < quota * (1 - QUOTA_TOLERANCE)) report('quota', 'info', `稿件${summary.chars}字，不足定额${quota}字的${Math.round((summary.chars / quota) * 100)}%`, 'node');
    }
  }

  for (const leaf of volume.leaves) {
    if (byNode.has(leaf.node.id)) continue;
    const unit = volume.units.get(leaf.node.unit ?? '');
    frameworkReport('missing-chapter', options.final ? 'error' : 'info', `缺稿：「${leaf.titles.join(' › ')}」（${unit?.name ?? leaf.node.unit ?? '未指定单位'}）尚无稿件`, leaf);
  }
  return messages;
}

/** Node ids close to a mistyped one (edit distance ≤ 2, or sharing a prefix). */
function closestIds(wanted: string, ids: string[]): string[] {
  return ids
    .map((id) => ({ id, distance: editDistance(wanted, id) }))
    .filter((candidate) => candidate.distance <= 2)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 2)
    .map((candidate) => candidate.id);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
