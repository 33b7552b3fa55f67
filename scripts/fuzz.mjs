// `npm run fuzz`: the fuzz suite of `npm test` (apps/api/test/e2e/fuzz.e2e-spec.ts), longer and with a new seed each
// time. FUZZ_RUNS (default 10000) sets the number of generated requests, FUZZ_SEED replays a run; the seed is printed
// first and in any failure. FUZZ_KEEP_GOING=true lists every distinct failure instead of shrinking the first.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provisionServices, ServiceError } from './lib/services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.FUZZ_RUNS ?? '10000';
const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31 - 1));

let services;
try {
  services = await provisionServices(process.env);
} catch (error) {
  if (!(error instanceof ServiceError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

console.log(`fuzz: ${runs} requests, seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`);
const child = spawn('npx', ['jest', 'test/e2e/fuzz.e2e-spec.ts', ...process.argv.slice(2)], {
  cwd: path.join(root, 'apps/api'),
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_RUNS: runs,
    FUZZ_SEED: seed,
    TEST_DATABASE_URL: services.postgres,
    TEST_REDIS_URL: services.redis,
  },
});
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('close', (status, signal) => {
  console.log(`fuzz: seed ${seed}, ${status === 0 ? 'no failures' : 'failed'}`);
  process.exitCode = status ?? 128 + (os.constants.signals[signal] ?? 0);
});
