import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(dataDir: string, owner: LockOwner | undefined) {
    super(
      `The data folder ${dataDir} is in use by another LynxPrompt process` +
        (owner ? ` (pid ${owner.pid} on ${owner.hostname}, since ${owner.since})` : '') +
        '. Stop that process, or start this one with another DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockOwner {
  pid: number;
  hostname: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own, and two processes on one folder silently lose rows. This takes an exclusive lock
 * (kept fresh while we run) and recognises a lock left behind by a crashed process on this host, so a restart after
 * `kill -9` works at once instead of waiting for the lock to go stale.
 */
export async function lockDataDir(
  dataDir: string,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'instance.lock');
  const ownerPath = path.join(dataDir, 'instance.owner.json');
  const options = { lockfilePath: lockPath, realpath: false, stale: 20_000, update: 5_000, onCompromised };

  const acquire = () => lockfile.lock(dataDir, options);
  let release: () => Promise<void>;
  try {
    release = await acquire();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = readOwner(ownerPath);
    if (!owner || owner.hostname !== os.hostname() || isAlive(owner.pid) || owner.pid === process.pid) {
      throw new DataDirLockedError(dataDir, owner);
    }
    fs.rmSync(lockPath, { recursive: true, force: true });
    try {
      release = await acquire();
    } catch {
      throw new DataDirLockedError(dataDir, readOwner(ownerPath));
    }
  }
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), since: new Date().toISOString() };
  fs.writeFileSync(ownerPath, JSON.stringify(owner));
  return async () => {
    fs.rmSync(ownerPath, { force: true });
    await release();
  };
}

function readOwner(ownerPath: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(ownerPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}
