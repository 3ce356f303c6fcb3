import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { RenderError } from '../output-format.js';

export interface PreparedImage {
  data: Buffer;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
}

const cache = new Map<string, Promise<PreparedImage>>();

/**
 * Reads an image and re-encodes it without metadata (EXIF, GPS, camera serials never leave the office).
 * Photographs become JPEG; images with transparency stay PNG. `maxWidth` downsizes for screen outputs.
 */
export function prepareImage(path: string, options: { maxWidth?: number } = {}): Promise<PreparedImage> {
  const key = `${path}\u0000${options.maxWidth ?? 0}`;
  let prepared = cache.get(key);
  if (!prepared) {
    prepared = encode(path, options.maxWidth);
    cache.set(key, prepared);
  }
  return prepared;
}

async function encode(path: string, maxWidth: number | undefined): Promise<PreparedImage> {
  let input: Buffer;
  try {
    input = await readFile(path);
  } catch {
    throw new RenderError(`找不到图片文件 ${path}`);
  }
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped.
    let image = sharp(input, { failOn: 'error' }).rotate();
    const metadata = await image.metadata();
    if (maxWidth && (metadata.width ?? 0) > maxWidth) image = image.resize({ width: maxWidth });
    const png = Boolean(metadata.hasAlpha) || metadata.format === 'png' || metadata.format === 'gif';
    const { data, info } = await (png ? image.png({ compressionLevel: 6 }) : image.jpeg({ quality: 88, mozjpeg: true })).toBuffer({ resolveWithObject: true });
    return { data, format: png ? 'png' : 'jpeg', width: info.width, height: info.height };
  } catch (error) {
    throw new RenderError(`图片文件 ${path} 已损坏或格式不受支持：${(error as Error).message}`, { cause: error });
  }
}
