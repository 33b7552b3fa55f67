// npm run bench:catalog — the catalogue read path at scale (issue 4, "Performance"). A benchmark, not a test: it prints
// figures and PASS/MISS against the targets, and exits 0 either way.
//
// 1. Seeds (or reuses) a dedicated PostgreSQL database with BENCH_BLUEPRINTS (100,000) public blueprints from the
//    corpus: see seed-catalog.mjs. Default database: lynxprompt_bench_catalog on the local server.
// 2. Times a bare Node http server answering a fixed JSON body: the ceiling every endpoint is compared with.
// 3. Starts the built instance (apps/api/dist/main.js, as `npm start` runs it; this script builds nothing) on that
//    database and Redis, and loads each catalogue endpoint with autocannon: BENCH_CONNECTIONS (32) connections,
//    BENCH_WARMUP_SECONDS (2) of warm-up, then BENCH_SECONDS (10) measured. RSS is sampled every 200 ms from /proc.
//
// BENCH_DATABASE_URL (its database name must contain "bench": the seed empties the blueprint tables),
// BENCH_REDIS_URL (default redis://127.0.0.1:6379/9; "none" for the in-process store), BENCH_COMMON_TERM (react),
// BENCH_RARE_TERM (fortran). PUBLIC_READ_CACHE_SECONDS=0 measures the pipeline without the shared response cache.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { rssMb, requireBuiltApi, sampleRss, startCeilingServer, startInstance } from './lib/instance.mjs';
import { MAX_ERROR_SHARE, describeStatuses, measure } from './lib/load.mjs';
import { catalogDatabaseUrl, redactUrl } from './lib/postgres.mjs';
import { seededRandom } from './lib/random.mjs';
import { seedCatalog } from './seed-catalog.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const blueprints = Number(process.env.BENCH_BLUEPRINTS ?? 100_000);
const databaseUrl = process.env.BENCH_DATABASE_URL || catalogDatabaseUrl(blueprints);
const redisSetting = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const redisUrl = redisSetting === 'none' ? undefined : redisSetting;
const commonTerm = process.env.BENCH_COMMON_TERM ?? 'react';
const rareTerm = process.env.BENCH_RARE_TERM ?? 'fortran';
const SAMPLE_SIZE = 1000;
const API = '/api/v1';

// Issue 4's targets on this 2-core machine, database on the same machine.
const TARGETS = {
  searchP99Ms: 50,
  listRps: 1000,
  searchRps: 1000,
  getRps: 2500,
  rawConditionalRps: 5000,
  rssMb: 300,
};

requireBuiltApi(root);
const log = (line) => console.log(line);
const fmt = (value, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------------------------
// 1. The catalogue.

try {
  await seedCatalog({ databaseUrl, blueprints, log });
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const facts = await (async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = (await client.query('SELECT id FROM blueprints WHERE listed ORDER BY id')).rows.map((row) => row.id);
    const matches = async (term) =>
      (
        await client.query(
          `SELECT count(*)::int AS n FROM blueprints WHERE listed AND (meta_vector @@ websearch_to_tsquery('english', $1) OR content_vector @@ websearch_to_tsquery('english', $1))`,
          [term],
        )
      ).rows[0].n;
    const content = await client.query(
      `SELECT round(avg(v.size_bytes))::int AS avg FROM blueprints b
         JOIN blueprint_versions v ON v.blueprint_id = b.id AND v.number = b.published_version WHERE b.listed`,
    );
    const server = await client.query('SHOW server_version');
    return {
      ids,
      commonMatches: await matches(commonTerm),
      rareMatches: await matches(rareTerm),
      averageBytes: content.rows[0].avg,
      postgres: server.rows[0].server_version,
    };
  } finally {
    await client.end();
  }
})();

// A fixed shuffle: the first SAMPLE_SIZE ids are the warm sample (get, conditional raw), the rest are never
// requested before the cold raw run reaches them.
const random = seededRandom(20261122);
const shuffled = [...facts.ids];
for (let i = shuffled.length - 1; i > 0; i -= 1) {
  const j = random.int(0, i);
  [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
}
const sample = shuffled.slice(0, SAMPLE_SIZE);
const coldIds = shuffled.slice(SAMPLE_SIZE);

log(
  `\nCatalogue: ${fmt(facts.ids.length)} listed blueprints (average ${fmt(facts.averageBytes)} bytes), ` +
    `"${commonTerm}" matches ${fmt(facts.commonMatches)}, "${rareTerm}" matches ${fmt(facts.rareMatches)} ` +
    `(full-text, before the API's own ranking and limits).`,
);
log(
  `Load: ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s per endpoint; ${os.cpus().length} cores, ` +
    `Node ${process.version}, PostgreSQL ${facts.postgres} at ${redactUrl(databaseUrl)}, ` +
    `${redisUrl ? `Redis at ${redactUrl(redisUrl)}` : 'in-process store (no Redis)'}, shared response cache ` +
    `${process.env.PUBLIC_READ_CACHE_SECONDS === '0' ? 'off' : `PUBLIC_READ_CACHE_SECONDS=${process.env.PUBLIC_READ_CACHE_SECONDS ?? 'default (30)'}`}.\n`,
);

// ---------------------------------------------------------------------------------------------------------------
// 2. The ceiling: a bare Node http server in its own process, same load.

const ceilingServer = await startCeilingServer();
let ceiling;
try {
  ceiling = await measure({ baseUrl: ceilingServer.baseUrl, connections, seconds, warmupSeconds });
} finally {
  await ceilingServer.stop();
}
log(`Bare Node http server: ${fmt(ceiling.rps)} req/s, p50 ${ceiling.p50} ms, p99 ${ceiling.p99} ms.`);

// ---------------------------------------------------------------------------------------------------------------
// 3. The instance.

let app;
try {
  app = await startInstance(root, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: 'lp-bench-catalog:',
  });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const pick = (ids) => ids[Math.floor(random.next() * ids.length)];

async function get(pathname, headers = {}) {
  const response = await fetch(`${app.baseUrl}${pathname}`, { headers });
  const body = await response.text();
  return { status: response.status, headers: response.headers, body };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel(items, limit, work) {
  let next = 0;
  const results = new Array(items.length);
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

const rows = [];
let idleRss = 0;
let peakRss = 0;
let coldRequests = 0;
try {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  idleRss = rssMb(app.pid);

  // Learn each sample id's ETag from a first GET, as a client would.
  const etags = new Map();
  const rawProbe = await inParallel(sample, 16, async (id) => {
    const response = await get(`${API}/blueprints/${id}/raw`);
    if (response.status === 200 && response.headers.get('etag')) etags.set(id, response.headers.get('etag'));
    return response.status;
  });
  const rawProblems = rawProbe.filter((status) => status !== 200).length;
  const withEtag = sample.filter((id) => etags.has(id));

  const searchPath = (term) => `${API}/blueprints?q=${encodeURIComponent(term)}`;
  const endpoints = [
    {
      key: 'searchCommon',
      label: `search common term (\`q=${commonTerm}\`)`,
      path: searchPath(commonTerm),
      list: true,
    },
    { key: 'searchRare', label: `search rare term (\`q=${rareTerm}\`)`, path: searchPath(rareTerm), list: true },
    { key: 'list', label: 'list newest (`sort=newest`)', path: `${API}/blueprints?sort=newest`, list: true },
    {
      key: 'get',
      label: `get by id (${fmt(SAMPLE_SIZE)} ids)`,
      nextRequest: () => ({ path: `${API}/blueprints/${pick(sample)}` }),
    },
    {
      key: 'rawCold',
      label: 'raw, cold (a new id each request)',
      nextRequest: () => ({ path: `${API}/blueprints/${coldIds[coldRequests++ % coldIds.length]}/raw` }),
    },
    {
      key: 'rawConditional',
      label: `raw with If-None-Match (${fmt(withEtag.length)} ids)`,
      // Only 304 counts: a 200 here means the ETag was not honoured, which is not what this row measures.
      expectStatus: (status) => status === 304,
      unavailable:
        withEtag.length === 0
          ? `no ETag learned: GET /raw answered ${rawProblems} of ${sample.length} sample ids with a status other than 200`
          : null,
      nextRequest: () => {
        const id = pick(withEtag);
        return { path: `${API}/blueprints/${id}/raw`, headers: { 'if-none-match': etags.get(id) } };
      },
    },
  ];

  const sampler = sampleRss(app.pid);
  try {
    for (const endpoint of endpoints) {
      const row = { key: endpoint.key, label: endpoint.label };
      rows.push(row);
      if (endpoint.unavailable) {
        row.problem = endpoint.unavailable;
        continue;
      }
      // One request first: an endpoint that is missing or failing is reported, not measured.
      const probe = endpoint.nextRequest ? endpoint.nextRequest() : { path: endpoint.path };
      const first = await get(probe.path, probe.headers);
      const expect = endpoint.expectStatus ?? ((status) => status >= 200 && status < 300);
      if (!expect(first.status)) {
        row.problem = `GET ${probe.path} answered ${first.status}: ${first.body.slice(0, 200)}`;
        continue;
      }
      if (endpoint.list) {
        const items = JSON.parse(first.body).items;
        if (!Array.isArray(items) || items.length === 0) row.note = 'the first page is empty';
      }
      sampler.resetWindow();
      const result = await measure({
        baseUrl: app.baseUrl,
        path: endpoint.path,
        nextRequest: endpoint.nextRequest,
        expectStatus: endpoint.expectStatus,
        connections,
        seconds,
        warmupSeconds,
      });
      Object.assign(row, result, { peakRss: sampler.resetWindow() });
      if (!result.valid) {
        row.problem =
          `${(result.errorShare * 100).toFixed(1)}% of requests failed (more than ${MAX_ERROR_SHARE * 100}%): ` +
          describeStatuses(result);
      }
    }
  } finally {
    sampler.stop();
    peakRss = sampler.peak;
  }
} finally {
  await app.stop();
}

// ---------------------------------------------------------------------------------------------------------------
// Report: Markdown, ready for docs/benchmarks.md.

const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
const usable = (row) => row && !row.problem && row.valid;

log('\n| Endpoint | req/s | p50 ms | p99 ms | KB/response | non-2xx/304 | share of bare http | peak RSS MB |');
log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
log(
  `| bare Node \`http\` server (fixed JSON) | ${fmt(ceiling.rps)} | ${ceiling.p50} | ${ceiling.p99} | ` +
    `${(ceiling.bytesPerResponse / 1024).toFixed(1)} | ${ceiling.failed} | 100% | — |`,
);
for (const row of rows) {
  if (row.problem && !row.responses) {
    log(`| ${row.label} | — | — | — | — | — | — | — |`);
    continue;
  }
  const flag = row.problem ? ' (INVALID)' : '';
  log(
    `| ${row.label}${flag} | ${fmt(row.rps)} | ${row.p50} | ${row.p99} | ${(row.bytesPerResponse / 1024).toFixed(1)} | ` +
      `${row.failed} | ${((row.rps / ceiling.rps) * 100).toFixed(0)}% | ${fmt(row.peakRss)} |`,
  );
}
log(`\nServer RSS: ${fmt(idleRss)} MB idle after start on the seeded database, ${fmt(peakRss)} MB peak under load.`);
if (coldRequests > coldIds.length) {
  log(
    `Note: the cold raw run made ${fmt(coldRequests)} requests over ${fmt(coldIds.length)} ids, so some were repeats.`,
  );
}

const problems = rows.filter((row) => row.problem || row.note);
if (problems.length > 0) {
  log('');
  for (const row of problems) {
    if (row.problem) log(`NOT MEASURED — ${row.label}: ${row.problem}`);
    if (row.note) log(`Note — ${row.label}: ${row.note}`);
  }
}

const checks = [
  ['search p99 ≤ 50 ms (common term)', byKey.searchCommon, (r) => r.p99, (v) => v <= TARGETS.searchP99Ms, 'ms'],
  ['search p99 ≤ 50 ms (rare term)', byKey.searchRare, (r) => r.p99, (v) => v <= TARGETS.searchP99Ms, 'ms'],
  ['search ≥ 1,000 req/s (common term)', byKey.searchCommon, (r) => r.rps, (v) => v >= TARGETS.searchRps, 'req/s'],
  ['search ≥ 1,000 req/s (rare term)', byKey.searchRare, (r) => r.rps, (v) => v >= TARGETS.searchRps, 'req/s'],
  ['list ≥ 1,000 req/s', byKey.list, (r) => r.rps, (v) => v >= TARGETS.listRps, 'req/s'],
  ['get by id ≥ 2,500 req/s', byKey.get, (r) => r.rps, (v) => v >= TARGETS.getRps, 'req/s'],
  [
    'raw with If-None-Match ≥ 5,000 req/s',
    byKey.rawConditional,
    (r) => r.rps,
    (v) => v >= TARGETS.rawConditionalRps,
    'req/s',
  ],
];
log('\n| Target | Measured | Result |');
log('| --- | ---: | --- |');
for (const [label, row, value, passes, unit] of checks) {
  if (!usable(row)) {
    log(`| ${label} | — | MISS (no valid figure) |`);
    continue;
  }
  const measured = value(row);
  log(`| ${label} | ${fmt(measured)} ${unit} | ${passes(measured) ? 'PASS' : 'MISS'} |`);
}
const rssMeasured = rows.some((row) => row.rps !== undefined);
log(
  `| API RSS under load ≤ 300 MB | ${fmt(peakRss)} MB | ${
    !rssMeasured ? 'MISS (nothing was loaded)' : peakRss <= TARGETS.rssMb ? 'PASS' : 'MISS'
  } |`,
);
