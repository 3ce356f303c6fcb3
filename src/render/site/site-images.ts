import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../../write/write-file-atomic.js';
import type { Artifact } from '../output-format.js';

export type ImageFormat = 'avif' | 'webp' | 'jpeg';

export interface ImageVariant {
  format: ImageFormat;
  width: number;
  /** Site path, e.g. images/donghu-bridge-3f2a9c1e0b-960.avif. */
  path: string;
}

/** Responsive derivatives of one picture: three formats in up to three widths. */
export interface ResponsiveImage {
  /** Size of the largest derivative: the width and height attributes (they fix the aspect ratio). */
  width: number;
  height: number;
  variants: ImageVariant[];
  /** The middle-sized JPEG, for browsers without srcset. */
  fallback: string;
}

const WIDTHS = [480, 960, 1600];
const EXTENSIONS: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
/** Part of the file-name hash: changing the widths or the encoder settings must change every name. */
const ENCODING = `${WIDTHS.join(',')}|avif50e1|webp74|jpeg80`;

/**
 * Makes the derivatives of a picture with sharp: AVIF and WebP with a JPEG fallback, at widths up to the
 * original's, re-encoded without metadata (EXIF, GPS and camera serials never reach the website). File
 * names carry a hash of the original, so a server may cache them for a year. Derivatives are kept in
 * the cache folder by that hash: a rebuild encodes only new or changed pictures.
 */
export async function prepareSiteImage(src: string, cacheDir: string | undefined): Promise<{ image: ResponsiveImage; artifacts: Artifact[] }> {
  const input = await readFile(src);
  const hash = createHash('sha1').update(ENCODING).update(input).digest('hex').slice(0, 10);
  const stem = basename(src, extname(src)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'image';
  const metaPath = cacheDir ? join(cacheDir, 'site-images', `${hash}.json`) : undefined;
  let encoded: Array<{ format: ImageFormat; width: number; height: number; data: Buffer }> | undefined;
  if (metaPath) {
    try {
      const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Array<{ format: ImageFormat; width: number; height: number }>;
      encoded = await Promise.all(meta.map(async (item) => ({ ...item, data: await readFile(join(cacheDir!, 'site-images', `${hash}-${item.width}.${EXTENSIONS[item.format]}`)) })));
    } catch {
      encoded = undefined;
    }
  }
  if (!encoded) {
    encoded = await encodeAll(input);
    if (metaPath) {
      for (const item of encoded) await writeFileAtomic(join(cacheDir!, 'site-images', `${hash}-${item.width}.${EXTENSIONS[item.format]}`), item.data);
      await writeFileAtomic(metaPath, JSON.stringify(encoded.map(({ format, width, height }) => ({ format, width, height }))));
    }
  }
  const variants = encoded.map((item) => ({ format: item.format, width: item.width, path: `images/${stem}-${hash}-${item.width}.${EXTENSIONS[item.format]}` }));
  const jpegs = variants.filter((variant) => variant.format === 'jpeg');
  const largest = encoded.reduce((max, item) => (item.width > max.width ? item : max));
  return {
    image: { width: largest.width, height: largest.height, variants, fallback: jpegs[Math.min(1, jpegs.length - 1)]!.path },
    artifacts: encoded.map((item, index) => ({ path: variants[index]!.path, data: item.data })),
  };
}

async function encodeAll(input: Buffer): Promise<Array<{ format: ImageFormat; width: number; height: number; data: Buffer }>> {
  // rotate() applies the EXIF orientation before the metadata is dropped.
  const base = sharp(input, { failOn: 'error' }).rotate();
  const metadata = await base.metadata();
  const upright = (metadata.orientation ?? 1) >= 5;
  const original = (upright ? metadata.height : metadata.width) ?? WIDTHS[0]!;
  const widths = [...new Set(WIDTHS.map((width) => Math.min(width, original)))];
  const results: Array<{ format: ImageFormat; width: number; height: number; data: Buffer }> = [];
  for (const width of widths) {
    for (const format of ['avif', 'webp', 'jpeg'] as const) {
      const resized = base.clone().resize({ width, withoutEnlargement: true });
      const encoder = format === 'avif' ? resized.avif({ quality: 50, effort: 1 }) : format === 'webp' ? resized.webp({ quality: 74 }) : resized.jpeg({ quality: 80, mozjpeg: true, progressive: true });
      const { data, info } = await encoder.toBuffer({ resolveWithObject: true });
      results.push({ format, width: info.width, height: info.height, data });
    }
  }
  return results;
}
