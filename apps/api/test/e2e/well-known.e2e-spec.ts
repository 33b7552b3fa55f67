import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { startTestApp, TEST_APP_URL, type TestApp } from '../support/test-app';

const schema = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../../../.well-known/lynxprompt.schema.json'), 'utf8'),
) as object;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('/.well-known/lynxprompt.json', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { INSTANCE_NAME: 'Lynx Test Instance', APP_URL: 'http://lynx.test:8443' } });
  });
  afterAll(() => testApp.close());

  it('publishes the fields existing LynxPrompt instances publish, valid against our schema', async () => {
    const response = await testApp.http.get('/.well-known/lynxprompt.json').expect(200);
    const version = testApp.app.config.instance.version;
    expect(response.body).toEqual({
      name: 'Lynx Test Instance',
      domain: 'lynx.test:8443',
      version,
      federation: true,
      api: 'http://lynx.test:8443/api/v1',
      publicBlueprints: 0,
      software: { name: 'lynxprompt', version, repository: expect.stringMatching(/^https:\/\//) },
      protocol: 'lynxprompt-federation/1',
      endpoints: {
        catalogue: 'http://lynx.test:8443/api/v1/federation/blueprints',
        blueprint: 'http://lynx.test:8443/blueprints/{id}',
        raw: 'http://lynx.test:8443/api/v1/blueprints/{id}/raw',
      },
      publicKey: { id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/), algorithm: 'Ed25519', key: expect.any(String) },
      contact: 'mailto:security@lynx.test',
      openRegistrations: true,
      updatedAt: expect.any(String),
    });
    const validate = validator();
    expect(validate(response.body)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('keeps the same bytes between requests: updatedAt is the signing key’s creation, not the time of the request', async () => {
    const first = await testApp.http.get('/.well-known/lynxprompt.json').expect(200);
    const second = await testApp.http.get('/.well-known/lynxprompt.json').expect(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(Date.parse(first.body.updatedAt as string)).toBeLessThanOrEqual(Date.now());
  });

  it('is cacheable, readable from any origin and revalidates with its ETag', async () => {
    const response = await testApp.http.get('/.well-known/lynxprompt.json').expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    await testApp.http.get('/.well-known/lynxprompt.json').set('If-None-Match', etag).expect(304);
    await testApp.http.get('/.well-known/lynxprompt.json').set('If-None-Match', '"stale"').expect(200);
  });

  it('is rejected by the schema when a required field is wrong, so the schema test can fail', () => {
    const validate = validator();
    expect(
      validate({
        name: 'x',
        domain: 'a.b',
        version: '1',
        federation: 'yes',
        api: 'http://a.b/api/v1',
        publicBlueprints: 0,
      }),
    ).toBe(false);
    expect(
      validate({
        name: 'x',
        domain: 'a.b',
        version: '1',
        federation: true,
        api: 'http://a.b/api/v1',
        publicBlueprints: -1,
      }),
    ).toBe(false);
    // The protocol's fields are optional (legacy peers lack them) but checked when present.
    const legacy = {
      name: 'x',
      domain: 'a.b',
      version: '1',
      federation: true,
      api: 'http://a.b/api/v1',
      publicBlueprints: 3,
    };
    expect(validate({ ...legacy, publicKey: { id: 'short', algorithm: 'Ed25519', key: 'x' } })).toBe(false);
    expect(validate({ ...legacy, publicKey: { id: 'Yw3vQm2T1xgq8K0d', algorithm: 'RSA', key: 'A'.repeat(43) } })).toBe(
      false,
    );
    expect(validate({ ...legacy, openRegistrations: 'yes' })).toBe(false);
    expect(validate({ ...legacy, updatedAt: 'yesterday' })).toBe(false);
    // Unknown fields from newer peers are tolerated.
    expect(
      validate({
        name: 'x',
        domain: 'a.b',
        version: '1',
        federation: true,
        api: 'http://a.b/api/v1',
        publicBlueprints: 3,
        protocol: 'x',
        somethingNewer: { any: 'shape' },
      }),
    ).toBe(true);
  });
});

describe('/.well-known/security.txt', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { SECURITY_CONTACT: 'mailto:security@lynx.test' } });
  });
  afterAll(() => testApp.close());

  it('follows RFC 9116 with the configured contact and a future expiry', async () => {
    const response = await testApp.http.get('/.well-known/security.txt').expect(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const fields = Object.fromEntries(
      response.text
        .split('\n')
        .filter((line) => line.includes(': '))
        .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
    );
    expect(fields.Contact).toBe('mailto:security@lynx.test');
    expect(fields.Canonical).toBe(`${TEST_APP_URL}/.well-known/security.txt`);
    const expires = Date.parse(fields.Expires as string);
    expect(expires).toBeGreaterThan(Date.now() + 30 * 24 * 3600 * 1000);
    expect(expires).toBeLessThan(Date.now() + 366 * 24 * 3600 * 1000);
    expect(response.text).not.toContain('{{');
  });
});
