import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { RenderError } from '../output-format.js';
import { runTool } from '../run-tool.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';

/**
 * Pandoc's reader: east_asian_line_breaks so that a line break inside Chinese text leaves no space;
 * no implicit figures, because captions are our own 图注 paragraphs; no smart punctuation, which would
 * read Chinese “” as quotation nodes and ... as an ellipsis.
 */
export const READER_ARGS = ['-f', 'markdown+east_asian_line_breaks-implicit_figures-smart'] as const;

/**
 * Raw blocks of this format part the blocks of one pandoc run. Chapter text never holds a backtick
 * unescaped and raw OpenXML never holds one at all, so no content can produce this block.
 */
const SPLIT_FORMAT = 'fangzhi-split';

/**
 * Below this much Markdown a second pandoc process costs more than it saves. Above it (a cold build,
 * a changed reader), the blocks are read in a few runs side by side, one per processor: the reader
 * runs on one core, and the separators and JSON would otherwise make a cold build slower than one
 * pandoc run from Markdown straight to DOCX.
 */
const PARALLEL_MIN_CHARS = 200_000;
const MAX_PANDOC_RUNS = 4;

/** First line of the cache file: what the entries after it were read with, and pandoc's JSON frame. */
interface CacheHeader {
  pandoc: string;
  apiVersion: unknown;
  meta: unknown;
}

interface PandocBlock {
  t: string;
  c?: unknown;
}

export interface PandocReading {
  /** The whole document as pandoc JSON, ready for `pandoc -f json`. */
  json: string;
  /** Blocks found in the cache. */
  hits: number;
  /** Distinct blocks pandoc read in this run. */
  misses: number;
}

let versionLine: Promise<string> | undefined;

/** The first line of `pandoc --version`, asked once per process: another pandoc may read differently. */
function pandocVersion(): Promise<string> {
  versionLine ??= runTool('pandoc', ['--version'], { debianPackage: 'pandoc' }).then(
    ({ stdout }) => stdout.toString('utf8').split('\n')[0]!.trim(),
    (error: unknown) => {
      // A missing pandoc may be installed while the process runs (tests change PATH): ask again next time.
      versionLine = undefined;
      throw error;
    },
  );
  return versionLine;
}

/**
 * Reads top-level Markdown blocks with pandoc and returns the document as pandoc JSON. With a cache
 * file, each block's reading is kept under a hash of its text, the reader arguments and the pandoc
 * version, so a rebuild after a change in one chapter reads only that chapter's blocks (the reader
 * is the slow half of pandoc). Blocks missing from the cache are read together, parted by raw blocks
 * that are split off again: in one pandoc run, or for much text (a cold build) in a few runs side by
 * side. The file keeps only the entries this document used, so it does not grow from build to build.
 * `charsPerRun` (tests) lowers the amount of Markdown from which pandoc runs side by side.
 */
export async function readMarkdownBlocks(blocks: readonly string[], cacheFile?: string, options: { charsPerRun?: number } = {}): Promise<PandocReading> {
  const version = cacheFile ? await pandocVersion() : '';
  const cached = cacheFile ? await loadCache(cacheFile, version) : { header: undefined, entries: new Map<string, string>() };
  const prefix = `${READER_ARGS.join(' ')}\n${version}\n`;
  const keys = blocks.map((block) => createHash('sha256').update(prefix).update(block).digest('hex'));

  const missing = new Map<string, string>();
  keys.forEach((key, index) => {
    if (!cached.entries.has(key)) missing.set(key, blocks[index]!);
  });
  // Without any miss pandoc is not run at all: the JSON frame then comes from the cache's header.
  const read = missing.size > 0 || !cached.header ? await readInRuns([...missing.values()], options.charsPerRun ?? PARALLEL_MIN_CHARS) : undefined;
  const header: CacheHeader = read ? { pandoc: version, apiVersion: read.apiVersion, meta: read.meta } : cached.header!;
  const fresh = new Map([...missing.keys()].map((key, index) => [key, read!.blocks[index]!]));
  const values = keys.map((key) => cached.entries.get(key) ?? fresh.get(key)!);

  if (cacheFile) {
    const used = new Map(keys.map((key, index) => [key, values[index]!]));
    if (missing.size > 0 || used.size !== cached.entries.size || !cached.header) {
      const lines = [JSON.stringify(header), ...[...used].map(([key, value]) => `${key} ${value}`)];
      await writeFileAtomic(cacheFile, `${lines.join('\n')}\n`);
    }
  }
  const json = `{"pandoc-api-version":${JSON.stringify(header.apiVersion)},"meta":${JSON.stringify(header.meta)},"blocks":[${values.filter(Boolean).join(',')}]}`;
  return { json, hits: keys.filter((key) => cached.entries.has(key)).length, misses: missing.size };
}

/**
 * The cache: a header line, then one line per block, `<sha256> <pandoc JSON blocks without the
 * brackets>`. JSON holds no raw line break, so lines part entries; the values are never parsed here.
 * An unreadable file or one from another pandoc is an empty cache.
 */
async function loadCache(file: string, version: string): Promise<{ header: CacheHeader | undefined; entries: Map<string, string> }> {
  const entries = new Map<string, string>();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { header: undefined, entries };
  }
  const lines = text.split('\n');
  let header: CacheHeader | undefined;
  try {
    header = JSON.parse(lines[0]!) as CacheHeader;
  } catch {
    return { header: undefined, entries };
  }
  if (header.pandoc !== version) return { header: undefined, entries };
  for (const line of lines.slice(1)) if (line.charAt(64) === ' ') entries.set(line.slice(0, 64), line.slice(65));
  return { header, entries };
}

/** Reads blocks in one pandoc run, or for much text in a few runs side by side. */
async function readInRuns(blocks: readonly string[], charsPerRun: number): Promise<{ apiVersion: unknown; meta: unknown; blocks: string[] }> {
  const chars = blocks.reduce((sum, block) => sum + block.length, 0);
  const runs = Math.min(MAX_PANDOC_RUNS, availableParallelism(), Math.ceil(chars / charsPerRun), blocks.length);
  if (runs <= 1) return readWithPandoc(blocks);
  // Dealt out in turn: blocks are self-contained, and this spreads the costly ones (long chapters,
  // tables) more evenly than cutting the list into consecutive stretches.
  const groups = Array.from({ length: runs }, (_, run) => blocks.filter((_, index) => index % runs === run));
  const results = await Promise.all(groups.map((list) => readWithPandoc(list)));
  return { apiVersion: results[0]!.apiVersion, meta: results[0]!.meta, blocks: blocks.map((_, index) => results[index % runs]!.blocks[Math.floor(index / runs)]!) };
}

/** Reads blocks in one pandoc run and splits its JSON at the separators: one value per block. */
async function readWithPandoc(blocks: readonly string[]): Promise<{ apiVersion: unknown; meta: unknown; blocks: string[] }> {
  const markdown = blocks.map((block, index) => (index === 0 ? block : `\`\`\`{=${SPLIT_FORMAT}}\n${index}\n\`\`\`\n\n${block}`)).join('\n\n');
  const { stdout } = await runTool('pandoc', [...READER_ARGS, '-t', 'json'], { debianPackage: 'pandoc', input: `${markdown}\n` });
  const document = JSON.parse(stdout.toString('utf8')) as { 'pandoc-api-version': unknown; meta: unknown; blocks: PandocBlock[] };
  const parts: string[] = [];
  let part: PandocBlock[] = [];
  for (const block of document.blocks) {
    if (block.t === 'RawBlock' && (block.c as [string, string])[0] === SPLIT_FORMAT) {
      // A block that swallowed its separator, or split into a separator, is not self-contained.
      if ((block.c as [string, string])[1].trim() !== String(parts.length + 1)) break;
      parts.push(JSON.stringify(part).slice(1, -1));
      part = [];
    } else {
      part.push(block);
    }
  }
  parts.push(JSON.stringify(part).slice(1, -1));
  if (parts.length !== Math.max(blocks.length, 1)) throw new RenderError(`pandoc 分段读取 Word 稿失败：第 ${parts.length} 段与后文连在一起，无法单独读取`);
  return { apiVersion: document['pandoc-api-version'], meta: document.meta, blocks: parts };
}
