import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: schemas/, templates/ and word lists are found from here, in src/ and in dist/ alike. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
