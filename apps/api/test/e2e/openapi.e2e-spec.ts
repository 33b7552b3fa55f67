import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { generateOpenApiDocument, COMMITTED_OPENAPI_PATH } from '../../src/openapi/generate';
import { serializeOpenApiDocument } from '../../src/openapi/openapi';
import { startTestApp, type TestApp } from '../support/test-app';

const repoRoot = path.resolve(__dirname, '../../../..');
const committedPath = path.join(repoRoot, COMMITTED_OPENAPI_PATH);
const FIX = 'run `npm run openapi` and commit the result';

describe('the committed OpenAPI document', () => {
  it('matches the document generated from the controllers', async () => {
    const generated = serializeOpenApiDocument(await generateOpenApiDocument());
    const committed = fs.readFileSync(committedPath, 'utf8');
    if (generated !== committed) throw new Error(`packages/api-contract/openapi.json is out of date: ${FIX}`);
    expect(JSON.parse(committed).openapi).toBe('3.1.0');
  });

  it('matches the web client types generated from it', () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lp-types-')), 'schema.d.ts');
    // The generator is ESM-only, so it runs as its own process: the same script `npm run openapi` runs.
    execFileSync(process.execPath, [path.join(repoRoot, 'packages/api-contract/scripts/generate-types.mjs'), fresh]);
    const onDisk = fs.readFileSync(path.join(repoRoot, 'packages/api-contract/src/schema.d.ts'), 'utf8');
    if (fs.readFileSync(fresh, 'utf8') !== onDisk) {
      throw new Error(`packages/api-contract/src/schema.d.ts is out of date: ${FIX}`);
    }
  });
});

describe('the served OpenAPI document', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('is served at /api/openapi.json and equals the committed one', async () => {
    const response = await testApp.http.get('/api/openapi.json').expect(200);
    expect(response.body).toEqual(JSON.parse(fs.readFileSync(committedPath, 'utf8')));
    expect(response.body.paths['/.well-known/lynxprompt.json']).toBeDefined();
  });

  it('serves interactive docs at /api/docs', async () => {
    const response = await testApp.http.get('/api/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger-ui');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
