// README command 1: build what changed (Nx restores unchanged builds from its cache), then run the instance.
// With no DATABASE_URL/REDIS_URL it runs on an embedded PostgreSQL under ./data and an in-process store.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { instanceEnvironment } from './lib/runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nx = path.join(root, 'node_modules/.bin/nx');

const build = spawnSync(
  nx,
  ['run-many', '-t', 'build', '--projects=@lynxprompt/api,@lynxprompt/web', '--outputStyle=static'],
  {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  },
);
if (build.status !== 0) {
  console.error('\nThe build failed; see above.');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: instanceEnvironment(process.env),
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
