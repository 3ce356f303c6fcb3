import { resolve } from 'node:path';
import { mergeMessages, type CheckReport } from '../../pipeline.js';
import { ownershipMessages } from '../../revisions/check-ownership.js';
import { RevisionError } from '../../revisions/revision-error.js';
import { UsageError } from '../usage-error.js';

/** `check --changed-since <ref> --as <unit>`: adds an error for every changed file outside the unit's chapters. */
export async function withOwnership(report: CheckReport, options: { changedSince?: string; as?: string }): Promise<CheckReport> {
  if (!options.changedSince || !options.as) throw new UsageError('--changed-since 与 --as 须同时使用，如 --changed-since origin/main --as education-bureau');
  try {
    const messages = await ownershipMessages(options.changedSince, options.as, report.volumes.map((volume) => resolve(volume.dir)));
    return { ...report, files: mergeMessages(report.files, messages) };
  } catch (error) {
    if (error instanceof RevisionError) throw new UsageError(error.message);
    throw error;
  }
}
