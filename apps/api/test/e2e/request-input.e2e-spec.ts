import { SAMPLE_RULE } from '../support/blueprints';
import { ProbeModule } from '../support/probe.module';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Input the request pipeline refuses before any handler runs, in one place each (common/http): text PostgreSQL
 * cannot store (NUL, 22021) or UTF-8 cannot encode (unpaired surrogates), JSON nested deeper than anything recurses
 * safely over, and prototype keys. Each of these answered 500 before; the fuzz suite found them.
 */
describe('request input the pipeline refuses', () => {
  let testApp: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [ProbeModule, TestSignInModule] });
    admin = await signInAs(testApp, 'admin@input.test');
  });
  afterAll(() => testApp.close());

  const validBody = { name: 'ok', count: 2, owner: { email: 'owner@example.org' } };

  describe('NUL characters and unpaired surrogates', () => {
    it('refuses a NUL in any string of a JSON body with 400 INVALID_ENCODING naming the field', async () => {
      const response = await testApp.http
        .post('/api/v1/test-probe/echo')
        .send({ ...validBody, owner: { email: 'a\u0000b@example.org' } })
        .expect(400);
      expect(response.body.error).toMatchObject({
        code: 'INVALID_ENCODING',
        details: { location: 'body', field: 'owner.email' },
      });
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    });

    it('refuses a NUL in a field of a real write (it reached PostgreSQL: 22021, a 500)', async () => {
      const response = await admin.agent
        .post('/api/v1/hierarchies')
        .set(admin.writeHeaders)
        .send({ name: 'acme\u0000monorepo' })
        .expect(400);
      expect(response.body.error).toMatchObject({ code: 'INVALID_ENCODING', details: { field: 'name' } });
      const mine = await admin.agent.get('/api/v1/me/hierarchies').expect(200);
      expect(JSON.stringify(mine.body)).not.toContain('acme');
    });

    it('refuses a NUL in search filters and the query string', async () => {
      for (const query of ['q=a%00b', 'tag=%00', 'author=x%00', 'license=MIT%00', 'cursor=%00']) {
        const response = await testApp.http.get(`/api/v1/blueprints?${query}`).expect(400);
        expect(response.body.error).toMatchObject({ code: 'INVALID_ENCODING', details: { location: 'query' } });
      }
    });

    it('refuses a NUL in a path parameter', async () => {
      for (const path of [
        '/api/v1/blueprints/bp_%00',
        '/api/v1/hierarchies/%00/archive',
        '/api/v1/me/variables/A%00',
      ]) {
        const response = await testApp.http.get(path).expect(400);
        expect(response.body.error).toMatchObject({ code: 'INVALID_ENCODING', details: { location: 'path' } });
      }
    });

    it('refuses a NUL in a form body', async () => {
      const response = await testApp.http
        .post('/api/v1/auth/device/code')
        .type('form')
        .send('client_id=cli%00ent')
        .expect(400);
      expect(response.body.error).toMatchObject({ code: 'INVALID_ENCODING', details: { field: 'client_id' } });
    });

    it('refuses an unpaired surrogate, which would be stored altered as U+FFFD', async () => {
      const response = await testApp.http
        .post('/api/v1/test-probe/echo')
        .set('Content-Type', 'application/json')
        .send('{"name": "lone \\ud800", "count": 2, "owner": {"email": "owner@example.org"}}')
        .expect(400);
      expect(response.body.error).toMatchObject({ code: 'INVALID_ENCODING', details: { field: 'name' } });
    });

    it('leaves blueprint content to its own rule, which answers CONTENT_INVALID_ENCODING', async () => {
      const response = await admin.agent
        .post('/api/v1/blueprints')
        .set(admin.writeHeaders)
        .send({ name: 'Rules', kind: 'rules', format: 'cursor-rules', content: `${SAMPLE_RULE}nul\u0000` })
        .expect(422);
      expect(response.body.error.code).toBe('CONTENT_INVALID_ENCODING');
    });
  });

  describe('deeply nested JSON', () => {
    it('refuses nesting deeper than the limit with 400 NESTED_TOO_DEEPLY, whatever the route', async () => {
      for (const payload of [
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
        `{"name": "x", "owner": ${'['.repeat(40)}${']'.repeat(40)}}`,
      ]) {
        for (const path of ['/api/v1/test-probe/echo', '/api/v1/auth/passkey/verify', '/api/v1/auth/device/code']) {
          const response = await testApp.http
            .post(path)
            .set('Content-Type', 'application/json')
            .send(payload)
            .expect(400);
          expect(response.body.error.code).toBe('NESTED_TOO_DEEPLY');
        }
      }
    });

    it('still accepts brackets inside strings and ordinary nesting', async () => {
      const name = '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[';
      const response = await testApp.http
        .post('/api/v1/test-probe/echo')
        .send({ ...validBody, name: name.slice(0, 20) })
        .expect(201);
      expect(response.body.name).toBe(name.slice(0, 20));
      const escaped = await testApp.http
        .post('/api/v1/test-probe/echo')
        .set('Content-Type', 'application/json')
        .send(`{"name": "q\\"${'['.repeat(10)}", "count": 1, "owner": {"email": "owner@example.org"}}`)
        .expect(201);
      expect(escaped.body.name).toBe(`q"${'['.repeat(10)}`);
    });
  });

  describe('prototype keys', () => {
    it('refuses __proto__, constructor and prototype keys with 400 VALIDATION_FAILED', async () => {
      for (const payload of [
        '{"grant_type": "x", "device_code": "x", "client_id": {"constructor": {"prototype": {"polluted": true}}}}',
        '{"client_id": "cli", "__proto__": {"polluted": true}}',
      ]) {
        const response = await testApp.http
          .post('/api/v1/auth/device/token')
          .set('Content-Type', 'application/json')
          .send(payload)
          .expect(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('an import without a file', () => {
    it('is refused with 422 CONTENT_EMPTY (the parser crashed on it: 500)', async () => {
      const response = await admin.agent
        .post('/api/v1/blueprints/import')
        .set(admin.writeHeaders)
        .send({ format: 'cursor-rules', path: '.cursor/rules/x.mdc' })
        .expect(422);
      expect(response.body.error.code).toBe('CONTENT_EMPTY');
    });
  });

  describe('malformed ids of uuid rows', () => {
    it('answers 404 with the capability’s code instead of a PostgreSQL cast error', async () => {
      const rule = await admin.agent
        .delete('/api/v1/admin/federation/domain-rules/%20')
        .set(admin.writeHeaders)
        .expect(404);
      expect(rule.body.error.code).toBe('DOMAIN_RULE_NOT_FOUND');
      const peer = await admin.agent.get('/api/v1/admin/federation/peers/not-a-uuid').expect(404);
      expect(peer.body.error.code).toBe('PEER_NOT_FOUND');
      const crawl = await admin.agent
        .post('/api/v1/admin/federation/peers/1/crawl')
        .set(admin.writeHeaders)
        .expect(404);
      expect(crawl.body.error.code).toBe('PEER_NOT_FOUND');
    });
  });
});
