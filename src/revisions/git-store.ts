import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { runTool } from '../render/run-tool.js';
import { RevisionError } from './revision-error.js';

/**
 * Everything fangzhi asks of git, in one module: the git CLI through execFile (argument arrays, no
 * shell). Paths given to git are relative to the repository root, so file names with spaces or
 * Chinese characters and calls from any folder behave alike.
 */

/** git failed or is missing; the message is Chinese and names what was asked. */
export class GitError extends RevisionError {
  override name = 'GitError';
}

async function git(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  try {
    const { stdout } = await runTool('git', ['-c', 'core.quotepath=off', ...args], { debianPackage: 'git', cwd, ...(input === undefined ? {} : { input }), timeoutMs: 60_000 });
    return stdout;
  } catch (error) {
    throw new GitError(`git ${args[0]} 失败：${(error as Error).message.replace(/^git 运行失败：/, '')}`, { cause: error });
  }
}

/** The top folder of the work tree that holds `dir`, or undefined outside a git repository. */
export async function repoRoot(dir: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], dir)).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Blob hashes of files as git computes them (with the repository's filters, e.g. autocrlf). With
 * `write` the blobs are also stored in the object database, so the exact text recorded in the ledger
 * can always be read back (readBlob), committed or not.
 */
export async function hashFiles(root: string, paths: readonly string[], options: { write: boolean }): Promise<string[]> {
  if (!paths.length) return [];
  // The top folder git reports is a real path; so must be the files, or a symlinked /tmp gives ../ paths.
  const names = await Promise.all(paths.map(async (path) => (isAbsolute(path) ? relative(root, await realpath(path)) : path)));
  const out = await git(['hash-object', ...(options.write ? ['-w'] : []), '--stdin-paths'], root, `${names.join('\n')}\n`);
  return out.toString('utf8').trim().split('\n');
}

/**
 * The blob hash of raw bytes, without running git: what `git hash-object --no-filters` prints. The
 * checker compares every locked chapter on every run, so it hashes in process and asks git only when
 * this differs (a repository with line-ending filters hashes the filtered text).
 */
export function blobHash(bytes: Uint8Array, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algorithm).update(`blob ${bytes.byteLength}\u0000`).update(bytes).digest('hex');
}

/** The content of a blob, e.g. the version of a chapter recorded in the ledger. */
export async function readBlob(root: string, hash: string): Promise<Buffer> {
  return git(['cat-file', 'blob', hash], root);
}

/** A file as it was at a commit, or undefined when it did not exist there. */
export async function showFile(root: string, commit: string, path: string): Promise<Buffer | undefined> {
  const name = (isAbsolute(path) ? relative(root, path) : path).split('\\').join('/');
  try {
    return await git(['show', `${commit}:${name}`], root);
  } catch {
    return undefined;
  }
}

/** Resolves a ref to a commit; a ref git does not know is a GitError with a plain message. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root)).toString('utf8').trim();
  } catch {
    throw new GitError(`git 中找不到「${ref}」（分支、标签或提交）`);
  }
}

/**
 * Files changed since `ref` as a merge request sees them: `git diff --name-only ref...HEAD` (from the
 * merge base), plus staged, unstaged and untracked changes in the work tree. Absolute paths, sorted.
 */
export async function changedFiles(root: string, ref: string): Promise<{ files: string[]; base: string }> {
  await resolveCommit(root, ref);
  const base = (await git(['merge-base', ref, 'HEAD'], root)).toString('utf8').trim();
  const committed = splitZ(await git(['diff', '--name-only', '-z', '--no-renames', `${ref}...HEAD`], root));
  const status = splitZ(await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], root)).map((entry) => entry.slice(3));
  const files = [...new Set([...committed, ...status])].map((name) => join(root, name)).sort();
  return { files, base };
}

function splitZ(buffer: Buffer): string[] {
  return buffer.toString('utf8').split('\u0000').filter(Boolean);
}

/** A file's blob hash as the ledger records it: git's (with filters) inside a repository, else the raw one. */
export async function fileBlobHash(path: string): Promise<string> {
  const root = await repoRoot(dirname(path));
  if (root) return (await hashFiles(root, [path], { write: false }))[0]!;
  return blobHash(await readFile(path));
}

/** The last commit at or before `ref` that touched `path`: short hash, author and date (ISO 8601); for redline headings. */
export async function lastCommit(root: string, ref: string, path: string): Promise<{ commit: string; author: string; date: string } | undefined> {
  const name = (isAbsolute(path) ? relative(root, path) : path).split('\\').join('/');
  const out = (await git(['log', '-1', '--format=%h%x00%an%x00%aI', ref, '--', name], root)).toString('utf8').trim();
  if (!out) return undefined;
  const [commit = '', author = '', date = ''] = out.split('\u0000');
  return { commit, author, date };
}
