import { rmSync } from 'node:fs';
import path from 'node:path';
import { attachedFiles, getBlueprint, latestVersion, render } from './blueprint-api';
import type { CommandContext } from './context';
import { hiddenInstructionsIn } from './hidden-guard';
import { textOf } from './text';
import {
  findRoot,
  readBase,
  readLocal,
  readLocalBytes,
  readLockfile,
  safePath,
  sha256,
  storeBase,
  writeAtomically,
  writeLockfile,
  type LockEntry,
} from './lockfile';
import { lineDiff, threeWayMerge } from './merge';

export type SyncStatus =
  /** Already at the newest version. */
  | 'current'
  /** Was untouched: replaced by the newest version. */
  | 'updated'
  /** Edited by hand: the upstream change merged in cleanly, the hand edits kept. */
  | 'merged'
  /** Edited by hand and the upstream change overlaps the edits (or no base to merge with): left alone. */
  | 'conflict'
  /** The file was gone: written again at the newest version. */
  | 'restored'
  /** The newest version hides instructions from its reader: not written (see --allow-hidden). */
  | 'held';

export interface SyncedFile {
  path: string;
  blueprint: string;
  from: number;
  to: number;
  status: SyncStatus;
  /** Conflicts: the file with conflict markers, or a diff from the local file to upstream when there is no base. */
  diff?: string;
  conflicts?: number;
}

/**
 * Brings every pinned file to its blueprint's newest version. A file edited by hand (its hash is not the pinned one)
 * is never overwritten: the upstream change is merged into it when the base is known and the merge is clean, and the
 * file is left alone otherwise.
 */
export async function sync(
  context: CommandContext,
  options: { dryRun?: boolean; allowHidden?: boolean },
): Promise<SyncedFile[]> {
  const root = findRoot(context.cwd);
  const lock = readLockfile(root);
  const results: SyncedFile[] = [];
  const latest = new Map<string, Awaited<ReturnType<typeof getBlueprint>>>();
  const progress = context.output.progress('Syncing', lock.files.length);
  try {
    for (const entry of lock.files) {
      progress.tick();
      const client = context.client({ instance: context.instance(entry.instance) });
      const detail = latest.get(entry.blueprint) ?? (await getBlueprint(client, entry.blueprint));
      latest.set(entry.blueprint, detail);
      const newest = latestVersion(detail);
      const local = readLocal(root, entry.path);
      const base = { path: entry.path, blueprint: entry.blueprint, from: entry.version, to: newest };
      const attachedPresent = (entry.files ?? []).every((file) => readLocalBytes(root, file.path) !== undefined);
      if (newest === entry.version && local !== undefined && attachedPresent) {
        results.push({ ...base, status: 'current' });
        continue;
      }
      const upstream = await render(client, entry.blueprint, {
        format: entry.format,
        values: entry.variables ?? {},
        version: newest,
      });
      const parts = (await attachedFiles(client, entry.blueprint, upstream)).map((part) => {
        const at = safePath(root, path.posix.join(path.posix.dirname(entry.path), part.path));
        return { path: at, bytes: part.bytes, sha256: sha256(part.bytes) };
      });
      // An update is how a trusted blueprint turns hostile: a version hiding instructions from its reader is held back.
      const hidden = options.allowHidden ? undefined : await heldBack(upstream.content, parts);
      if (hidden) {
        results.push({ ...base, status: 'held', diff: hidden });
        continue;
      }
      // Attached files are not merged: one edited by hand that upstream also changed holds the whole blueprint back.
      const editedParts = parts.filter((part) => {
        const current = readLocalBytes(root, part.path);
        return current !== undefined && !current.equals(part.bytes) && sha256(current) !== pinnedHash(entry, part.path);
      });
      if (editedParts.length) {
        const names = editedParts.map((part) => part.path).join(', ');
        results.push({ ...base, status: 'conflict', diff: `Attached files edited by hand: ${names}` });
        continue;
      }
      let write: string | undefined;
      let status: SyncStatus;
      if (local === undefined) {
        write = upstream.content;
        status = 'restored';
      } else if (sha256(local) === entry.sha256 || local === upstream.content) {
        write = local === upstream.content ? undefined : upstream.content;
        status = 'updated';
      } else {
        const pulled = readBase(root, entry.sha256);
        if (pulled === undefined) {
          results.push({ ...base, status: 'conflict', diff: lineDiff(local, upstream.content) });
          continue;
        }
        const merged = threeWayMerge(local, pulled, upstream.content);
        if (!merged.clean) {
          results.push({ ...base, status: 'conflict', diff: merged.marked, conflicts: merged.conflicts });
          continue;
        }
        write = merged.content;
        status = 'merged';
      }
      results.push({ ...base, status });
      if (options.dryRun) continue;
      if (write !== undefined) writeAtomically(path.join(root, entry.path), write);
      for (const part of parts) writeAtomically(path.join(root, part.path), part.bytes);
      // Files the new version no longer has go, unless they were edited by hand.
      for (const old of entry.files ?? []) {
        if (parts.some((part) => part.path === old.path)) continue;
        const current = readLocalBytes(root, old.path);
        if (current !== undefined && sha256(current) === old.sha256) rmSync(path.join(root, old.path));
      }
      // The pin records upstream's content, not the merge: the hand edits stay visible to `lynxp check` as drift.
      storeBase(root, upstream.content);
      Object.assign(entry, {
        version: upstream.version,
        sha256: sha256(upstream.content),
        revision: detail.revision,
        files: parts.length ? parts.map((part) => ({ path: part.path, sha256: part.sha256 })) : undefined,
      });
    }
  } finally {
    progress.done();
    // What was written before a failure stays pinned, so the next sync does not take it for a hand edit.
    if (!options.dryRun && lock.files.length) writeLockfile(root, lock);
  }
  return results;
}

/** Why the newest version may not be written: the first of its files with hidden instructions, if any. */
async function heldBack(content: string, parts: { path: string; bytes: Buffer }[]): Promise<string | undefined> {
  for (const text of [content, ...parts.map((part) => textOf(part.bytes))]) {
    if (text === undefined) continue;
    const { total, findings } = await hiddenInstructionsIn(text);
    if (total === 0) continue;
    const first = findings[0];
    return (
      `${total} hidden instruction${total === 1 ? '' : 's'} in the newest version` +
      (first ? ` (line ${first.line}: ${first.message})` : '') +
      '; not written. Read it with lynxp show, and sync with --allow-hidden if you trust it'
    );
  }
  return undefined;
}

function pinnedHash(entry: LockEntry, file: string): string | undefined {
  return entry.files?.find((candidate) => candidate.path === file)?.sha256;
}
