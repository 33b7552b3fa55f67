import net from 'node:net';
import { authenticateStartup } from './startup-password';

const PASSWORD = 'correct-horse-battery-staple';

function startupMessage(): Buffer {
  const parameters = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + parameters.length, 0);
  header.writeInt32BE(196608, 4);
  return Buffer.concat([header, parameters]);
}

function passwordMessage(password: string): Buffer {
  const body = Buffer.from(`${password}\0`);
  const header = Buffer.alloc(5);
  header.write('p', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function sslRequest(): Buffer {
  const message = Buffer.alloc(8);
  message.writeInt32BE(8, 0);
  message.writeInt32BE(80877103, 4);
  return message;
}

interface Outcome {
  /** How the exchange ended on the server's side: the startup message it passed on, or why it refused. */
  readonly result: Promise<Buffer | Error>;
  /** When the server's socket was closed (fd released), in ms after the client connected. */
  readonly serverClosed: Promise<number>;
  readonly onStartupCalls: () => number;
  /** The server's FIN or reset has reached the client: all it was sent is in `received`. */
  readonly clientEnded: Promise<void>;
}

/**
 * A loopback server running only the exchange, and a client driven by `drive`. The client never closes its side
 * unless `drive` does, so each test sees whether the server lets go by itself.
 */
async function exchange(
  drive: (client: net.Socket, received: () => Buffer) => void | Promise<void>,
  timeoutMs = 500,
): Promise<Outcome & { close: () => Promise<void> }> {
  let onStartupCalls = 0;
  let resolveOutcome!: (value: { result: Promise<Buffer | Error>; serverClosed: Promise<number> }) => void;
  const accepted = new Promise<{ result: Promise<Buffer | Error>; serverClosed: Promise<number> }>(
    (resolve) => (resolveOutcome = resolve),
  );
  const server = net.createServer((socket) => {
    const began = Date.now();
    socket.on('error', () => undefined);
    const serverClosed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - began)));
    const result = authenticateStartup(socket, PASSWORD, {
      timeoutMs,
      onStartupMessage: () => onStartupCalls++,
    }).then(
      (startup) => {
        socket.destroy();
        return startup;
      },
      (error: Error) => error,
    );
    resolveOutcome({ result, serverClosed });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const client = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  let received = Buffer.alloc(0);
  client.on('error', () => undefined);
  client.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
  const clientEnded = new Promise<void>((resolve) => {
    client.once('end', resolve);
    client.once('close', resolve);
  });
  await new Promise((resolve) => client.once('connect', resolve));
  await drive(client, () => received);
  const outcome = await accepted;
  return {
    ...outcome,
    clientEnded,
    onStartupCalls: () => onStartupCalls,
    close: async () => {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('authenticateStartup', () => {
  it('passes on the startup message and anything pipelined after the right password', async () => {
    const query = Buffer.from('Q\0\0\0\rSELECT 1;\0');
    const outcome = await exchange((client) => {
      client.write(Buffer.concat([startupMessage(), passwordMessage(PASSWORD), query]));
    });
    expect(await outcome.result).toEqual(Buffer.concat([startupMessage(), query]));
    expect(outcome.onStartupCalls()).toBe(1);
    await outcome.close();
  });

  it('answers a wrong password with 28P01 and releases the socket although the client never closes', async () => {
    let received: () => Buffer = () => Buffer.alloc(0);
    const outcome = await exchange((client, got) => {
      received = got;
      client.write(Buffer.concat([startupMessage(), passwordMessage('wrong')]));
    });
    expect(await outcome.result).toMatchObject({ message: 'wrong password' });
    expect(await outcome.serverClosed).toBeLessThan(2_000);
    await outcome.clientEnded;
    expect(received().toString('latin1')).toContain('C28P01');
    await outcome.close();
  });

  it('cuts off a silent client at the timeout, and a dribbling one too: bytes do not extend it', async () => {
    const silent = await exchange(() => undefined, 300);
    expect(await silent.result).toMatchObject({ message: 'authentication timed out' });
    await silent.close();

    const message = startupMessage();
    let stop = false;
    const dribbling = await exchange(async (client) => {
      void (async () => {
        for (let offset = 0; offset < message.length && !stop; offset++) {
          client.write(message.subarray(offset, offset + 1));
          await sleep(50);
        }
      })();
    }, 300);
    expect(await dribbling.result).toMatchObject({ message: 'authentication timed out' });
    expect(await dribbling.serverClosed).toBeLessThan(1_500);
    stop = true;
    await dribbling.close();
  });

  it('answers "N" to two encryption requests and refuses a third', async () => {
    let received: () => Buffer = () => Buffer.alloc(0);
    const outcome = await exchange((client, got) => {
      received = got;
      client.write(Buffer.concat([sslRequest(), sslRequest(), sslRequest()]));
    });
    expect(await outcome.result).toMatchObject({ message: 'repeated encryption requests' });
    await outcome.clientEnded;
    expect(received().subarray(0, 3).toString('latin1')).toBe('NNE');
    await outcome.close();
  });

  it('refuses an oversized or negative length at once, without waiting for the bytes it announces', async () => {
    for (const length of [0x7fffffff, 8 * 1024 + 1, -1, 4]) {
      const outcome = await exchange((client) => {
        const header = Buffer.alloc(8);
        header.writeInt32BE(length, 0);
        header.writeInt32BE(196608, 4);
        client.write(header);
      });
      expect(await outcome.result).toMatchObject({ message: 'malformed startup message' });
      expect(await outcome.serverClosed).toBeLessThan(2_000);
      await outcome.close();
    }
    const oversizedPassword = await exchange((client) => {
      const header = Buffer.from([0x70, 0, 0, 0x40, 0]);
      client.write(Buffer.concat([startupMessage(), header]));
    });
    expect(await oversizedPassword.result).toMatchObject({ message: 'expected a password' });
    await oversizedPassword.close();
  });

  it('rejects, and lets go of the socket, when the client resets mid-exchange', async () => {
    const outcome = await exchange(async (client) => {
      client.write(startupMessage().subarray(0, 12));
      await sleep(50);
      client.resetAndDestroy();
    });
    expect(await outcome.result).toMatchObject({ message: 'connection closed during authentication' });
    expect(await outcome.serverClosed).toBeLessThan(2_000);
    await outcome.close();
  });
});
