import type { CollectedFile } from './collect-files';

/** One request's share: within the server's 200 files and under its 1 MB default request body. */
export const BATCH_LIMITS = { maxFiles: 100, maxBytes: 900_000 } as const;

const encoder = new TextEncoder();

/** The bytes a file adds to the JSON body. */
function jsonBytes(file: CollectedFile): number {
  return encoder.encode(JSON.stringify({ path: file.path, content: file.content, encoding: file.encoding })).length + 1;
}

function skillFolderOf(path: string, skillFolders: readonly string[]): string | undefined {
  return skillFolders.find((folder) =>
    folder === '' ? path === 'SKILL.md' || /^(references|scripts|assets)\//.test(path) : path.startsWith(`${folder}/`),
  );
}

/**
 * The files split into requests, in order. A skill's folder (its SKILL.md and everything under it) stays in one
 * request, so the server sees its attachments together; one unit larger than a request goes alone, and the server's
 * limits answer for it.
 */
export function splitIntoBatches(
  files: readonly CollectedFile[],
  limits: { maxFiles: number; maxBytes: number } = BATCH_LIMITS,
): CollectedFile[][] {
  const skillFolders = files
    .filter((file) => file.path === 'SKILL.md' || file.path.endsWith('/SKILL.md'))
    .map((file) => (file.path === 'SKILL.md' ? '' : file.path.slice(0, -'/SKILL.md'.length)))
    .sort((a, b) => b.length - a.length);
  const units = new Map<string, CollectedFile[]>();
  for (const file of files) {
    const key = skillFolderOf(file.path, skillFolders) ?? `file:${file.path}`;
    units.set(key, [...(units.get(key) ?? []), file]);
  }
  const batches: CollectedFile[][] = [];
  let current: CollectedFile[] = [];
  let bytes = 0;
  for (const unit of units.values()) {
    const unitBytes = unit.reduce((sum, file) => sum + jsonBytes(file), 0);
    if (current.length > 0 && (current.length + unit.length > limits.maxFiles || bytes + unitBytes > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(...unit);
    bytes += unitBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
