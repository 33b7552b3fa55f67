import net from 'node:net';
import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../support/embedded-database';

/**
 * A query whose answer proves it ran with its own statement and its own values: `count` integer parameters, and a
 * text parameter large enough that the socket delivers the message in several chunks, giving other connections a
 * chance to be served between this one's Parse and its Bind.
 */
function numberedQuery(count: number, seed: number): { text: string; values: unknown[]; expected: string } {
  const numbers = Array.from({ length: count }, (_unused, index) => seed * 100 + index);
  const padding = 'x'.repeat(seed % 2 === 0 ? 200_000 + seed : seed);
  const sum = numbers.map((_value, index) => `$${index + 2}::int`).join(' + ');
  return {
    text: `SELECT (${sum})::text || ':' || length($1::text) AS answer`,
    values: [padding, ...numbers],
    expected: `${numbers.reduce((total, value) => total + value, 0)}:${padding.length}`,
  };
}

describe('embedded database: many pooled connections on one PGlite session', () => {
  let database: EmbeddedDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await startEmbeddedDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 8 });
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await database?.stop();
  });

  it('refuses a connection without this start’s password, or with a wrong one, as PostgreSQL would (28P01)', async () => {
    const url = new URL(pool.options.connectionString!);
    const password = decodeURIComponent(url.password);
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const wrongLastCharacter = password.slice(0, -1) + (password.endsWith('A') ? 'B' : 'A');
    for (const attempt of ['', 'postgres', wrongLastCharacter]) {
      const client = new pg.Client({
        host: url.hostname,
        port: Number(url.port),
        user: 'postgres',
        database: 'postgres',
        password: attempt,
      });
      client.on('error', () => undefined);
      await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });
      await client.end().catch(() => undefined);
    }
    // The pool, which holds the password, still works.
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('answers a client that skips the password and sends a query with an error only, never with data', async () => {
    const url = new URL(pool.options.connectionString!);
    const received = await new Promise<Buffer>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname);
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks)));
      socket.on('error', reject);
      socket.on('connect', () => {
        const parameters = Buffer.from('user\0postgres\0database\0postgres\0\0');
        const startup = Buffer.alloc(8);
        startup.writeInt32BE(8 + parameters.length, 0);
        startup.writeInt32BE(196608, 4);
        const sql = Buffer.from('SELECT 42 AS secret\0');
        const query = Buffer.alloc(5);
        query.write('Q', 0);
        query.writeInt32BE(4 + sql.length, 1);
        socket.write(Buffer.concat([startup, parameters, query, sql]));
      });
    });
    // AuthenticationCleartextPassword (R, 8, 3), then a FATAL 28P01 error, then the server closes the connection.
    expect(received.subarray(0, 9)).toEqual(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]));
    expect(String.fromCharCode(received[9]!)).toBe('E');
    expect(received.toString('latin1')).toContain('C28P01');
    expect(received.toString('latin1')).not.toContain('secret');
  });

  it('keeps each connection’s Parse/Bind/Execute together, so concurrent parameterised queries never cross', async () => {
    const queries = Array.from({ length: 200 }, (_unused, index) => numberedQuery(1 + (index % 9), index));
    const answers = await Promise.all(
      queries.map(async ({ text, values }) => (await pool.query<{ answer: string }>(text, values)).rows[0]?.answer),
    );
    expect(answers).toEqual(queries.map(({ expected }) => expected));
  });

  it('keeps a transaction to its own connection while others query, and a rollback undoes only its own writes', async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS ledger (owner text NOT NULL, amount int NOT NULL)');
    const writer = async (owner: string, commit: boolean): Promise<void> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (let entry = 1; entry <= 20; entry++) {
          await client.query('INSERT INTO ledger (owner, amount) VALUES ($1, $2)', [owner, entry]);
        }
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      } finally {
        client.release();
      }
    };
    const readers = Array.from({ length: 50 }, (_unused, index) => pool.query('SELECT $1::int AS n', [index]));
    await Promise.all([writer('kept', true), writer('undone', false), writer('also kept', true), ...readers]);

    const { rows } = await pool.query<{ owner: string; total: number }>(
      'SELECT owner, sum(amount)::int AS total FROM ledger GROUP BY owner ORDER BY owner',
    );
    expect(rows).toEqual([
      { owner: 'also kept', total: 210 },
      { owner: 'kept', total: 210 },
    ]);
  });

  it('gives the session back, rolled back, when a connection drops in the middle of a transaction', async () => {
    const dropped = new pg.Client({ connectionString: pool.options.connectionString });
    await dropped.connect();
    await dropped.query('BEGIN');
    await dropped.query('INSERT INTO ledger (owner, amount) VALUES ($1, $2)', ['dropped', 1]);
    await dropped.end();

    const { rows } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM ledger WHERE owner = $1', [
      'dropped',
    ]);
    expect(rows).toEqual([{ count: 0 }]);
  });
});
