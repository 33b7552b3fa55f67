import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * A read-only git repository built in memory from a set of files, served over git's "dumb" HTTP protocol
 * (git-scm.com/docs/http-protocol: info/refs, HEAD and loose objects), which `git clone` speaks without a git
 * server. Objects are deterministic: the same files and time give the same commit id on every replica.
 */

export const GIT_BRANCH = 'refs/heads/main';

export interface RepositoryFile {
  path: string;
  content: Buffer;
}

/** The loose objects of one or more commits: each zlib-deflated as git stores them, by object id. */
export class GitObjectStore {
  readonly objects = new Map<string, Buffer>();
  private size = 0;

  /** Bytes held (deflated). */
  get bytes(): number {
    return this.size;
  }

  add(type: 'blob' | 'tree' | 'commit', body: Buffer): string {
    const raw = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
    const id = createHash('sha1').update(raw).digest('hex');
    if (!this.objects.has(id)) {
      const deflated = deflateSync(raw);
      this.objects.set(id, deflated);
      this.size += deflated.length;
    }
    return id;
  }

  /** Writes the files as trees and blobs; returns the root tree's id and each directory's tree id by its path. */
  addTree(files: readonly RepositoryFile[]): { root: string; directories: Map<string, string> } {
    interface Directory {
      files: Map<string, string>;
      children: Map<string, Directory>;
    }
    const top: Directory = { files: new Map(), children: new Map() };
    for (const file of files) {
      const parts = file.path.split('/');
      const name = parts.pop()!;
      let directory = top;
      for (const part of parts) {
        let child = directory.children.get(part);
        if (!child) {
          child = { files: new Map(), children: new Map() };
          directory.children.set(part, child);
        }
        directory = child;
      }
      directory.files.set(name, this.add('blob', file.content));
    }
    const directories = new Map<string, string>();
    const write = (directory: Directory, path: string): string => {
      const entries: { name: string; mode: string; id: string; sortKey: Buffer }[] = [];
      for (const [name, id] of directory.files) {
        entries.push({ name, mode: '100644', id, sortKey: Buffer.from(name) });
      }
      for (const [name, child] of directory.children) {
        const id = write(child, path ? `${path}/${name}` : name);
        // Git orders a tree's entries by name, a directory's name compared as if it ended in "/".
        entries.push({ name, mode: '40000', id, sortKey: Buffer.from(`${name}/`) });
      }
      entries.sort((a, b) => Buffer.compare(a.sortKey, b.sortKey));
      const body = Buffer.concat(
        entries.map((entry) =>
          Buffer.concat([Buffer.from(`${entry.mode} ${entry.name}\0`), Buffer.from(entry.id, 'hex')]),
        ),
      );
      const id = this.add('tree', body);
      directories.set(path, id);
      return id;
    };
    return { root: write(top, ''), directories };
  }

  /** A parentless commit of `tree`, authored at `time` (seconds since the epoch) by the instance. */
  addCommit(tree: string, time: number, author: string, message: string): string {
    const who = `${author} ${time} +0000`;
    return this.add('commit', Buffer.from(`tree ${tree}\nauthor ${who}\ncommitter ${who}\n\n${message}\n`));
  }
}

/** info/refs as `git update-server-info` writes it: the one branch. */
export function infoRefs(commit: string): string {
  return `${commit}\t${GIT_BRANCH}\n`;
}

/** HEAD: a symbolic reference to the branch. */
export function headRef(): string {
  return `ref: ${GIT_BRANCH}\n`;
}

/** A loose object's path parts, `objects/ab/cdef…`: two and thirty-eight lowercase hex digits. */
export function objectIdOf(directory: string, file: string): string | null {
  return /^[0-9a-f]{2}$/.test(directory) && /^[0-9a-f]{38}$/.test(file) ? `${directory}${file}` : null;
}
