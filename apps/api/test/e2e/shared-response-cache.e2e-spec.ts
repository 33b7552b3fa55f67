import { createBlueprint, ifMatch } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/** Whether the app logged `url` as answered by the shared cache, and how often. */
function cacheHits(testApp: TestApp, url: string): number {
  return testApp.logLines.filter(
    (line) => line.cache === 'hit' && (line.req as { url?: string } | undefined)?.url === url,
  ).length;
}

describe('Shared response cache in front of the pipeline', () => {
  let testApp: TestApp;
  let alice: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    alice = await signInAs(testApp, 'alice@example.org');
  });
  afterAll(() => testApp?.close());

  it('answers a repeated anonymous read from the cache with the same response and a fresh request id', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Cached rules', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}`;
    const first = await testApp.http.get(url).expect(200);
    const second = await testApp.http.get(url).expect(200);

    expect(cacheHits(testApp, url)).toBe(1);
    expect(second.body).toEqual(first.body);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    for (const header of ['etag', 'cache-control', 'content-type', 'content-security-policy', 'x-frame-options']) {
      expect(second.headers[header]).toBe(first.headers[header]);
    }
    expect(second.headers['x-ratelimit-limit']).toBe(first.headers['x-ratelimit-limit']);
  });

  it('answers If-None-Match from the cache with 304, and HEAD without a body', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Raw cached', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}/raw`;
    const full = await testApp.http.get(url).expect(200);
    const etag = full.headers.etag as string;

    const conditional = await testApp.http.get(url).set('If-None-Match', etag).expect(304);
    expect(conditional.headers.etag).toBe(etag);
    expect(conditional.text).toBe('');
    const head = await testApp.http.head(url).expect(200);
    expect(head.headers['content-length']).toBe(full.headers['content-length']);
    expect(head.text ?? '').toBe('');
    expect(cacheHits(testApp, url)).toBe(2);
  });

  it('keeps learning from 304s: a validator seen only in a 304 answers the next conditional request', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Validator only', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}/raw`;
    // Learnt by the owner, whose requests never touch the cache.
    const etag = (await alice.agent.get(url).expect(200)).headers.etag as string;
    await testApp.http.get(url).set('If-None-Match', etag).expect(304);
    await testApp.http.get(url).set('If-None-Match', etag).expect(304);
    expect(cacheHits(testApp, url)).toBe(1);
    // Without the validator it cannot answer: the pipeline sends the content, and the cache keeps it from then on.
    expect((await testApp.http.get(url).expect(200)).text).toContain('TypeScript');
    expect(cacheHits(testApp, url)).toBe(1);
  });

  it('clears at once when a blueprint changes in this process', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Changing', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}/raw`;
    await testApp.http.get(url).expect(200);
    await testApp.http.get(url).expect(200);

    const updated = await alice.agent
      .patch(`/api/v1/blueprints/${blueprint.id}`)
      .set({ ...alice.writeHeaders, ...ifMatch(blueprint) })
      .send({ content: '# Changed\n\nNew rules.\n' })
      .expect(200);
    await alice.agent
      .post(`/api/v1/blueprints/${blueprint.id}/publish`)
      .set({ ...alice.writeHeaders, ...ifMatch(updated.body) })
      .send({})
      .expect(200);
    expect((await testApp.http.get(url).expect(200)).text).toBe('# Changed\n\nNew rules.\n');

    await alice.agent
      .patch(`/api/v1/blueprints/${blueprint.id}`)
      .set({ ...alice.writeHeaders })
      .send({ visibility: 'private' })
      .expect(200);
    await testApp.http.get(url).expect(404);
  });

  it('never serves or stores for requests with a cookie or a token, nor anything private', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Owner view', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}`;
    await testApp.http.get(url).expect(200);
    await alice.agent
      .patch(url)
      .set({ ...alice.writeHeaders, ...ifMatch(blueprint) })
      .send({ content: '# Draft only the owner sees\n' })
      .expect(200);
    await testApp.http.get(url).expect(200);

    // The owner (with a cookie) reads the draft; the anonymous copy is the published version.
    expect((await alice.agent.get(url).expect(200)).body.content).toBe('# Draft only the owner sees\n');
    expect((await testApp.http.get(url).expect(200)).body.content).not.toBe('# Draft only the owner sees\n');

    const secret = await createBlueprint(alice, { name: 'Private', visibility: 'private', publish: true });
    const rawUrl = `/api/v1/blueprints/${secret.id}/raw`;
    const owners = await alice.agent.get(rawUrl).expect(200);
    expect(owners.headers['cache-control']).toBe('private, no-cache');
    await alice.agent.get(rawUrl).expect(200);
    await testApp.http.get(rawUrl).expect(404);
    expect(cacheHits(testApp, rawUrl)).toBe(0);
  });

  it('keeps the catalogue only for the few seconds its responses allow shared caches', async () => {
    const page = await testApp.http.get('/api/v1/blueprints?q=cached').expect(200);
    expect(page.headers['cache-control']).toBe('public, max-age=0, s-maxage=10');
    await testApp.http.get('/api/v1/blueprints?q=cached').expect(200);
    expect(cacheHits(testApp, '/api/v1/blueprints?q=cached')).toBe(1);
    // A bad request is never stored.
    await testApp.http.get('/api/v1/blueprints?limit=0').expect(400);
    await testApp.http.get('/api/v1/blueprints?limit=0').expect(400);
    expect(cacheHits(testApp, '/api/v1/blueprints?limit=0')).toBe(0);
  });
});

describe('Shared response cache and rate limits', () => {
  let testApp: TestApp;
  let alice: SignedIn;
  const LIMIT = 6;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
    alice = await signInAs(testApp, 'alice@example.org');
  });
  afterAll(() => testApp?.close());

  it('counts cached answers against the same limit, and the guard answers 429 once it is spent', async () => {
    const blueprint = await createBlueprint(alice, { name: 'Limited', visibility: 'public', publish: true });
    const url = `/api/v1/blueprints/${blueprint.id}`;
    const statuses: number[] = [];
    let refused: { status: number; body: { error?: { code?: string } } } | undefined;
    for (let attempt = 0; attempt < 3 * LIMIT && !refused; attempt++) {
      const response = await testApp.http.get(url);
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      // Let the batched counts reach the shared store now and then, as time does under real traffic.
      if (attempt % 2 === 1) await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(cacheHits(testApp, url)).toBeGreaterThan(0);
    expect(refused?.body.error?.code).toBe('RATE_LIMITED');
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
  });
});
