import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pMap from 'p-map';
import sharp from 'sharp';
import { RenderError } from '../output-format.js';
import { writeFileAtomic } from '../../write/write-file-atomic.js';

export interface PreparedImage {
  data: Buffer;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
}

/**
 * Reads an image and re-encodes it without metadata (EXIF, GPS, camera serials never leave the office).
 * Photographs become JPEG; images with transparency stay PNG. `maxWidth` downsizes for screen outputs.
 * With a cache folder, results are kept by a hash of the original bytes, so a rebuild re-encodes
 * only pictures that changed.
 */
export async function prepareImage(path: string, options: { maxWidth?: number; cacheDir?: string } = {}): Promise<PreparedImage> {
  let input: Buffer;
  try {
    input = await readFile(path);
  } catch {
    throw new RenderError(`找不到图片文件 ${path}`);
  }
  if (!options.cacheDir) return encode(path, input, options.maxWidth);
  const hash = createHash('sha1').update(input).update(String(options.maxWidth ?? 0)).digest('hex');
  const cached = join(options.cacheDir, 'images', `${hash}.json`);
  try {
    const meta = JSON.parse(await readFile(cached, 'utf8')) as Omit<PreparedImage, 'data'>;
    return { ...meta, data: await readFile(`${cached.slice(0, -5)}.${meta.format}`) };
  } catch {
    const prepared = await encode(path, input, options.maxWidth);
    await writeFileAtomic(`${cached.slice(0, -5)}.${prepared.format}`, prepared.data);
    await writeFileAtomic(cached, JSON.stringify({ format: prepared.format, width: prepared.width, height: prepared.height }));
    return prepared;
  }
}

/** Pictures prepared at a time: sharp decodes and encodes on its own threads, and a few keep them busy. */
const CONCURRENCY = 4;

/**
 * Prepares many images a few at a time, in order: each result, or the RenderError that says why the
 * image cannot be used (the caller decides whether a draft goes on without it).
 */
export function prepareImages(paths: readonly string[], options: { maxWidth?: number; cacheDir?: string } = {}): Promise<Array<PreparedImage | RenderError>> {
  const settle = (path: string) => prepareImage(path, options).catch((error: unknown) => {
    if (error instanceof RenderError) return error;
    throw error;
  });
  return pMap(paths, settle, { concurrency: CONCURRENCY });
}

async function encode(path: string, input: Buffer, maxWidth: number | undefined): Promise<PreparedImage> {
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped.
    let image = sharp(input, { failOn: 'error' }).rotate();
    const metadata = await image.metadata();
    if (maxWidth && (metadata.width ?? 0) > maxWidth) image = image.resize({ width: maxWidth });
    const png = Boolean(metadata.hasAlpha) || metadata.format === 'png' || metadata.format === 'gif';
    const { data, info } = await (png ? image.png({ compressionLevel: 6 }) : image.jpeg({ quality: 88 })).toBuffer({ resolveWithObject: true });
    return { data, format: png ? 'png' : 'jpeg', width: info.width, height: info.height };
  } catch (error) {
    throw new RenderError(`图片文件 ${path} 已损坏或格式不受支持：${(error as Error).message}`, { cause: error });
  }
}
