// npm run bench:search — catalogue search under a long tail of real queries (issue 11). A benchmark, not a test: it
// prints figures and PASS/MISS against the targets, and exits 0 either way.
//
//   npm run bench:search [-- --mode mix|probe|both|mcp] [--probe] [--count N] [--embedded] [--yes]
//   npm run bench:mcp    (the same as --mode mcp)
//
// 1. Seeds (or reuses) the catalogue of --count (BENCH_BLUEPRINTS, 100,000) blueprints: lynxprompt_bench_catalog at
//    100,000, lynxprompt_bench_catalog_<count> otherwise (BENCH_DATABASE_URL overrides); see seed-catalog.mjs. With
//    --embedded, an embedded PGlite data folder instead (os.tmpdir()/lynxprompt-bench-pglite-<count>, 10,000 by
//    default), and the instance runs on it as `npm start` does without DATABASE_URL.
// 2. Builds BENCH_QUERIES (5,000) distinct searches from the corpus's words and the catalogue's tags, tools and kinds
//    (lib/search-queries.mjs) and prints their composition.
// 3. Mix: BENCH_CONNECTIONS (32) connections, BENCH_WARMUP_SECONDS (2) + BENCH_SECONDS (10), each request the next
//    query drawn Zipf-like (a few very often, most once or never), against the bare Node http ceiling, the instance
//    with the shared response cache as shipped, and the instance with it off (PUBLIC_READ_CACHE_SECONDS=0).
// 4. Probe: every distinct query once, one after another, on a fresh cache-off instance.
// 5. MCP (--mode mcp, not part of both): the same mix as agents send it, each query a tools/call of search_blueprints
//    on POST /mcp, against the same queries on GET /api/v1/blueprints, both on one cache-off instance: what the MCP
//    layer (a fresh stateless server per request, JSON-RPC, the tool's validation) costs on top of the search.
//
// BENCH_MODE (both), BENCH_REDIS_URL (redis://127.0.0.1:6379/9; "none" for the in-process store), BENCH_QUERY_SEED.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { corpusDir, loadCorpus } from './lib/corpus.mjs';
import { requireBuiltApi, sampleRss, startCeilingServer, startInstance } from './lib/instance.mjs';
import { startPgliteHost } from './lib/pglite-host.mjs';
import { catalogDatabaseUrl, readDatabaseComment, redactUrl } from './lib/postgres.mjs';
import { loadQueries, probeQueries } from './lib/query-load.mjs';
import { seededRandom } from './lib/random.mjs';
import {
  buildSearchQueries,
  corpusVocabulary,
  describeComposition,
  madeUpWords,
  zipfSampler,
} from './lib/search-queries.mjs';
import { requestedCount, seedCatalog } from './seed-catalog.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);

const embedded = flag('--embedded');
const mode = flag('--probe') ? 'probe' : (option('--mode') ?? process.env.BENCH_MODE ?? 'both');
const blueprints =
  option('--count') === undefined && process.env.BENCH_BLUEPRINTS === undefined && embedded
    ? 10_000
    : requestedCount(process.argv);
// The embedded mix is short: PGlite answers one query at a time, so a long run adds little.
const seconds = Number(process.env.BENCH_SECONDS ?? (embedded ? 5 : 10));
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const queryCount = Number(process.env.BENCH_QUERIES ?? 5000);
const querySeed = Number(process.env.BENCH_QUERY_SEED ?? 11);
// Every query by default; a number probes that many spread evenly over the ranks (a slow catalogue takes an hour).
const probeSample = Number(process.env.BENCH_PROBE_SAMPLE ?? 0);
const databaseUrl = process.env.BENCH_DATABASE_URL || catalogDatabaseUrl(blueprints);
const redisSetting = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const redisUrl = embedded || redisSetting === 'none' ? undefined : redisSetting;
const pgliteDir = path.join(os.tmpdir(), `lynxprompt-bench-pglite-${blueprints}`);

// Issue 11's targets on this 2-core machine, database on the same machine.
const TARGETS = {
  cacheOffRps: 500,
  cacheOffP99Ms: 100,
  cachedRps: 2000,
  cachedP99Ms: 50,
  rssMb: 300,
  probeMaxMs: blueprints >= 1_000_000 ? 200 : 50,
  probeP99Ms: 20,
};

if (!['mix', 'probe', 'both', 'mcp'].includes(mode)) {
  console.error(`Unknown mode "${mode}": mix, probe, both or mcp`);
  process.exit(1);
}
requireBuiltApi(root);
const log = (line) => console.log(line);
const fmt = (value, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value) => (value < 10 ? value.toFixed(1) : fmt(value));

// ---------------------------------------------------------------------------------------------------------------
// 1. The catalogue, and what the queries need from it.

const vocabulary = corpusVocabulary(loadCorpus(corpusDir(root)));
const candidates = madeUpWords(querySeed, 400, vocabulary.all);

/** Kinds, tools and tags with their counts; which made-up words truly match nothing; the server's version. */
async function readCatalog(connectionString) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const pairs = async (sql) => (await client.query(sql)).rows.map((row) => [row.value, row.n]);
    const kinds = await pairs(
      `SELECT kind::text AS value, count(*)::int AS n FROM blueprints WHERE listed GROUP BY 1 ORDER BY 1`,
    );
    const tools = await pairs(
      `SELECT tool AS value, count(*)::int AS n FROM blueprints WHERE listed GROUP BY 1 ORDER BY 1`,
    );
    const tags = await pairs(
      `SELECT t AS value, count(*)::int AS n FROM blueprints, unnest(tags) t WHERE listed GROUP BY 1 ORDER BY 1`,
    );
    // A word that PostgreSQL reads as no lexeme (a stop word) would make an empty search, not a search for nothing.
    const { rows } = await client.query(
      `SELECT w FROM unnest($1::text[]) WITH ORDINALITY AS c(w, i)
        WHERE numnode(plainto_tsquery('english', w)) > 0
          AND NOT EXISTS (SELECT 1 FROM blueprints b WHERE b.meta_vector @@ plainto_tsquery('english', w))
          AND NOT EXISTS (SELECT 1 FROM blueprints b WHERE b.content_vector @@ plainto_tsquery('english', w))
        ORDER BY i`,
      [candidates],
    );
    const listed = (await client.query('SELECT count(*)::int AS n FROM blueprints WHERE listed')).rows[0].n;
    const server = (await client.query('SHOW server_version')).rows[0].server_version;
    return { kinds, tools, tags, absentWords: rows.map((row) => row.w), listed, server };
  } finally {
    await client.end();
  }
}

/**
 * Whether the database already holds a complete seed of this size. Such a database is only read: not even migrated,
 * since a database shared with a branch that has newer migrations would fail them, and a failed deploy recreates it.
 */
async function holdsCatalog(connectionString) {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    const marker = JSON.parse((await readDatabaseComment(client)) ?? 'null');
    if (marker?.blueprints !== blueprints) return false;
    const { rows } = await client.query('SELECT count(*)::int AS n FROM blueprints WHERE listed');
    return rows[0].n === blueprints;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The per-word statistics the search planner reads (search_statistics), as a long-running instance has them: an
 * instance computes them in the background when they are missing, which under the benchmark's load would still be
 * running while it is measured (and be lost when the run stops it). So an idle instance computes them first.
 */
async function ensureSearchStatistics(connectionString) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const rows = async () => (await client.query('SELECT count(*)::int AS n FROM search_statistics')).rows[0].n;
  try {
    if ((await rows()) > 0) return;
    const started = performance.now();
    const app = await startInstance(
      root,
      { DATABASE_URL: connectionString, REDIS_URL: redisUrl, REDIS_PREFIX: `lp-bench-statistics:${process.pid}:` },
      { timeoutMs: 180_000 },
    );
    try {
      while ((await rows()) === 0) {
        if (performance.now() - started > 600_000) throw new Error('the search statistics took over 10 minutes');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } finally {
      await app.stop();
    }
    log(`Search statistics computed by an idle instance in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await client.end();
  }
}

let catalog;
try {
  if (embedded) {
    fs.mkdirSync(pgliteDir, { recursive: true });
    const host = await startPgliteHost(root, pgliteDir);
    try {
      // PGlite runs one statement at a time: a second seeding connection would only wait.
      await seedCatalog({ databaseUrl: host.connectionString, blueprints, dedicated: true, connections: 1, log });
      catalog = await readCatalog(host.connectionString);
    } finally {
      await host.stop();
    }
  } else {
    if (await holdsCatalog(databaseUrl))
      log(`${redactUrl(databaseUrl)} holds ${fmt(blueprints)} blueprints; reusing it.`);
    else await seedCatalog({ databaseUrl, blueprints, confirmLargeSeed: flag('--yes'), log });
    await ensureSearchStatistics(databaseUrl);
    catalog = await readCatalog(databaseUrl);
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// 2. The queries.

const queries = buildSearchQueries({
  vocabulary,
  catalog,
  absentWords: catalog.absentWords,
  count: queryCount,
  seed: querySeed,
});
const where = embedded
  ? `embedded PGlite at ${pgliteDir}`
  : `PostgreSQL ${catalog.server} at ${redactUrl(databaseUrl)}`;
log(
  `\nCatalogue: ${fmt(catalog.listed)} listed blueprints on ${where}; ${catalog.kinds.length} kinds, ` +
    `${catalog.tools.length} tools, ${catalog.tags.length} tags. Vocabulary: ${fmt(vocabulary.all.size)} words from ` +
    `${vocabulary.documents} corpus files, ${fmt(vocabulary.phrases.length)} recurring word pairs; ` +
    `${catalog.absentWords.length} of ${candidates.length} made-up words checked to match nothing in the database.`,
);
log(describeComposition(queries));
log(
  `Mode ${mode}; ${os.cpus().length} cores, Node ${process.version}; ` +
    `${redisUrl ? `Redis at ${redactUrl(redisUrl)}` : 'in-process store (no Redis)'}.\n`,
);

// ---------------------------------------------------------------------------------------------------------------
// 3 and 4. The runs.

const random = seededRandom(querySeed + 1);
const rank = zipfSampler(queries.length, random, 1);
const nextQuery = () => {
  const index = rank();
  return { index, path: queries[index].path };
};
let run = 0;

async function withInstance(cacheSeconds, work) {
  run += 1;
  const env = {
    REDIS_URL: redisUrl,
    // A prefix per instance: a run never starts on another run's cached answers.
    REDIS_PREFIX: `lp-bench-search:${process.pid}-${run}:`,
    PUBLIC_READ_CACHE_SECONDS: cacheSeconds,
  };
  if (embedded) env.DATA_DIR = pgliteDir;
  else env.DATABASE_URL = databaseUrl;
  const app = await startInstance(root, env, { timeoutMs: 180_000 });
  const sampler = sampleRss(app.pid);
  try {
    const result = await work(app);
    return { ...result, peakRss: sampler.peak };
  } finally {
    sampler.stop();
    await app.stop();
  }
}

const load = (baseUrl) => loadQueries({ baseUrl, next: nextQuery, connections, seconds, warmupSeconds });

/** A catalogue query as the search_blueprints tool takes it (facets are the web app's; agents get none). */
function toolArguments(queryPath) {
  const params = new URL(queryPath, 'http://bench.invalid').searchParams;
  const args = { query: params.get('q') ?? undefined, sort: params.get('sort') ?? undefined };
  for (const key of ['kind', 'tool', 'format', 'category', 'author', 'license']) {
    if (params.has(key)) args[key] = params.get(key);
  }
  if (params.getAll('tag').length) args.tags = params.getAll('tag').slice(0, 5);
  return args;
}
const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
/** A tool result that is an answer: not a JSON-RPC error, not a tool error. */
const mcpAnswered = (text) => {
  const reply = JSON.parse(text);
  return !reply.error && reply.result?.isError !== true;
};
const mcpRequests = queries.map((query, index) => ({
  method: 'POST',
  headers: MCP_HEADERS,
  answered: mcpAnswered,
  body: JSON.stringify({
    jsonrpc: '2.0',
    id: index,
    method: 'tools/call',
    params: { name: 'search_blueprints', arguments: toolArguments(query.path) },
  }),
}));
/** The same Zipf-like stream of queries as `nextQuery`, from its own generator seeded alike. */
function queryStream(request) {
  const draw = zipfSampler(queries.length, seededRandom(querySeed + 1), 1);
  return () => {
    const index = draw();
    return { index, ...request(index) };
  };
}
const loadWith = (baseUrl, next) => loadQueries({ baseUrl, next, connections, seconds, warmupSeconds });
const probed =
  probeSample > 0 && probeSample < queries.length
    ? Array.from({ length: probeSample }, (_, n) => queries[Math.floor((n * queries.length) / probeSample)])
    : queries;
const mixes = [];
let probe;

try {
  if (mode !== 'probe' && mode !== 'mcp') {
    const ceilingServer = await startCeilingServer();
    try {
      mixes.push({ label: 'bare Node `http` server (fixed JSON)', ...(await load(ceilingServer.baseUrl)) });
    } finally {
      await ceilingServer.stop();
    }
    log(`Ceiling: ${fmt(mixes[0].rps)} req/s.`);
    mixes.push({
      key: 'cached',
      label: 'mix, shared response cache as shipped',
      ...(await withInstance(undefined, (app) => load(app.baseUrl))),
    });
    log(`Cache as shipped: ${fmt(mixes[1].rps)} req/s.`);
    mixes.push({
      key: 'off',
      label: 'mix, cache off (`PUBLIC_READ_CACHE_SECONDS=0`)',
      ...(await withInstance('0', (app) => load(app.baseUrl))),
    });
    log(`Cache off: ${fmt(mixes[2].rps)} req/s.`);
  }
  if (mode === 'mcp') {
    const { peakRss } = await withInstance('0', async (app) => {
      mixes.push({
        key: 'rest',
        label: 'GET /api/v1/blueprints (REST), cache off',
        ...(await loadWith(
          app.baseUrl,
          queryStream((index) => ({ path: queries[index].path })),
        )),
      });
      log(`REST: ${fmt(mixes[0].rps)} req/s.`);
      mixes.push({
        key: 'mcp',
        label: 'POST /mcp tools/call search_blueprints, cache off',
        ...(await loadWith(
          app.baseUrl,
          queryStream((index) => ({ path: '/mcp', request: mcpRequests[index] })),
        )),
      });
      log(`MCP: ${fmt(mixes[1].rps)} req/s.`);
      return {};
    });
    for (const row of mixes) row.peakRss = peakRss;
  } else if (mode !== 'mix') {
    const started = performance.now();
    if (probed.length < queries.length) log(`Probing ${fmt(probed.length)} of the queries (BENCH_PROBE_SAMPLE).`);
    probe = await withInstance('0', (app) =>
      probeQueries({
        baseUrl: app.baseUrl,
        paths: probed.map((query) => query.path),
        onProgress: (done) => {
          if (done % 1000 === 0) log(`  probe: ${fmt(done)} of ${fmt(probed.length)} queries`);
        },
      }),
    );
    log(`Probe: ${fmt(probed.length)} queries in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Report: Markdown, ready for docs/benchmarks.md.

const describe = (query) => {
  const filters = [
    query.kind && `kind=${query.kind}`,
    query.tool && `tool=${query.tool}`,
    ...(query.tags ?? []).map((tag) => `tag=${tag}`),
    `sort=${query.sort}`,
    query.facets && 'facets',
  ].filter(Boolean);
  return `\`${query.q.replace(/`/g, "'")}\` (${filters.join(', ')}; ${query.category})`;
};
const errorText = (r) =>
  r.errors === 0
    ? '0'
    : `${fmt(r.errors)} (${[r.unexpected && `${r.unexpected} non-2xx`, r.socketErrors && `${r.socketErrors} socket`, r.timeouts && `${r.timeouts} timeouts`].filter(Boolean).join(', ')})`;
const checks = [];
const check = (label, measured, passes) => checks.push([label, measured, passes]);

if (mode === 'mcp') {
  const [rest, mcp] = mixes;
  log(`\n| ${fmt(blueprints)} blueprints, the same query mix | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |`);
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of mixes) {
    log(
      `| ${row.label} | ${fmt(row.rps)} | ${ms(row.p50)} | ${ms(row.p90)} | ${ms(row.p99)} | ${ms(row.max)} | ` +
        `${errorText(row)} |`,
    );
  }
  log(
    `\nMCP / REST: ${(mcp.rps / rest.rps).toFixed(2)}× the throughput, ${(mcp.p50 / rest.p50).toFixed(2)}× the ` +
      `median and ${(mcp.p99 / rest.p99).toFixed(2)}× the p99 latency; ${fmt(mcp.distinctQueries)} distinct queries ` +
      `answered over MCP. Peak RSS of the instance: ${fmt(mcp.peakRss)} MB.`,
  );
  for (const row of mixes) if (row.failures.length) log(`${row.label} failures: ${row.failures.join('; ')}`);
  check('MCP search: 0 errors', errorText(mcp), mcp.errors === 0);
} else if (mixes.length > 0) {
  const ceiling = mixes[0];
  log(
    `\n| ${fmt(blueprints)} blueprints | req/s | p50 ms | p99 ms | max ms | errors | share of bare http | peak RSS MB |`,
  );
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of mixes) {
    log(
      `| ${row.label} | ${fmt(row.rps)} | ${ms(row.p50)} | ${ms(row.p99)} | ${ms(row.max)} | ${errorText(row)} | ` +
        `${((row.rps / ceiling.rps) * 100).toFixed(0)}% | ${row.peakRss ? fmt(row.peakRss) : '—'} |`,
    );
  }
  for (const row of mixes.slice(1)) {
    log(
      `\n${row.label}: ${fmt(row.distinctQueries)} distinct queries answered; the 20 slowest (their slowest answer):`,
    );
    log('| query | times asked | slowest ms | mean ms |');
    log('| --- | ---: | ---: | ---: |');
    for (const query of row.slowest.slice(0, 20)) {
      log(
        `| ${describe(queries[query.index])} | ${query.count} | ${ms(query.max)} | ${ms(query.total / query.count)} |`,
      );
    }
    if (row.failures.length) log(`Failures, first ${row.failures.length}: ${row.failures.join('; ')}`);
  }
  const [, cached, off] = mixes;
  check('mix, cache off ≥ 500 req/s', `${fmt(off.rps)} req/s`, off.rps >= TARGETS.cacheOffRps);
  check('mix, cache off p99 ≤ 100 ms', `${ms(off.p99)} ms`, off.p99 <= TARGETS.cacheOffP99Ms);
  check('mix, cache off: 0 errors', errorText(off), off.errors === 0);
  check('mix, cache as shipped ≥ 2,000 req/s', `${fmt(cached.rps)} req/s`, cached.rps >= TARGETS.cachedRps);
  check('mix, cache as shipped p99 ≤ 50 ms', `${ms(cached.p99)} ms`, cached.p99 <= TARGETS.cachedP99Ms);
  check('mix, cache as shipped: 0 errors', errorText(cached), cached.errors === 0);
}

if (probe) {
  const slow = (limit) => probe.slowest.filter((query) => query.max > limit).length;
  log(`\nProbe: each of ${fmt(probed.length)} distinct queries once, one after another, cache off.`);
  log('| queries answered | p50 ms | p90 ms | p99 ms | max ms | over 20 ms | over 50 ms | errors | peak RSS MB |');
  log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  log(
    `| ${fmt(probe.served)} | ${ms(probe.p50)} | ${ms(probe.p90)} | ${ms(probe.p99)} | ${ms(probe.max)} | ` +
      `${fmt(slow(20))} | ${fmt(slow(50))} | ${errorText(probe)} | ${fmt(probe.peakRss)} |`,
  );
  const byCategory = new Map();
  for (const query of probe.slowest) {
    const category = probed[query.index].category;
    byCategory.set(category, [...(byCategory.get(category) ?? []), query.max]);
  }
  log('\n| kind of query | queries | p50 ms | p99 ms | max ms | over 50 ms |');
  log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [category, times] of [...byCategory].sort()) {
    const sorted = times.sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
    log(
      `| ${category} | ${fmt(sorted.length)} | ${ms(at(50))} | ${ms(at(99))} | ${ms(sorted.at(-1))} | ` +
        `${sorted.filter((t) => t > 50).length} |`,
    );
  }
  log('\nThe 20 slowest queries on their own:');
  log('| query | ms |');
  log('| --- | ---: |');
  for (const query of probe.slowest.slice(0, 20)) log(`| ${describe(probed[query.index])} | ${ms(query.max)} |`);
  if (probe.failures.length) log(`Failures, first ${probe.failures.length}: ${probe.failures.join('; ')}`);
  check(
    `probe: every query ≤ ${TARGETS.probeMaxMs} ms`,
    `${ms(probe.max)} ms (${slow(TARGETS.probeMaxMs)} over)`,
    probe.max <= TARGETS.probeMaxMs && probe.errors === 0,
  );
  check('probe p99 ≤ 20 ms', `${ms(probe.p99)} ms`, probe.p99 <= TARGETS.probeP99Ms);
}

const peakRss = Math.max(0, ...mixes.slice(1).map((row) => row.peakRss), probe?.peakRss ?? 0);
check('API RSS peak ≤ 300 MB', `${fmt(peakRss)} MB`, peakRss <= TARGETS.rssMb);
log('\n| Target | Measured | Result |');
log('| --- | ---: | --- |');
for (const [label, measured, passes] of checks) log(`| ${label} | ${measured} | ${passes ? 'PASS' : 'MISS'} |`);
