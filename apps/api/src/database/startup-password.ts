import type net from 'node:net';
import { secretsEqual } from '../common/crypto/secret-token';

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
/** A startup message or password longer than this is not from our own pool. */
const MAX_MESSAGE_BYTES = 8 * 1024;
const TIMEOUT_MS = 10_000;

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
export function authenticateStartup(socket: net.Socket, password: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    let startup: Buffer | undefined;
    const timer = setTimeout(() => fail('authentication timed out'), TIMEOUT_MS);
    const cleanUp = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onEnd);
      socket.off('close', onEnd);
    };
    function fail(reason: string, answer = true): void {
      cleanUp();
      if (answer && socket.writable) socket.end(errorResponse('28P01', 'password authentication failed'));
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
            socket.write('N');
            continue;
          }
          if (code !== PROTOCOL_3) return fail('unsupported startup message');
          startup = Buffer.from(message);
          socket.write(authenticationCleartextPassword());
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
