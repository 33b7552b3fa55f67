// `npm test`: provisions PostgreSQL, Redis and Chromium for the suite (see scripts/lib/services.mjs), then runs
// every project's `test` target through Nx. Extra arguments go to `nx run-many` (e.g. --projects=@lynxprompt/api).
// The exit code is Nx's; the last line is the suite's total ("N passed, N failed, N skipped").
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function loadLibs() {
  try {
    const [services, summary] = await Promise.all([import('./lib/services.mjs'), import('./lib/summary.mjs')]);
    return { ...services, ...summary };
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.error(`${error.message}\nInstall the dependencies first: npm install`);
    process.exit(1);
  }
}

async function main() {
  const { provisionServices, ServiceError, SuiteSummary } = await loadLibs();

  let services;
  try {
    services = await provisionServices(process.env);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    console.error(`\n${error.message}\n`);
    return 1;
  }

  assembleRepositoryCorpus();

  const args = ['nx', 'run-many', '-t', 'test', '--outputStyle=stream'];
  if (process.env.CI && process.env.CI !== 'false') args.push('--skip-nx-cache');
  args.push(...process.argv.slice(2));
  const child = spawn('npx', args, {
    cwd: root,
    stdio: ['inherit', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TEST_DATABASE_URL: services.postgres,
      TEST_REDIS_URL: services.redis,
      CHROMIUM_PATH: services.chromium,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
    },
  });

  // Ctrl-C reaches Nx through the terminal's process group; stay alive to report its exit code.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));

  const summary = new SuiteSummary();
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    from.on('data', (chunk) => to.write(chunk));
    readline.createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => summary.line(line));
  }

  const code = await new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not run npx nx: ${error.message}`);
      resolve(1);
    });
    child.on('close', (status, signal) => resolve(status ?? 128 + (os.constants.signals[signal] ?? 0)));
  });
  console.log(`\n${summary.report().join('\n')}`);
  return code;
}

/**
 * The repository corpus (apps/api/test/fixtures/corpus) is rebuilt from snapshots of its recorded commits, which
 * are not ours to commit. Where the snapshots are on the machine the copies are made before the suite runs; where
 * they are not, the specs that need them say so and skip.
 */
function assembleRepositoryCorpus() {
  const fixture = path.join(root, 'apps/api/test/fixtures/corpus');
  const mirrors = process.env.LYNXPROMPT_MIRRORS_DIR ?? '/work/.mirror';
  if (process.env.LYNXPROMPT_REAL_CORPUS_DIR || existsSync(path.join(fixture, 'anthropics+claude-plugins-official'))) {
    return;
  }
  if (!existsSync(mirrors)) {
    console.log(`Repository corpus: no snapshots at ${mirrors}; its specs will skip.`);
    return;
  }
  const result = spawnSync(process.execPath, [path.join(fixture, 'assemble.mjs'), '--mirrors', mirrors], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) console.log(`Repository corpus: could not assemble it:\n${result.stderr}`);
  else console.log('Repository corpus: assembled from the recorded commits.');
}

process.exitCode = await main();
