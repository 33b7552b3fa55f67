import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import { InvalidZipEntryError } from './formats.errors';

export interface ZipEntry {
  path: string;
  content: string | Uint8Array;
}

/*
 * Zip timestamps are DOS local time, and fflate reads a Date's local fields. A Date built from local fields at
 * call time has the same fields in every time zone, so every archive is byte-identical wherever it is built.
 */
function fixedMtime(): Date {
  return new Date(2000, 0, 1, 0, 0, 0);
}

/** Deflate level of every entry: zlib's default trade-off. */
const LEVEL = 6;
const deflateRaw = promisify(zlib.deflateRaw);

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

/**
 * Writes a deterministic zip entry by entry through fflate's streaming Zip: given order, fixed timestamps, no absolute
 * or parent-escaping paths. Entries arrive already deflated (by zlib, which can run off the event loop); the writer
 * holds only the central directory (a few dozen bytes per entry) and hands every byte to `onChunk` at once.
 */
export class ZipWriter {
  private readonly zip: Zip;
  private readonly seen = new Set<string>();
  private readonly mtime = fixedMtime();
  private failure: Error | undefined;

  constructor(onChunk: (chunk: Uint8Array) => void) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else if (chunk.length > 0) onChunk(chunk);
    });
  }

  /** Adds `raw` at `path`, stored as `deflated` (raw DEFLATE of `raw` at LEVEL). */
  addDeflated(path: string, raw: Uint8Array, deflated: Uint8Array): void {
    checkEntryPath(path, this.seen);
    const file: ZipInputFile = {
      filename: path,
      mtime: this.mtime,
      compression: 8,
      // The general-purpose flag bits fflate writes for level 6 ("normal"), as its own ZipDeflate would.
      flag: 0,
      crc: zlib.crc32(raw),
      size: raw.length,
    };
    this.zip.add(file);
    // Adding the file gave it a data handler; the whole entry in one final push finishes it.
    const push = file.ondata as (error: null, data: Uint8Array, final: boolean) => void;
    push(null, deflated, true);
    this.rethrow();
  }

  end(): void {
    this.zip.end();
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure;
  }
}

function checkEntryPath(path: string, seen: Set<string>): void {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) {
    throw new InvalidZipEntryError(path, 'must be a relative path with / separators');
  }
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new InvalidZipEntryError(path, 'must not contain empty, . or .. segments');
  }
  if (seen.has(path)) throw new InvalidZipEntryError(path, 'appears twice');
  seen.add(path);
}

/** A whole zip in memory: only for inputs the caller has already bounded (one blueprint). */
export function buildZip(files: ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => chunks.push(chunk));
  for (const file of files) {
    const raw = bytesOf(file.content);
    writer.addDeflated(file.path, raw, zlib.deflateRawSync(raw, { level: LEVEL }));
  }
  writer.end();
  return Buffer.concat(chunks);
}

/**
 * The zip of `entries` as a stream of chunks, pulled one entry at a time: the consumer's pace (an HTTP response's
 * backpressure) decides when the next entry is read. Compression runs on libuv's thread pool, so a large archive
 * costs the event loop only the copying.
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const pending: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => pending.push(chunk));
  for await (const entry of entries) {
    const raw = bytesOf(entry.content);
    writer.addDeflated(entry.path, raw, await deflateRaw(raw, { level: LEVEL }));
    yield* pending.splice(0);
  }
  writer.end();
  yield* pending.splice(0);
}
