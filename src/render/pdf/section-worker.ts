import { workerData } from 'piscina';
import { openTypst, type TypstProject } from './compile-typst.js';
import { layOutDocument, type LaidOutDocument } from './lay-out-section.js';
import type { PrintData } from './print-data.js';

// Worker-thread entry: each worker opens the project once (template, pictures, fonts) and lays out
// the sections it is given. Buffers arrive as plain Uint8Arrays; the compiler wants Buffers.
const project = workerData as TypstProject;
const session = openTypst({ ...project, files: project.files.map((file) => ({ path: file.path, data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength) })) });

export default function run(task: { main: string; data: PrintData }): LaidOutDocument {
  return layOutDocument(session, task.main, task.data, true);
}
