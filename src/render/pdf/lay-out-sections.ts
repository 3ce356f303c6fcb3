import { join } from 'node:path';
import { codeDir } from '../../project-root.js';
import type { TypstProject, TypstSession } from './compile-typst.js';
import { layOutDocument, type LaidOutDocument } from './lay-out-section.js';
import type { PrintData } from './print-data.js';

export interface SectionTask {
  main: string;
  data: PrintData;
}

/**
 * Lays out sections, one document each, on `jobs` threads: Typst lays out a document on one thread,
 * and sections share nothing. Worker threads run the built bundle; with one job, or under the test
 * runner (src/), the sections are laid out one after the other in `session`. `done` is called as each
 * one finishes.
 */
export async function layOutSections(project: TypstProject, session: TypstSession, tasks: readonly SectionTask[], jobs: number, done: (index: number) => void): Promise<LaidOutDocument[]> {
  const threads = Math.min(jobs, tasks.length);
  if (threads < 2 || !codeDir.endsWith('dist')) {
    return tasks.map((task, index) => {
      const document = layOutDocument(session, task.main, task.data, true);
      done(index);
      return document;
    });
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: join(codeDir, 'render', 'pdf', 'section-worker.js'), workerData: project, minThreads: threads, maxThreads: threads });
  try {
    return await Promise.all(
      tasks.map(async (task, index) => {
        const document = (await pool.run(task)) as LaidOutDocument;
        done(index);
        return document;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
