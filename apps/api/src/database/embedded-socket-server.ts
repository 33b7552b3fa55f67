import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import type { Logger } from 'pino';
import { authenticateStartup, refuse } from './startup-password';

type QueryQueue = ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'];

interface QueuedMessage {
  readonly handlerId: number;
  /** Undefined: the connection has gone, and the session is to be given back (see {@link SessionQueue.release}). */
  readonly message: Uint8Array | undefined;
  readonly onData: (data: Uint8Array) => void;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: unknown) => void;
}

/** Frontend messages that end an extended-protocol cycle (Sync) or are a whole cycle on their own (simple Query). */
const CYCLE_END = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0)]);
/** Extended-protocol messages: Parse, Bind, Describe, Execute, Close and Flush, each followed later by a Sync. */
const EXTENDED = new Set([...'PBDECH'].map((letter) => letter.charCodeAt(0)));

/**
 * Nothing of ours keeps the session idle this long between two of its messages while others wait: Prisma itself
 * abandons an embedded transaction after 30 s in all. An owner silent for longer is lost (a stuck or half-dead
 * connection), and is cut off so that everyone else does not wait forever.
 */
export const OWNER_IDLE_LIMIT_MS = 30_000;
/**
 * Handshakes in progress at once. Unauthenticated sockets never count against `maxConnections`, so a flood of them
 * cannot lock our own pool out; when this many are pending, one is dropped for the newcomer: the oldest that has not
 * even sent its startup message, else the oldest. Our pool sends its startup message at once and finishes in
 * milliseconds, so a flood of idle or dribbling sockets does not push it out; a flood completes no handshake.
 */
export const MAX_PENDING_HANDSHAKES = 128;

function frontendMessage(type: string, body: Buffer): Uint8Array {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([header, body]));
}

/**
 * Ends whatever a vanished connection left open on the session: a ROLLBACK as a simple query aborts its transaction,
 * explicit or the implicit one of an unfinished Parse/Bind/Execute (a Sync alone would commit that); the Sync then
 * ends an extended cycle, including one that failed and ignores everything up to its Sync; a transaction block that
 * was already failed when the ROLLBACK came is still open after the Sync, and the second ROLLBACK ends it.
 */
const ROLLBACK = frontendMessage('Q', Buffer.from('ROLLBACK\0'));
const SYNC = frontendMessage('S', Buffer.alloc(0));

export interface SessionQueueOptions {
  readonly ownerIdleLimitMs?: number;
  /** Cuts off a connection that keeps the session without using it; it must close, or be treated as gone. */
  readonly onOwnerIdle?: (handlerId: number) => void;
  /** Messages from a connection that is no longer open are refused, so they cannot take the session again. */
  readonly isOpen?: (handlerId: number) => boolean;
}

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
  /** The connection whose message is running now. */
  private running: number | undefined;
  private ownerIdleTimer: NodeJS.Timeout | undefined;
  private readonly ownerIdleLimitMs: number;

  constructor(
    private readonly db: PGlite,
    private readonly options: SessionQueueOptions = {},
  ) {
    this.ownerIdleLimitMs = options.ownerIdleLimitMs ?? OWNER_IDLE_LIMIT_MS;
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (this.options.isOpen && !this.options.isOpen(handlerId)) {
      return Promise.reject(new Error('connection closed'));
    }
    return this.push(handlerId, message, onData);
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      const queued = this.queue[index];
      if (queued?.handlerId !== handlerId || queued.message === undefined) continue;
      this.queue.splice(index, 1);
      queued.reject(new Error('connection closed'));
    }
  }

  /**
   * Called by the library when a connection closes, fails or is detached. It must not keep the session, nor leave its
   * transaction behind. Its last message may still be running, and would make it the owner again when it ends, so the
   * release is queued behind it instead of done at once.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId && this.running !== handlerId) return;
    await this.release(handlerId);
  }

  private release(handlerId: number): Promise<void> {
    return this.push(handlerId, undefined, () => undefined).then(
      () => undefined,
      () => undefined,
    );
  }

  private push(handlerId: number, message: Uint8Array | undefined, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
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
        this.stopOwnerIdleTimer();
        this.running = queued.handlerId;
        await this.run(queued);
      }
    } finally {
      this.running = undefined;
      this.processing = false;
    }
    this.watchOwner();
  }

  /** Others wait on an owner that sends nothing: bound the wait. */
  private watchOwner(): void {
    if (this.owner === undefined || this.queue.length === 0 || this.ownerIdleTimer) return;
    const owner = this.owner;
    this.ownerIdleTimer = setTimeout(() => {
      this.ownerIdleTimer = undefined;
      if (this.owner !== owner) return;
      this.options.onOwnerIdle?.(owner);
      // Even if closing it goes wrong, the session is given back.
      void this.release(owner);
    }, this.ownerIdleLimitMs);
    this.ownerIdleTimer.unref();
  }

  private stopOwnerIdleTimer(): void {
    clearTimeout(this.ownerIdleTimer);
    this.ownerIdleTimer = undefined;
  }

  private async run({ handlerId, message, onData, resolve, reject }: QueuedMessage): Promise<void> {
    if (message === undefined) {
      try {
        if (this.owner === handlerId) await this.endSession();
        resolve(0);
      } catch (error) {
        reject(error);
      } finally {
        if (this.owner === handlerId) this.owner = undefined;
      }
      return;
    }
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

  private async endSession(): Promise<void> {
    await this.db.runExclusive(async () => {
      await this.db.execProtocolRaw(ROLLBACK);
      await this.db.execProtocolRaw(SYNC);
      if (this.db.isInTransaction()) await this.db.execProtocolRaw(ROLLBACK);
    });
  }
}

export interface EmbeddedSocketServerOptions {
  readonly logger?: Pick<Logger, 'warn'>;
  readonly handshakeTimeoutMs?: number;
  readonly maxPendingHandshakes?: number;
  readonly ownerIdleLimitMs?: number;
}

/** Socket errors (a reset, a write to a closed peer) end that connection only; without a listener they end the process. */
const ignoreSocketError = (): void => undefined;

/**
 * PGlite on a loopback TCP port, speaking the PostgreSQL wire protocol, using {@link SessionQueue}. Every connection
 * must give the password made for this start (PGlite itself would let anyone in): any other local process, or a
 * browser page probing localhost, is refused, and cannot exhaust the server while it tries (see docs/security.md).
 */
export class EmbeddedSocketServer {
  /** Random per start, never written anywhere: only this process's connection string holds it. */
  readonly password = randomBytes(32).toString('base64url');
  private readonly queue: SessionQueue;
  private readonly handlers = new Map<number, { handler: PGLiteSocketHandler; socket: net.Socket }>();
  /** Sockets in the password exchange that have not sent a whole startup message yet, oldest first. */
  private readonly pending = new Set<net.Socket>();
  /** Sockets in the password exchange that have been asked for the password, oldest first. */
  private readonly awaitingPassword = new Set<net.Socket>();
  private readonly server: net.Server;
  private stopping = false;
  private lastServerErrorLog = 0;

  constructor(
    db: PGlite,
    private readonly maxConnections: number,
    private readonly options: EmbeddedSocketServerOptions = {},
  ) {
    this.queue = new SessionQueue(db, {
      ownerIdleLimitMs: options.ownerIdleLimitMs,
      isOpen: (handlerId) => this.handlers.has(handlerId),
      onOwnerIdle: (handlerId) => {
        this.options.logger?.warn({ handlerId }, 'embedded database: a connection kept the session idle; closed it');
        this.handlers.get(handlerId)?.socket.destroy();
      },
    });
    this.server = net.createServer((socket) => void this.accept(socket));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    // Errors after listening (EMFILE when accepting with no descriptors left, for one) must not end the process; the
    // server keeps listening and accepts again once descriptors are free. Logged at most once a second.
    this.server.on('error', (error) => {
      if (Date.now() - this.lastServerErrorLog < 1_000) return;
      this.lastServerErrorLog = Date.now();
      this.options.logger?.warn({ err: error }, 'embedded database: accepting a connection failed');
    });
    const { port } = this.server.address() as net.AddressInfo;
    return `127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const socket of [...this.pending, ...this.awaitingPassword]) socket.destroy();
    this.pending.clear();
    this.awaitingPassword.clear();
    for (const { handler } of [...this.handlers.values()]) await handler.detach(true);
    this.handlers.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async accept(socket: net.Socket): Promise<void> {
    // First, before anything can fail: an 'error' event with no listener would crash the process.
    socket.on('error', ignoreSocketError);
    if (this.stopping) {
      socket.destroy();
      return;
    }
    const maxPending = this.options.maxPendingHandshakes ?? MAX_PENDING_HANDSHAKES;
    if (this.pending.size + this.awaitingPassword.size >= maxPending) {
      const evicted = (this.pending.size > 0 ? this.pending : this.awaitingPassword).values().next()
        .value as net.Socket;
      this.pending.delete(evicted);
      this.awaitingPassword.delete(evicted);
      evicted.destroy();
    }
    this.pending.add(socket);
    let startup: Buffer;
    try {
      startup = await authenticateStartup(socket, this.password, {
        timeoutMs: this.options.handshakeTimeoutMs,
        onStartupMessage: () => {
          this.pending.delete(socket);
          this.awaitingPassword.add(socket);
        },
      });
    } catch {
      return; // Answered (28P01) and closed already.
    } finally {
      this.pending.delete(socket);
      this.awaitingPassword.delete(socket);
    }
    // Counted only once authenticated: strangers cannot use up the connections our own pool needs.
    if (this.stopping || this.handlers.size >= this.maxConnections) {
      refuse(socket, '53300', 'sorry, too many clients already');
      return;
    }
    // The database answers the startup message as if it had read it itself.
    socket.pause();
    socket.unshift(startup);
    const handler = new PGLiteSocketHandler({
      queryQueue: this.queue as unknown as QueryQueue,
      closeOnDetach: true,
    });
    const id = handler.handlerId;
    this.handlers.set(id, { handler, socket });
    const forget = (): void => {
      this.handlers.delete(id);
    };
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    // The library's detach removes every 'error' listener, ours too, and leaves the socket open when it is no longer
    // writable; put the listener back and make sure the descriptor is released.
    const detach = handler.detach.bind(handler);
    handler.detach = async (close?: boolean) => {
      try {
        return await detach(close);
      } finally {
        forget();
        if (socket.listenerCount('error') === 0) socket.on('error', ignoreSocketError);
        socket.destroy();
      }
    };
    try {
      await handler.attach(socket);
      socket.resume();
    } catch {
      forget();
      socket.destroy();
    }
  }
}
