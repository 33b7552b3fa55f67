import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { COMMITTED_OPENAPI_PATH } from '../../src/openapi/generate';
import { createBlueprint, ifMatch, SAMPLE_RULE } from '../support/blueprints';
import {
  describeRequest,
  operationsOf,
  requestArbitrary,
  type FuzzRequest,
  type KnownValues,
  type OpenApiDocument,
} from '../support/openapi-fuzz';
import { startTestStripe, unlimitedBillingEnv } from '../support/billing';
import type { FakeStripe } from '../support/fake-stripe';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Fuzzes every route and method of the committed OpenAPI document against a real app with seeded data, anonymously,
 * with a signed-in session (CSRF token and Origin set, so writes reach the handlers) and with an API token. No answer
 * may be a 5xx, and every JSON error must be in the envelope. `npm test` runs a fixed seed and a bounded number of
 * cases; `npm run fuzz` runs many more with a random seed (FUZZ_RUNS, FUZZ_SEED).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
/** Diagnosis: record every distinct failure (one per route, status and answer) instead of stopping at the first. */
const KEEP_GOING = process.env.FUZZ_KEEP_GOING === 'true';
const REQUEST_TIMEOUT_MS = 20_000;

const document = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../..', COMMITTED_OPENAPI_PATH), 'utf8'),
) as OpenApiDocument;
const operations = operationsOf(document);

interface PropertySchema {
  $ref?: string;
  properties?: Record<string, unknown>;
}
/** A body schema with its $ref followed (the document's components). */
function resolveSchema(schema: PropertySchema | undefined): PropertySchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return (document.components?.schemas as Record<string, PropertySchema> | undefined)?.[name];
}

/**
 * Operations that end the caller's session or account. A signed-in fuzz case for one of these runs as a throwaway
 * user, so the run never silently continues anonymously (or with its seeded data gone).
 */
const SELF_ENDING = new Set([
  'POST /api/v1/auth/sign-out',
  'DELETE /api/v1/account',
  'DELETE /api/v1/account/sessions/{id}',
]);
/** Operations that end the token they are called with: a token fuzz case for one runs with a throwaway token. */
const TOKEN_ENDING = new Set(['DELETE /api/v1/me/token']);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

describe('fuzzing every route of the OpenAPI document', () => {
  let capture: SmtpCapture;
  let stripe: FakeStripe;
  let testApp: TestApp;
  let port: number;
  let owner: SignedIn;
  let token: string;
  let known: KnownValues;
  let disposableCount = 0;

  beforeAll(async () => {
    capture = await startSmtpCapture();
    // Billing on, so its routes are fuzzed too (off, they all answer 404 at once); its free plan limits nothing.
    stripe = await startTestStripe();
    testApp = await startTestApp({
      extraImports: [TestSignInModule],
      env: {
        ...unlimitedBillingEnv(stripe),
        SMTP_URL: capture.url,
        // The fuzzer is one client sending thousands of requests: rate limits would answer most of them.
        RATE_LIMIT_PER_MINUTE: '1000000',
        OUTBOUND_CONNECT_TIMEOUT_MS: '500',
        OUTBOUND_TIMEOUT_MS: '2000',
        LOG_LEVEL: 'warn',
      },
    });
    const server = testApp.app.nest.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    ({ owner, token, known } = await seed(testApp));
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
    await capture?.close();
    await stripe?.close();
  });

  /** Sends the raw request target as is: supertest would normalise `..` and `%2e` segments away. */
  function send(request: FuzzRequest, as: SignedIn | undefined, bearer = token): Promise<Answer> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.identity === 'token') headers.Authorization = `Bearer ${bearer}`;
    if (as) Object.assign(headers, as.writeHeaders, { Cookie: as.sessionCookie });
    if (request.body) {
      if (request.body.contentType) headers['Content-Type'] = request.body.contentType;
      headers['Content-Length'] = String(Buffer.byteLength(request.body.payload));
    }
    return new Promise((resolve, reject) => {
      const outgoing = http.request(
        { host: '127.0.0.1', port, method: request.operation.method, path: request.target, headers },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.setTimeout(REQUEST_TIMEOUT_MS, () =>
        outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)),
      );
      outgoing.on('error', reject);
      outgoing.end(request.body?.payload);
    });
  }

  async function identityFor(request: FuzzRequest): Promise<SignedIn | undefined> {
    if (request.identity === 'anonymous') return undefined;
    if (SELF_ENDING.has(`${request.operation.method} ${request.operation.template}`)) {
      disposableCount += 1;
      return signInAs(testApp, `throwaway-${disposableCount}@fuzz.test`);
    }
    return request.identity === 'session' ? owner : undefined;
  }

  /** The token a token case runs with: the suite's own, or a throwaway one where the call would end it. */
  async function bearerFor(request: FuzzRequest): Promise<string> {
    if (
      request.identity !== 'token' ||
      !TOKEN_ENDING.has(`${request.operation.method} ${request.operation.template}`)
    ) {
      return token;
    }
    const created = await owner.agent
      .post('/api/v1/account/api-tokens')
      .set(owner.writeHeaders)
      .send({ name: 'throwaway', scopes: ['profile:read'], environment: 'development' })
      .expect(201);
    return created.body.token as string;
  }

  /** The server's own account of a 5xx, from its log, so a failure report says where to look. */
  function loggedCause(answer: Answer): string | undefined {
    const requestId = answer.headers['x-request-id'];
    const line = testApp.logLines.find((entry) => entry.requestId === requestId && entry.err);
    const err = line?.err as { message?: string; stack?: string } | undefined;
    if (!err) return undefined;
    const frames = (err.stack ?? '')
      .split('\n')
      .filter((frame) => frame.trim().startsWith('at '))
      .slice(0, 3);
    return [(err.message ?? '').slice(0, 300), ...frames].join('\n');
  }

  function check(request: FuzzRequest, answer: Answer): void {
    const fail = (why: string) => {
      throw new Error(
        `${why}\n${describeRequest(request)}\n→ ${answer.status} ${answer.body.toString('utf8', 0, 500)}`,
      );
    };
    if (answer.status >= 500) fail(`answered ${answer.status} (${loggedCause(answer) ?? 'nothing logged'})`);
    if (answer.status < 400 || !/^application\/json/.test(answer.headers['content-type'] ?? '')) return;
    if (request.operation.nonEnvelopeStatuses.has(String(answer.status))) return;
    let body: { error?: { code?: unknown; message?: unknown }; requestId?: unknown };
    try {
      body = JSON.parse(answer.body.toString('utf8'));
    } catch {
      return fail('answered an error whose JSON does not parse');
    }
    const envelope =
      typeof body.error?.code === 'string' &&
      body.error.code.length > 0 &&
      typeof body.error.message === 'string' &&
      typeof body.requestId === 'string' &&
      body.requestId === answer.headers['x-request-id'];
    if (!envelope) fail('answered an error outside the envelope { error: { code, message }, requestId }');
  }

  // `@IsOptional()` lets null through as well as undefined: a null meant for a column that holds no null reached the
  // database once as a 500. Every property of every write body, set to null alone, must be refused or taken cleanly.
  it('answers a null in each property of every write body without a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const key = `${operation.method} ${operation.template}`;
      if (SELF_ENDING.has(key) || TOKEN_ENDING.has(key)) continue;
      const schema = resolveSchema(operation.bodySchema);
      const target = operation.template.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(known[name]?.[0] ?? 'unknown'),
      );
      for (const property of Object.keys(schema?.properties ?? {})) {
        const request = attack(operation.method, operation.template, target, { [property]: null });
        const answer = await send(request, owner);
        sent += 1;
        if (answer.status >= 500) {
          failures.push(`${key} {"${property}": null} → ${answer.status} (${loggedCause(answer) ?? 'nothing logged'})`);
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    await owner.agent.get('/api/v1/me').expect(200);
  });

  it(
    `sends ${RUNS} generated requests (seed ${SEED}) and gets no 5xx and only enveloped errors`,
    async () => {
      console.log(`fuzz: ${RUNS} runs, seed ${SEED} (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz)`);
      const exercised = new Set<string>();
      const statuses = new Map<string, number>();
      const failures = new Map<string, string>();
      const timings = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(document, operations, known), async (request) => {
          exercised.add(`${request.operation.method} ${request.operation.template}`);
          const as = await identityFor(request);
          const bearer = await bearerFor(request);
          const started = performance.now();
          const answer = await send(request, as, bearer);
          const opKey = `${request.operation.method} ${request.operation.template}`;
          timings.set(opKey, (timings.get(opKey) ?? 0) + performance.now() - started);
          const key = `${request.operation.method} ${request.operation.template} ${answer.status}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (!KEEP_GOING) return check(request, answer);
          try {
            check(request, answer);
          } catch (error) {
            const group = `${key} ${answer.body.toString('utf8', 0, 60)} ${loggedCause(answer)?.slice(0, 160)}`;
            if (!failures.has(group)) failures.set(group, (error as Error).message);
          }
        }),
        {
          seed: SEED,
          numRuns: RUNS,
          examples: knownAttacks(known).map((request) => [request]),
          endOnFailure: process.env.FUZZ_SHRINK === 'false',
        },
      );

      if (process.env.FUZZ_REPORT)
        console.log(
          [...statuses]
            .sort()
            .map(([key, count]) => `${key}: ${count}`)
            .join('\n'),
        );
      if (process.env.FUZZ_REPORT) {
        const slowest = [...timings].sort((a, b) => b[1] - a[1]).slice(0, 15);
        console.log(slowest.map(([key, ms]) => `${Math.round(ms)} ms ${key}`).join('\n'));
      }
      if (failures.size > 0) throw new Error([...failures.values()].join('\n\n'));
      // The run must have reached every route (when it is long enough to), and still be signed in: otherwise it
      // fuzzed less than it claims.
      const unexercised = operations
        .map((operation) => `${operation.method} ${operation.template}`)
        .filter((key) => !exercised.has(key));
      if (RUNS >= 10 * operations.length) expect(unexercised).toEqual([]);
      await owner.agent.get('/api/v1/me').expect(200);
      await testApp.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    },
    Math.max(300_000, RUNS * 250),
  );
});

const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...'bcdefgh'.split('').map((name, index) => {
    const previous = 'abcdefgh'[index];
    return `${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]`;
  }),
  '',
].join('\n');

function attack(
  method: string,
  template: string,
  target: string,
  body?: unknown,
  identity: FuzzRequest['identity'] = 'session',
): FuzzRequest {
  const operation = operations.find((candidate) => candidate.method === method && candidate.template === template);
  if (!operation) throw new Error(`${method} ${template} is not in the OpenAPI document`);
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const request: FuzzRequest = {
    identity,
    operation,
    target,
    headers: {},
    ...(body === undefined ? {} : { body: { contentType: 'application/json', payload } }),
  };
  return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
}

/**
 * Inputs that gave 500s before (issue 10), tried first on every run whatever the seed: the generator finds such
 * classes of input, and these keep the known ones from coming back.
 */
function knownAttacks(known: KnownValues): FuzzRequest[] {
  const [hierarchyId] = known.hierarchyId ?? [];
  return [
    attack('GET', '/api/v1/blueprints', `/api/v1/blueprints?q=${'-'.repeat(150)}`, undefined, 'anonymous'),
    attack('GET', '/api/v1/blueprints', '/api/v1/blueprints?q=a%00b', undefined, 'anonymous'),
    attack('GET', '/api/v1/blueprints', '/api/v1/blueprints?tag=a%00b&author=%00&license=%00', undefined, 'anonymous'),
    attack('GET', '/api/v1/blueprints/{id}', '/api/v1/blueprints/bp_%00', undefined, 'anonymous'),
    attack('POST', '/api/v1/blueprints', '/api/v1/blueprints', {
      name: 'nul\u0000name',
      kind: 'rules',
      format: 'cursor-rules',
      content: SAMPLE_RULE,
    }),
    attack('POST', '/api/v1/blueprints', '/api/v1/blueprints', {
      name: 'Duplicate path',
      kind: 'rules',
      format: 'cursor-rules',
      content: SAMPLE_RULE,
      hierarchyId,
      repositoryPath: 'AGENTS.md',
    }),
    attack('POST', '/api/v1/blueprints/import', '/api/v1/blueprints/import', {
      content: ALIAS_BOMB,
      format: 'continue-mcp',
    }),
    attack('POST', '/api/v1/blueprints/import', '/api/v1/blueprints/import', {
      content: `---\n${ALIAS_BOMB}---\n# Rules\n`,
      path: '.cursor/rules/bomb.mdc',
    }),
    attack('POST', '/api/v1/blueprints/import', '/api/v1/blueprints/import', { format: 'warp-md', path: 'x' }),
    attack('POST', '/api/v1/hierarchies', '/api/v1/hierarchies', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    attack('POST', '/api/v1/auth/device/token', '/api/v1/auth/device/token', {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: 'x',
      client_id: JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    }),
    attack('DELETE', '/api/v1/admin/federation/domain-rules/{id}', '/api/v1/admin/federation/domain-rules/%20'),
    attack('GET', '/api/v1/admin/federation/peers/{id}', '/api/v1/admin/federation/peers/not-a-uuid'),
  ];
}

/**
 * Data for ids to resolve: blueprints public, unlisted and private with several versions, a hierarchy with
 * members, API tokens, a second session, a saved variable, a domain rule and a pending device request. The owner
 * signs in first, so it is the instance admin and the admin routes reach their handlers too.
 */
async function seed(testApp: TestApp): Promise<{ owner: SignedIn; token: string; known: KnownValues }> {
  const owner = await signInAs(testApp, 'owner@fuzz.test');
  const other = await signInAs(testApp, 'owner@fuzz.test');
  const write = owner.writeHeaders;

  const published = await createBlueprint(owner, { visibility: 'public', publish: true });
  const updated = await owner.agent
    .patch(`/api/v1/blueprints/${published.id}`)
    .set(write)
    .set(ifMatch(published))
    .send({ content: `${SAMPLE_RULE}\nSecond version.\n`, publish: true })
    .expect(200);
  const unlisted = await createBlueprint(owner, { name: 'Unlisted rule', visibility: 'unlisted', publish: true });
  const privateDraft = await createBlueprint(owner, { name: 'Private rule', visibility: 'private' });
  const hierarchy = await owner.agent
    .post('/api/v1/hierarchies')
    .set(write)
    .send({ name: 'acme/monorepo' })
    .expect(201);
  const root = await createBlueprint(owner, {
    name: 'Root rules',
    visibility: 'public',
    publish: true,
    hierarchyId: hierarchy.body.id,
    repositoryPath: 'AGENTS.md',
  });
  const child = await createBlueprint(owner, {
    name: 'Web rules',
    visibility: 'public',
    publish: true,
    hierarchyId: hierarchy.body.id,
    repositoryPath: 'packages/web/AGENTS.md',
    parentId: root.id,
  });

  const tokenBody = {
    scopes: ['blueprints:read', 'blueprints:write', 'profile:read'],
    environment: 'development',
  };
  const fuzzToken = await owner.agent
    .post('/api/v1/account/api-tokens')
    .set(write)
    .send({ name: 'fuzz', ...tokenBody })
    .expect(201);
  // Only this second token's id is offered to the fuzzer: revoking it must not end the token identity.
  const spareToken = await owner.agent
    .post('/api/v1/account/api-tokens')
    .set(write)
    .send({ name: 'spare', ...tokenBody })
    .expect(201);
  await owner.agent.put('/api/v1/me/variables/PROJECT').set(write).send({ value: 'acme' }).expect(200);
  const rule = await owner.agent
    .post('/api/v1/admin/federation/domain-rules')
    .set(write)
    .send({ domain: 'spam.example', action: 'block' })
    .expect(201);
  const device = await testApp.http.post('/api/v1/auth/device/code').send({ client_id: 'fuzz-cli' }).expect(200);
  const sessions = await other.agent.get('/api/v1/account/sessions').expect(200);
  const otherSession = (sessions.body as Array<{ id: string; current: boolean }>).find((item) => item.current);
  const formats = await testApp.http.get('/api/v1/formats').expect(200);

  const blueprintIds = [published.id, unlisted.id, privateDraft.id, root.id, child.id];
  const ids = [
    ...blueprintIds,
    hierarchy.body.id as string,
    spareToken.body.id as string,
    rule.body.id as string,
    ...(otherSession ? [otherSession.id] : []),
  ];
  expect(updated.body.version).toBe(2);
  return {
    owner,
    token: fuzzToken.body.token as string,
    known: {
      id: ids,
      number: ['1', '2', '3'],
      from: ['1', '2'],
      to: ['1', '2'],
      version: ['1', '2', 'draft', 'latest'],
      provider: ['github', 'google'],
      userCode: [device.body.user_code as string],
      name: ['PROJECT', 'acme rules'],
      hierarchyId: [hierarchy.body.id as string],
      parentId: blueprintIds,
      // Rules in a format that holds rules: creates and imports then get past the format checks to the handlers.
      kind: ['rules'],
      format: (formats.body.items as Array<{ id: string; kinds: string[] }>)
        .filter((item) => item.kinds.includes('rules'))
        .map((item) => item.id),
      handle: ['fuzzer', 'ada-lovelace'],
      license: ['MIT', 'Apache-2.0', 'GPL-3.0-only OR MIT', 'NOASSERTION'],
      content: [SAMPLE_RULE, '# Rules\n\nBe kind.\n', '{"mcpServers": {}}', 'key: value\n'],
      repositoryPath: ['AGENTS.md', 'packages/api/AGENTS.md', '.cursor/rules/x.mdc'],
      domain: ['spam.example', 'peer.invalid', '127.0.0.1:1'],
    },
  };
}
