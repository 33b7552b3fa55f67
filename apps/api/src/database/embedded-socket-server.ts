import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { authenticateStartup } from './startup-password';

type QueryQueue = ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'];

interface QueuedMessage {
  readonly handlerId: number;
  readonly message: Uint8Array;
  readonly onData: (data: Uint8Array) => void;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: unknown) => void;
}

/** Frontend messages that end an extended-protocol cycle (Sync) or are a whole cycle on their own (simple Query). */
const CYCLE_END = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0)]);
/** Extended-protocol messages: Parse, Bind, Describe, Execute, Close and Flush, each followed later by a Sync. */
const EXTENDED = new Set([...'PBDECH'].map((letter) => letter.charCodeAt(0)));

/**
 * Runs every connection's messages on PGlite's single session, one at a time. A connection keeps the session from its
 * first extended-protocol message until its Sync, and for a whole transaction: otherwise two pooled connections'
 * Parse/Bind messages interleave and one binds the other's unnamed statement ("bind message supplies 9 parameters,
 * but prepared statement requires 2"). The library's own queue only keeps a connection for a transaction, and stops
 * for good after one failed message; this one does neither.
 */
export class SessionQueue {
  private readonly queue: QueuedMessage[] = [];
  private processing = false;
  /** The connection that holds the session mid-cycle or mid-transaction, if any. */
  private owner: number | undefined;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      const queued = this.queue[index];
      if (queued?.handlerId !== handlerId) continue;
      this.queue.splice(index, 1);
      queued.reject(new Error('connection closed'));
    }
  }

  /** A connection that goes away mid-cycle or mid-transaction must not keep the session, nor leave its transaction. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    this.owner = undefined;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    void this.drain();
  }

  private next(): QueuedMessage | undefined {
    if (this.owner === undefined) return this.queue.shift();
    const index = this.queue.findIndex((queued) => queued.handlerId === this.owner);
    // The owner has not sent its next message yet: everyone else waits for it.
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async drain(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let queued = this.next(); queued; queued = this.next()) {
        await this.run(queued);
      }
    } finally {
      this.processing = false;
    }
  }

  private async run({ handlerId, message, onData, resolve, reject }: QueuedMessage): Promise<void> {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data) => {
            bytes += data.length;
            onData(data);
          },
        }),
      );
      resolve(bytes);
    } catch (error) {
      reject(error);
    }
    const type = message[0] ?? 0;
    const midCycle = EXTENDED.has(type) && !CYCLE_END.has(type);
    this.owner = midCycle || this.db.isInTransaction() ? handlerId : undefined;
  }
}

/**
 * PGlite on a loopback TCP port, speaking the PostgreSQL wire protocol, using {@link SessionQueue}. Every connection
 * must give the password made for this start (PGlite itself would let anyone in): any other local process, or a
 * browser page probing localhost, is refused.
 */
export class EmbeddedSocketServer {
  /** Random per start, never written anywhere: only this process's connection string holds it. */
  readonly password = randomBytes(32).toString('base64url');
  private readonly queue: SessionQueue;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private readonly server: net.Server;

  constructor(
    db: PGlite,
    private readonly maxConnections: number,
  ) {
    this.queue = new SessionQueue(db);
    this.server = net.createServer((socket) => void this.accept(socket));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as net.AddressInfo;
    return `127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const handler of this.handlers) await handler.detach(true);
    this.handlers.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async accept(socket: net.Socket): Promise<void> {
    if (this.handlers.size >= this.maxConnections) {
      socket.end('Too many connections\n');
      return;
    }
    let startup: Buffer;
    try {
      startup = await authenticateStartup(socket, this.password);
    } catch {
      return; // Answered (28P01) and closed already.
    }
    // The database answers the startup message as if it had read it itself.
    socket.pause();
    socket.unshift(startup);
    const handler = new PGLiteSocketHandler({
      queryQueue: this.queue as unknown as QueryQueue,
      closeOnDetach: true,
    });
    this.handlers.add(handler);
    const forget = (): boolean => this.handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    try {
      await handler.attach(socket);
      socket.resume();
    } catch {
      forget();
      socket.destroy();
    }
  }
}
