import { Client } from 'pg';
import type { Response } from 'supertest';
import { SAMPLE_RULE } from '../support/blueprints';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 17: the app on a PostgreSQL of its own that the test stops and restarts under concurrent writes. A crash
// of the process (an unhandled 'error' event from a pooled connection) fails the test run; outages answer 503 with
// Retry-After, never 500; service is back within 5 s of the restart; and no acknowledged create is lost.
const RESTARTS = 5;
const RECOVERY_BOUND_MS = 5_000;
const WRITERS = 6;

describe('PostgreSQL outages', () => {
  let postgres: PrivatePostgres;
  let testApp: TestApp;
  let alice: SignedIn;

  beforeAll(async () => {
    postgres = await startPrivatePostgres('lp_fault');
    testApp = await startTestApp({
      env: { DATABASE_URL: postgres.url, DATABASE_POOL_SIZE: '4', RATE_LIMIT_PER_MINUTE: '100000' },
      extraImports: [TestSignInModule],
    });
    alice = await signInAs(testApp, 'alice@example.com');
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    postgres?.destroy();
  });

  const createBlueprint = (name: string) =>
    alice.agent
      .post('/api/v1/blueprints')
      .set(alice.writeHeaders)
      .send({ name, kind: 'rules', format: 'cursor-rules', content: SAMPLE_RULE });

  function expectOutageAnswer(response: Response): void {
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body.requestId).toEqual(expect.any(String));
  }

  /** An anonymous agent's search through the MCP endpoint: what the tool answered. */
  async function searchThroughMcp(): Promise<{ isError?: boolean; content: Array<{ text: string }> }> {
    const response = await testApp.http
      .post('/mcp')
      .set('Accept', 'application/json, text/event-stream')
      .send({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'search_blueprints', arguments: { query: 'outage' } },
      })
      .expect(200);
    return response.body.result;
  }

  it('answers 503 with Retry-After while the database is down, and recovers when it is back', async () => {
    await postgres.stop();
    try {
      expectOutageAnswer(await testApp.http.get('/api/v1/profiles/nobody-here'));
      expectOutageAnswer(await createBlueprint('During the outage'));
      // An agent is told the same: retry, not a bug.
      const tool = await searchThroughMcp();
      expect(tool.isError).toBe(true);
      expect(JSON.parse(tool.content[0]?.text ?? '{}').error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        details: { retryAfterSeconds: 5 },
      });
    } finally {
      await postgres.start();
    }
    await testApp.http.get('/api/v1/profiles/nobody-here').expect(404);
    expect((await createBlueprint('After the outage')).status).toBe(201);
    expect((await searchThroughMcp()).isError).toBeFalsy();
  });

  it('survives fast restarts under concurrent writes: 503s, never 500s, back within 5 s, no acknowledged create lost', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const unexpected: Array<{ status: number; body: unknown }> = [];
    let writing = true;
    let sequence = 0;

    async function writer(): Promise<void> {
      while (writing) {
        const response = await createBlueprint(`Fault write ${sequence++}`);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) acknowledged.push(response.body.id as string);
        else if (response.status === 503) expectOutageAnswer(response);
        else unexpected.push({ status: response.status, body: response.body });
        // An outage answers at once; pausing keeps the writers from spinning through it.
        if (response.status !== 201) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    // What would have crashed a server process; Jest's own handler does not always pin it on this test.
    const crashes: unknown[] = [];
    const recordCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', recordCrash);

    const writers = Array.from({ length: WRITERS }, () => writer());
    const recoveries: number[] = [];
    try {
      for (let round = 0; round < RESTARTS; round++) {
        const before = acknowledged.length;
        // Let the writers get going so the restart hits connections that are in use.
        while (acknowledged.length < before + WRITERS * 2) await new Promise((resolve) => setTimeout(resolve, 20));
        // The event loop stays blocked during the restart, so the app meets every terminated connection at once, as
        // a loaded process does: the crash of the issue showed in every run this way, and in few with a free loop.
        // The test above covers requests that arrive while the server is down.
        postgres.restartBlocking();
        const restartedAt = Date.now();
        const seen = acknowledged.length;
        while (acknowledged.length === seen && Date.now() - restartedAt < RECOVERY_BOUND_MS * 2) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        recoveries.push(Date.now() - restartedAt);
      }
    } finally {
      writing = false;
      await Promise.all(writers);
      process.off('uncaughtException', recordCrash);
    }

    expect(crashes).toEqual([]);

    expect(unexpected).toEqual([]);
    // The restarts terminated connections in use, so some requests met the outage, and they all answered 503.
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    for (const recovery of recoveries) expect(recovery).toBeLessThanOrEqual(RECOVERY_BOUND_MS);

    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM blueprints WHERE id = ANY($1)', [
        acknowledged,
      ]);
      expect(new Set(rows.map((row) => row.id))).toEqual(new Set(acknowledged));
    } finally {
      await client.end();
    }
  }, 120_000);
});
