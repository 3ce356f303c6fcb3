import type { AssembledVolume } from '../model/assembled.js';

/** A file produced by a renderer, written by the write stage only (atomically, into out/). */
export interface Artifact {
  /** Path relative to the output folder. */
  path: string;
  data: string | Uint8Array;
}

export interface PrintSettings {
  /** 16k = 185 × 260 mm (default); da16k = 大16开 210 × 285 mm. */
  trim: '16k' | 'da16k';
}

export interface RenderContext {
  /** Base name of the output files, e.g. yearbook-2016 or yearbook-2016-shehui-jiaoyu. */
  baseName: string;
  print: PrintSettings;
  /** Folder for work kept between builds (prepared images), by content hash; none disables it. */
  cacheDir?: string;
  /** Threads a renderer may use (the print PDF lays out its sections in parallel). */
  jobs?: number;
  /** Progress lines for long renders. */
  progress(message: string): void;
}

/** An output format: a small interface in a registry, as Quarto's formats are. */
export interface OutputFormat {
  id: 'pdf' | 'html' | 'docx';
  /** Chinese name for messages, e.g. 印刷版 PDF. */
  label: string;
  render(volume: AssembledVolume, context: RenderContext): Promise<Artifact[]>;
}

/** A renderer's failure: a clear Chinese message, with the tool's own output as the cause. */
export class RenderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RenderError';
  }
}
