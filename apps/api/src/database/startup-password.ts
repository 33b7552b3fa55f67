import type net from 'node:net';
import { secretsEqual } from '../common/crypto/secret-token';

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
/** A startup message or password longer than this is not from our own pool. */
const MAX_MESSAGE_BYTES = 8 * 1024;
/**
 * Our own pool finishes the exchange in milliseconds; anything slower is a stray or hostile client holding a socket,
 * a timer and a buffer (a slowloris), so it is cut short. Loaded 2-core machines still stay far below this.
 */
export const HANDSHAKE_TIMEOUT_MS = 3_000;
/** A client asks for SSL or GSSAPI encryption at most once each; more is a loop meant to keep the socket busy. */
const MAX_ENCRYPTION_REQUESTS = 2;
/** How long a refused client gets to read its error before the socket is destroyed, whether it reads it or not. */
const LINGER_MS = 1_000;

/** Why a connection was turned away before it reached the database. */
export class StartupRefusedError extends Error {}

/**
 * The server side of PostgreSQL's cleartext-password exchange, run on a fresh connection before it reaches PGlite
 * (which trusts every connection). It answers SSL and GSSAPI encryption requests with "N", reads the startup
 * message, asks for a password and checks it in constant time. On success it resolves with the startup message,
 * still unanswered, for the database to handle as if it had read it itself; on failure the client gets SQLSTATE
 * 28P01, as from a real server, and the promise rejects. Cleartext is safe here: the socket is loopback only, where
 * no one but root can listen, and the password is random per start.
 */
export interface StartupOptions {
  readonly timeoutMs?: number;
  /** Called once the startup message is in, when the client is asked for its password. */
  readonly onStartupMessage?: () => void;
}

export function authenticateStartup(
  socket: net.Socket,
  password: string,
  { timeoutMs = HANDSHAKE_TIMEOUT_MS, onStartupMessage }: StartupOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    let startup: Buffer | undefined;
    let encryptionRequests = 0;
    // Absolute, never reset by traffic: dribbling bytes does not buy time.
    const timer = setTimeout(() => fail('authentication timed out'), timeoutMs);
    const cleanUp = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onEnd);
      socket.off('close', onEnd);
    };
    function fail(reason: string, answer = true): void {
      cleanUp();
      if (answer) refuse(socket, '28P01', 'password authentication failed');
      else socket.destroy();
      reject(new StartupRefusedError(reason));
    }
    function onEnd(): void {
      fail('connection closed during authentication', false);
    }
    function onData(chunk: Buffer): void {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length > MAX_MESSAGE_BYTES + 5) return fail('oversized startup');
      for (;;) {
        if (startup === undefined) {
          // Startup-phase messages have no type byte: length, then a code.
          if (buffered.length < 8) return;
          const length = buffered.readInt32BE(0);
          if (length < 8 || length > MAX_MESSAGE_BYTES) return fail('malformed startup message');
          if (buffered.length < length) return;
          const code = buffered.readInt32BE(4);
          const message = buffered.subarray(0, length);
          buffered = buffered.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            if (++encryptionRequests > MAX_ENCRYPTION_REQUESTS) return fail('repeated encryption requests');
            socket.write('N');
            continue;
          }
          if (code !== PROTOCOL_3) return fail('unsupported startup message');
          startup = Buffer.from(message);
          socket.write(authenticationCleartextPassword());
          onStartupMessage?.();
          continue;
        }
        // The answer: 'p', length, the password as a NUL-terminated string.
        if (buffered.length < 5) return;
        const length = buffered.readInt32BE(1);
        if (buffered[0] !== 0x70 || length < 5 || length > MAX_MESSAGE_BYTES) return fail('expected a password');
        if (buffered.length < length + 1) return;
        const presented = buffered
          .subarray(5, length + 1)
          .toString('utf8')
          .replace(/\0$/, '');
        const rest = buffered.subarray(length + 1);
        if (!secretsEqual(presented, password)) return fail('wrong password');
        cleanUp();
        // Anything the client pipelined after its password follows the startup message.
        return resolve(Buffer.concat([startup, rest]));
      }
    }
    socket.on('data', onData);
    socket.on('error', onEnd);
    socket.on('close', onEnd);
  });
}

/**
 * Answers a PostgreSQL error and closes the connection. `end()` alone would keep the socket (and its descriptor) open
 * for as long as the client never closes its side, so the socket is destroyed once the answer is flushed, or after a
 * short grace when a client that never reads holds it back.
 */
export function refuse(socket: net.Socket, code: string, text: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const linger = setTimeout(() => socket.destroy(), LINGER_MS);
  linger.unref();
  socket.end(errorResponse(code, text), () => {
    clearTimeout(linger);
    socket.destroy();
  });
}

function authenticationCleartextPassword(): Buffer {
  const message = Buffer.alloc(9);
  message.write('R', 0);
  message.writeInt32BE(8, 1);
  message.writeInt32BE(3, 5);
  return message;
}

function errorResponse(code: string, text: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}
