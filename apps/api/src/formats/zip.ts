import { strToU8, zipSync, type Zippable } from 'fflate';
import { InvalidZipEntryError } from './formats.errors';

/*
 * Zip timestamps are DOS local time, and fflate reads a Date's local fields. A Date built from local fields at
 * call time has the same fields in every time zone, so every archive is byte-identical wherever it is built.
 */
function fixedMtime(): Date {
  return new Date(2000, 0, 1, 0, 0, 0);
}

/** A deterministic zip: given order, fixed timestamps, no absolute or parent-escaping paths. */
export function buildZip(files: { path: string; content: string | Uint8Array }[]): Uint8Array {
  const entries: Zippable = {};
  const mtime = fixedMtime();
  const seen = new Set<string>();
  for (const file of files) {
    const path = file.path;
    if (path === '' || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) {
      throw new InvalidZipEntryError(path, 'must be a relative path with / separators');
    }
    if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new InvalidZipEntryError(path, 'must not contain empty, . or .. segments');
    }
    if (seen.has(path)) throw new InvalidZipEntryError(path, 'appears twice');
    seen.add(path);
    const data = typeof file.content === 'string' ? strToU8(file.content) : file.content;
    entries[path] = [data, { mtime, level: 6 }];
  }
  return zipSync(entries);
}
