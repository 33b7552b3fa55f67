import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deflate as deflateCallback } from 'node:zlib';

// Compression runs on libuv's thread pool, never on the event loop: a marketplace holds up to 8 MiB of files.
const deflate = promisify(deflateCallback);

/**
 * A read-only git repository built in memory from a set of files, served over git's "dumb" HTTP protocol
 * (git-scm.com/docs/http-protocol: info/refs, HEAD and loose objects), which `git clone` speaks without a git
 * server. Objects are deterministic: the same files and time give the same commit id on every replica.
 */

export const GIT_BRANCH = 'refs/heads/main';
const AGENT = 'lynxprompt';
/** At most this many pkt-lines in one upload-pack request (wants, shallows, haves, done). */
const REQUEST_LINES = 4096;

function header(type: ObjectType, body: Buffer): Buffer {
  return Buffer.from(`${type} ${body.length}\0`);
}

export interface RepositoryFile {
  path: string;
  content: Buffer;
}

type ObjectType = 'commit' | 'tree' | 'blob';
/** Pack object type numbers (gitformat-pack). */
const PACK_TYPE: Record<ObjectType, number> = { commit: 1, tree: 2, blob: 3 };

/** The objects of one or more commits, by object id, and for each directory the ids of everything below it. */
export class GitObjectStore {
  private readonly objects = new Map<string, { type: ObjectType; body: Buffer }>();
  add(type: ObjectType, body: Buffer): string {
    const id = createHash('sha1').update(header(type, body)).update(body).digest('hex');
    if (!this.objects.has(id)) this.objects.set(id, { type, body });
    return id;
  }

  /** The bytes of every object held, uncompressed. */
  get bytes(): number {
    let total = 0;
    for (const object of this.objects.values()) total += object.body.length;
    return total;
  }

  /** A loose object as the dumb protocol serves it: the header and body, zlib-deflated. */
  async loose(id: string): Promise<Buffer | undefined> {
    const object = this.objects.get(id);
    return object && deflate(Buffer.concat([header(object.type, object.body), object.body]));
  }

  /** A version 2 packfile of the given objects, undeltified (gitformat-pack). */
  async pack(ids: readonly string[]): Promise<Buffer> {
    const parts: Buffer[] = [];
    const head = Buffer.alloc(12);
    head.write('PACK', 0, 'latin1');
    head.writeUInt32BE(2, 4);
    head.writeUInt32BE(ids.length, 8);
    parts.push(head);
    for (const id of ids) {
      const object = this.objects.get(id)!;
      // Type and size: 3 type bits and 4 size bits, then 7 size bits a byte, the high bit saying another follows.
      let size = object.body.length;
      const bytes = [(PACK_TYPE[object.type] << 4) | (size & 0x0f)];
      size = Math.floor(size / 16);
      while (size > 0) {
        bytes[bytes.length - 1]! |= 0x80;
        bytes.push(size & 0x7f);
        size = Math.floor(size / 128);
      }
      parts.push(Buffer.from(bytes), await deflate(object.body));
    }
    const body = Buffer.concat(parts);
    return Buffer.concat([body, createHash('sha1').update(body).digest()]);
  }

  /**
   * Writes the files as trees and blobs; returns the root tree's id and, by path, each directory's tree id with the
   * ids of every object below it (itself included): what a clone of it needs.
   */
  addTree(files: readonly RepositoryFile[]): {
    root: string;
    directories: Map<string, { id: string; objects: string[] }>;
  } {
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
    const directories = new Map<string, { id: string; objects: string[] }>();
    const write = (directory: Directory, path: string): string => {
      const entries: { name: string; mode: string; id: string; sortKey: Buffer }[] = [];
      const below = new Set<string>();
      for (const [name, id] of directory.files) {
        entries.push({ name, mode: '100644', id, sortKey: Buffer.from(name) });
        below.add(id);
      }
      for (const [name, child] of directory.children) {
        const childPath = path ? `${path}/${name}` : name;
        const id = write(child, childPath);
        for (const object of directories.get(childPath)!.objects) below.add(object);
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
      below.add(id);
      directories.set(path, { id, objects: [...below] });
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

/** One pkt-line: four hex digits of length (themselves included), then the data (gitprotocol-common). */
function pktLine(data: string | Buffer): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([Buffer.from((bytes.length + 4).toString(16).padStart(4, '0')), bytes]);
}
const FLUSH = Buffer.from('0000');

/**
 * The smart protocol's ref advertisement (gitprotocol-http, "Smart Clients"): HEAD and the branch, with the
 * capabilities this server has. Version 0; a client asking for version 2 falls back to it.
 */
export function uploadPackAdvertisement(commit: string): Buffer {
  const capabilities = `shallow no-progress symref=HEAD:${GIT_BRANCH} agent=${AGENT}`;
  return Buffer.concat([
    pktLine('# service=git-upload-pack\n'),
    FLUSH,
    pktLine(`${commit} HEAD\0${capabilities}\n`),
    pktLine(`${commit} ${GIT_BRANCH}\n`),
    FLUSH,
  ]);
}

/** Thrown for a request that is not a well-formed upload-pack request. */
export class MalformedUploadPackError extends Error {}

/** The request's pkt-lines, a flush as null; bounded in count. */
function readPktLines(request: Buffer): (string | null)[] {
  const lines: (string | null)[] = [];
  let offset = 0;
  while (offset < request.length) {
    if (lines.length >= REQUEST_LINES) throw new MalformedUploadPackError('too many lines');
    const prefix = request.subarray(offset, offset + 4).toString('latin1');
    if (!/^[0-9a-f]{4}$/.test(prefix)) throw new MalformedUploadPackError('not a pkt-line');
    const length = Number.parseInt(prefix, 16);
    if (length === 0) {
      lines.push(null);
      offset += 4;
      continue;
    }
    if (length < 4 || offset + length > request.length) throw new MalformedUploadPackError('truncated pkt-line');
    lines.push(
      request
        .subarray(offset + 4, offset + length)
        .toString('latin1')
        .replace(/\n$/, ''),
    );
    offset += length;
  }
  return lines;
}

/**
 * One stateless upload-pack exchange (gitprotocol-pack, "Packfile Negotiation"; version 0, no multi_ack, no
 * side-band). The repository is one parentless commit, so a deepened clone is complete (no shallow lines) and the
 * pack is always every object of it: nothing is ever acknowledged as common.
 */
export async function uploadPack(request: Buffer, commit: string, pack: () => Promise<Buffer>): Promise<Buffer> {
  const lines = readPktLines(request);
  const firstFlush = lines.indexOf(null);
  const needs = firstFlush === -1 ? lines : lines.slice(0, firstFlush);
  const wants = needs.filter((line): line is string => line?.startsWith('want ') ?? false);
  if (wants.length === 0) throw new MalformedUploadPackError('no want');
  for (const want of wants) {
    const id = want.slice('want '.length, 'want '.length + 40);
    if (id !== commit) return Buffer.concat([pktLine(`ERR upload-pack: not our ref ${id}`)]);
  }
  const deepen = needs.some((line) => line?.startsWith('deepen'));
  const rest = firstFlush === -1 ? [] : lines.slice(firstFlush + 1);
  const parts: Buffer[] = [];
  // The shallow section: empty, since the commit has no parent to cut.
  if (deepen) parts.push(FLUSH);
  if (rest.includes(null)) {
    // A round of haves that is not the last: nothing in common.
    parts.push(pktLine('NAK\n'));
  } else if (rest.includes('done')) {
    parts.push(pktLine('NAK\n'), await pack());
  }
  return Buffer.concat(parts);
}
