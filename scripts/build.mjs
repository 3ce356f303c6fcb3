// Builds dist/: the CLI and the worker entries (check, print sections) bundled with esbuild (one file per
// entry plus shared chunks loaded on demand, so a start-up reads a few files instead of hundreds), and the
// word lists compiled to JSON.
// Type checking is `tsc --noEmit`, run before this script by `npm run build`.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts', 'src/check/chapter-worker.ts', 'src/render/pdf/section-worker.ts', 'src/build/compile-word-lists.ts'],
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS packages (ajv, gray-matter) call require(); give ESM output a real one.
  banner: { js: "import { createRequire as __fangzhiCreateRequire } from 'node:module'; const require = __fangzhiCreateRequire(import.meta.url);" },
  // Piscina finds its own worker script next to itself, and the Typst compiler is a native module:
  // both stay normal dependencies, loaded from node_modules.
  external: ['piscina', '@myriaddreamin/typst-ts-node-compiler'],
  logLevel: 'warning',
});
await import('../dist/build/compile-word-lists.js');
