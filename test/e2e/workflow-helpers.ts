import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { miniVolume, tempDir, writeTree } from '../helpers.js';

const GIT_ENV = { GIT_AUTHOR_NAME: '测试', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: '测试', GIT_COMMITTER_EMAIL: 'test@example.invalid' };

/** Runs git in a test repository (never in the project's own). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
}

/** A real git repository holding the mini volume (units edu and health), committed on branch main. */
export async function volumeRepo(overrides: Parameters<typeof miniVolume>[0] = {}): Promise<string> {
  const dir = await tempDir('fangzhi-workflow-');
  await writeTree(dir, { '.gitignore': 'out/\n', ...miniVolume(overrides) });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', '建卷');
  return dir;
}

/** Every ledger file of the volume, by name. */
export async function ledgerSnapshot(volumeDir: string): Promise<Map<string, Buffer>> {
  const dir = join(volumeDir, 'ledger');
  const names = await readdir(dir).catch(() => [] as string[]);
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}

/** The append-only promise: every earlier ledger file still exists and starts with exactly its earlier bytes. */
export function expectAppendOnly(before: Map<string, Buffer>, after: Map<string, Buffer>, step: string): void {
  for (const [name, bytes] of before) {
    const now = after.get(name);
    expect(now, `${step}: ${name} still exists`).toBeDefined();
    expect(now!.subarray(0, bytes.byteLength).equals(bytes), `${step}: ${name} keeps its earlier events byte for byte`).toBe(true);
  }
}
