// npm run bench:http — starts a real instance (the built app, as `npm start` runs it) and measures its public
// endpoints with autocannon, printing throughput, latency and memory next to the reference LynxPrompt's figures
// (measured on the same kind of 2-core machine; see docs/benchmarks.md). Loopback only, bounded in time.
//
// BENCH_DATABASE_URL / BENCH_REDIS_URL run it against real PostgreSQL and Redis; without them it uses the embedded
// database in a temporary folder. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 20) tune the load.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { requireBuiltApi, rssMb, sampleRss, startInstance } from './lib/instance.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

// The reference product (LynxPrompt 2.1.0, Next.js) at 20 connections on a 2-core machine.
const reference = {
  manifest: { rps: 194, p99: 190 },
  health: { rps: 621, p99: 59 },
};

const targets = [
  { name: 'manifest', path: '/.well-known/lynxprompt.json' },
  { name: 'health', path: '/api/health/live' },
  { name: 'ready', path: '/api/health/ready' },
  { name: 'home page', path: '/', headers: { accept: 'text/html' } },
];

requireBuiltApi(root);
const env = { DATABASE_URL: process.env.BENCH_DATABASE_URL, REDIS_URL: process.env.BENCH_REDIS_URL };
const mode = env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded (PGlite + in-process store)';

let server;
try {
  server = await startInstance(root, env);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const port = server.port;

const idleRss = rssMb(server.pid);
const sampler = sampleRss(server.pid);

console.log(`LynxPrompt ${mode}, ${connections} connections, ${seconds} s per endpoint, ${os.cpus().length} cores\n`);
const rows = [];
try {
  for (const target of targets) {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}${target.path}`,
      headers: target.headers,
      connections,
      duration: seconds,
    });
    const ref = reference[target.name];
    rows.push({
      endpoint: target.name,
      'req/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      errors: result.errors + result.non2xx,
      'vs reference req/s': ref ? `${(result.requests.average / ref.rps).toFixed(1)}x` : '—',
      'vs reference p99': ref ? `${(ref.p99 / Math.max(result.latency.p99, 1)).toFixed(1)}x lower` : '—',
    });
  }
} finally {
  sampler.stop();
  await server.stop();
}
console.table(rows);
console.log(
  `RSS: ${idleRss.toFixed(0)} MB idle, ${sampler.peak.toFixed(0)} MB peak (reference: 202 MB idle, 503 MB peak)`,
);
