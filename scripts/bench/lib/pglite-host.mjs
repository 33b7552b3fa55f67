// The embedded database (PGlite) of the build, on a given data folder, in a process of its own: the seeder and the
// migration CLI then talk to it over its loopback port exactly as the app does, and the folder is released (its lock
// file too) when it stops, so an instance can open it next.
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Starts PGlite on `dataDir` (as the app does when DATABASE_URL is unset); `{ connectionString, stop }`. */
export async function startPgliteHost(root, dataDir, { timeoutMs = 120_000 } = {}) {
  const module = path.join(root, 'apps/api/dist/database/embedded-postgres.js');
  const source = `
    const { EmbeddedPostgres } = require(${JSON.stringify(module)});
    const quiet = () => {};
    const logger = { fatal: (...args) => console.error(...args), error: quiet, warn: quiet, info: quiet, debug: quiet };
    EmbeddedPostgres.start(${JSON.stringify(dataDir)}, 8, logger).then((db) => {
      console.log('ready ' + db.connectionString);
      process.on('SIGTERM', () => db.stop().then(() => process.exit(0), () => process.exit(1)));
    }, (error) => { console.error(error); process.exit(1); });
  `;
  const child = spawn(process.execPath, ['-e', source], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + timeoutMs;
  while (!/ready (\S+)/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The embedded database did not start on ${dataDir}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    connectionString: /ready (\S+)/.exec(output)[1],
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
