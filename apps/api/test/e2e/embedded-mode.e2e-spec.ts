import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cleanEnvironment, exitOf, freePort, mainJs, startServer, waitForOutput } from '../support/processes';

/** The environment a person has on a fresh machine: no database, no Redis, nothing of ours configured. */
function userEnvironment(dataDir: string, port: number): NodeJS.ProcessEnv {
  return { ...cleanEnvironment(), DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
}

describe('embedded mode: npm start on a fresh machine', () => {
  let dataDir: string;
  const running: ChildProcessWithoutNullStreams[] = [];

  beforeAll(() => {
    if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} is missing: build first (npm test builds it)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-embedded-'));
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the manifest and the home page from an embedded database, locks its data, and survives kill -9', async () => {
    const port = await freePort();
    const first = startServer(userEnvironment(dataDir, port));
    running.push(first.child);
    await waitForOutput(first, 'LynxPrompt is running at');
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain(`Data: ${path.join(dataDir, 'pgdata')}`);

    const manifest = await fetch(`http://127.0.0.1:${port}/.well-known/lynxprompt.json`);
    expect(manifest.status).toBe(200);
    expect(await manifest.json()).toMatchObject({ name: 'LynxPrompt', domain: `localhost:${port}`, federation: true });
    const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<div id="root">/);
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok' });
    // The catalogue's planned searches (collected tiers, a walk, sampled facets, suggestions) run on PGlite too.
    for (const query of ['q=zzqx', 'q=react&facets=true', 'q=pyhton%20-django&sort=newest', 'facets=true']) {
      const found = await fetch(`http://127.0.0.1:${port}/api/v1/blueprints?${query}`);
      expect({ query, status: found.status }).toEqual({ query, status: 200 });
      expect(await found.json()).toMatchObject({ items: [] });
    }

    // A second process on the same data folder is refused with a clear message, and the first keeps working.
    const second = startServer(userEnvironment(dataDir, await freePort()));
    running.push(second.child);
    expect(await exitOf(second.child)).toBe(1);
    expect(second.output()).toContain(
      `The data folder ${dataDir} is in use by another LynxPrompt process (pid ${first.child.pid}`,
    );
    expect((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status).toBe(200);

    // A crash leaves the lock behind; the next start recognises it as dead and takes over at once.
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    const third = startServer(userEnvironment(dataDir, port));
    running.push(third.child);
    await waitForOutput(third, 'LynxPrompt is running at', 30_000);
    expect((await fetch(`http://127.0.0.1:${port}/.well-known/lynxprompt.json`)).status).toBe(200);

    third.child.kill('SIGTERM');
    expect(await exitOf(third.child)).toBe(0);
  }, 180_000);
});
