import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

describe('serving the web app', () => {
  let testApp: TestApp;
  let distDir: string;

  beforeAll(async () => {
    // A small stand-in build, so this file tests the serving rules independently of the real web build.
    distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-web-dist-'));
    fs.mkdirSync(path.join(distDir, 'assets'));
    fs.writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>shell</title><div id="root"></div>');
    fs.writeFileSync(path.join(distDir, 'assets', 'index-AbC123.js'), 'console.log("app")');
    fs.writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    testApp = await startTestApp({ env: { WEB_DIST_DIR: distDir } });
  });
  afterAll(async () => {
    await testApp.close();
    fs.rmSync(distDir, { recursive: true, force: true });
  });

  it('serves index.html at / without caching', async () => {
    const response = await testApp.http.get('/').set('Accept', 'text/html').expect(200);
    expect(response.text).toContain('<title>shell</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for a year', async () => {
    const response = await testApp.http.get('/assets/index-AbC123.js').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html for client routes', async () => {
    const response = await testApp.http.get('/blueprints/some/client/route').set('Accept', 'text/html').expect(200);
    expect(response.text).toContain('<title>shell</title>');
  });

  it('never falls back for /api/* or missing assets', async () => {
    const api = await testApp.http.get('/api/v1/missing').set('Accept', 'text/html').expect(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
    const asset = await testApp.http.get('/assets/missing-123.js').set('Accept', 'text/html').expect(404);
    expect(asset.text).not.toContain('<title>shell</title>');
  });

  it('serves other root files from the build', async () => {
    const response = await testApp.http.get('/favicon.svg').expect(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });
});
