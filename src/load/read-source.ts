export type SourceEncoding = 'utf-8' | 'gb18030';

/** A file as read from disk: decoded text plus what is needed to write it back byte-faithfully. */
export interface SourceFile {
  path: string;
  /** Decoded text without the byte order mark; every offset in the project indexes this string. */
  text: string;
  encoding: SourceEncoding;
  hasBom: boolean;
  byteLength: number;
  /** Set when the bytes cannot be read as text at all. */
  unreadable?: 'binary';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Decodes a file's bytes. GBK/GB18030 is recognised and reported, never silently misread. */
export function decodeSource(path: string, bytes: Uint8Array): SourceFile {
  const base = { path, byteLength: bytes.byteLength };
  if (looksBinary(bytes)) return { ...base, text: '', encoding: 'utf-8', hasBom: false, unreadable: 'binary' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = utf8.decode(hasBom ? bytes.subarray(3) : bytes);
    return { ...base, text, encoding: 'utf-8', hasBom };
  } catch {
    try {
      return { ...base, text: gb18030.decode(bytes), encoding: 'gb18030', hasBom: false };
    } catch {
      return { ...base, text: '', encoding: 'utf-8', hasBom: false, unreadable: 'binary' };
    }
  }
}

/** NUL bytes never occur in UTF-8 or GB18030 text files; they do in images, archives and Word files. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

/** Encodes text back into the file's own form (BOM kept; GB18030 files become UTF-8 only through --fix). */
export function encodeSource(text: string, file: Pick<SourceFile, 'hasBom'>): Buffer {
  const body = Buffer.from(text, 'utf8');
  return file.hasBom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
