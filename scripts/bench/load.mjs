// npm run bench:load — mixed reads and writes at many connections (issue 17). Measures the build
// (apps/api/dist/main.js, as `npm start` runs it); build first. docs/benchmarks.md, "Load", has the details.
//
// 1. A fresh PostgreSQL database (BENCH_DATABASE_URL, default lynxprompt_bench_load_<run id>: dropped, created,
//    migrated and seeded with BENCH_BLUEPRINTS (2,000) public blueprints by seed-catalog.mjs), BENCH_WRITERS (one per connection) users
//    with a personal API token each, and a fresh Redis key prefix (BENCH_REDIS_URL, default redis://127.0.0.1:6379).
// 2. BENCH_REPLICAS (1) API processes on that database and Redis, with the rate limit raised (the limiter still runs)
//    and the quotas raised (a minute of writes by few users would pass the default 1,000 blueprints each).
// 3. BENCH_CONNECTIONS (200) connections, spread over the replicas, each a loop of one request at a time for
//    BENCH_WARMUP_SECONDS (5, not counted) then BENCH_SECONDS (60). A request is a write with probability
//    BENCH_WRITE_SHARE (0.3), else a read:
//    - reads: anonymous catalogue pages (many queries, sorts, filters, later pages), anonymous details and raw
//      content of a long tail of blueprints (and of new ones), and signed-in reads (own list, details, catalogue);
//    - writes: creates (public, published, 1–8 KB texts from the corpus), edits that publish a new version, and
//      visibility changes (public ⇄ unlisted); a connection edits only what it created, so If-Match never races.
// 4. Every write the server acknowledged (2xx with an id) is looked up in PostgreSQL afterwards: created rows, the
//    version with the exact content hash sent, the revision and visibility.
//
// Prints per class and per operation: count, req/s, p50/p99/max ms, answers by status; the API's RSS; where the CPU
// went in the measured window (API, its PostgreSQL backends, this process, the rest of the machine); the shared
// response cache's hit rate (counted from the instance's `"cache":"hit"` log lines: LOG_LEVEL is BENCH_LOG_LEVEL,
// default info as in production). Exits 1 on any 5xx, socket error or lost write, or when interrupted. The database
// and the Redis keys are removed at the end, also after Ctrl-C (BENCH_KEEP_DATABASE=1 keeps the database).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTokenUsers } from './lib/bench-users.mjs';
import { cpuDuring } from './lib/cpu.mjs';
import { createHttpClient, jsonOf } from './lib/http-client.mjs';
import { requireBuiltApi, rssMb, sampleRss, startInstance } from './lib/instance.mjs';
import { createRecorder } from './lib/latency.mjs';
import { API, catalogueQueries, createBody, editedContent, sha256, skewedIndex } from './lib/load-mix.mjs';
import { countLogLines } from './lib/log-counter.mjs';
import { databaseName, dropDatabase, redactUrl } from './lib/postgres.mjs';
import { seededRandom } from './lib/random.mjs';
import { clearRedisPrefix } from './lib/redis.mjs';
import { BENCH_EMAIL_DOMAIN, createGenerator, seedCatalog } from './seed-catalog.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runId = randomBytes(4).toString('hex');
const settings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 60),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 200),
  writeShare: Number(process.env.BENCH_WRITE_SHARE ?? 0.3),
  replicas: Number(process.env.BENCH_REPLICAS ?? 1),
  blueprints: Number(process.env.BENCH_BLUEPRINTS ?? 2_000),
  // One person per connection by default: a user's writes take turns through their quota lock, and real users do not
  // send ten at once. BENCH_WRITERS=20 shows that contention.
  writers: Number(process.env.BENCH_WRITERS ?? process.env.BENCH_CONNECTIONS ?? 200),
  // A database of its own per run: two runs at once must not drop each other's.
  databaseUrl: process.env.BENCH_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/lynxprompt_bench_load_${runId}`,
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  keepDatabase: process.env.BENCH_KEEP_DATABASE === '1',
};
const prefix = `lp:bench:load:${runId}:`;
const CATALOGUE_QUERIES = 400;
const log = (line) => console.log(line);
const fmt = (value, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

requireBuiltApi(root);
if (!/bench/i.test(databaseName(settings.databaseUrl))) {
  console.error('BENCH_DATABASE_URL must name a database containing "bench": it is dropped before and after the run');
  process.exit(1);
}
if (
  !(settings.writeShare >= 0 && settings.writeShare <= 1) ||
  !(settings.replicas >= 1) ||
  !(settings.connections >= 1)
) {
  console.error('BENCH_WRITE_SHARE must be within 0..1, BENCH_REPLICAS and BENCH_CONNECTIONS at least 1');
  process.exit(1);
}

// ── Data ─────────────────────────────────────────────────────────────────────────────────────────────────────────

async function prepareDatabase() {
  await dropDatabase(settings.databaseUrl);
  await seedCatalog({
    databaseUrl: settings.databaseUrl,
    blueprints: settings.blueprints,
    users: Math.max(1, Math.round(settings.blueprints / 10)),
    seed: 17,
    force: true,
    log,
  });
  const writers = await createTokenUsers({
    root,
    databaseUrl: settings.databaseUrl,
    count: settings.writers,
    handlePrefix: 'load-writer',
    emailDomain: BENCH_EMAIL_DOMAIN,
  });
  const client = new pg.Client({ connectionString: settings.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT id FROM blueprints WHERE listed ORDER BY id');
    const server = await client.query('SHOW server_version');
    return { writers, ids: rows.map((row) => row.id), postgres: server.rows[0].server_version };
  } finally {
    await client.end();
  }
}

// ── Instances ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Replicas start one after another: the first applies nothing new, but two starting at once would race for it. */
async function startReplicas() {
  const replicas = [];
  try {
    for (let index = 0; index < settings.replicas; index += 1) {
      const app = await startInstance(
        root,
        {
          DATABASE_URL: settings.databaseUrl,
          REDIS_URL: settings.redisUrl,
          REDIS_PREFIX: prefix,
          LOG_LEVEL: settings.logLevel,
          // Unset: the defaults of `npm start` (scripts/lib/runtime.mjs).
          NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS,
          QUOTA_BLUEPRINTS_PER_USER: '10000000',
          QUOTA_STORAGE_BYTES_PER_USER: String(2 ** 40),
        },
        { timeoutMs: 120_000 },
      );
      const logCounts = countLogLines(app.child.stdout, { cacheHits: '"cache":"hit"' });
      replicas.push({ app, logCounts, idleRss: rssMb(app.pid), sampler: sampleRss(app.pid) });
    }
  } catch (error) {
    await stopReplicas(replicas);
    throw error;
  }
  return replicas;
}

async function stopReplicas(replicas) {
  for (const { app, sampler } of replicas) {
    sampler.stop();
    await app.stop();
  }
}

// ── Traffic ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Catalogue URLs: page 1 of many queries, plus pages 2 and 3 of some, learned from their cursors. */
async function catalogueUrls(client, random) {
  const urls = catalogueQueries(random, CATALOGUE_QUERIES).map((query) => `${API}/blueprints?${query}`);
  const next = async (url) => {
    const answer = await client.request({ path: url });
    const cursor = answer.status === 200 ? jsonOf(answer.body)?.nextCursor : null;
    if (!cursor) return null;
    const [pathname, query] = url.split('?');
    const params = new URLSearchParams(query);
    params.set('cursor', cursor);
    return `${pathname}?${params}`;
  };
  const pageTwos = (await Promise.all(urls.slice(0, 150).map(next))).filter(Boolean);
  const pageThrees = (await Promise.all(pageTwos.slice(0, 50).map(next))).filter(Boolean);
  // Later pages are read less than first pages: they go to the back of the skewed list.
  return [...urls.slice(0, 200), ...pageTwos, ...urls.slice(200), ...pageThrees];
}

function errorDetail(result) {
  if (result.error) return result.error;
  const code = result.status >= 400 ? jsonOf(result.body)?.error?.code : undefined;
  return code ? `${result.status} ${code}` : String(result.status);
}

/**
 * The shared state of a run and one connection's loop. A connection signs in as one writer (connections share the 20
 * writers), keeps the blueprints it created, and only edits those.
 */
function createTraffic({ ids, writers, catalogue, clients, recorder, generator }) {
  const acknowledged = [];
  const recentPublic = [];
  const window = { measureFrom: Infinity, until: 0 };
  // Warm-up included, as the cache hits counted from the log are.
  const anonymousReads = { all: 0 };
  /** The first request that got each kind of failure, for the report. */
  const failureExamples = new Map();

  const pickBlueprint = (random) =>
    recentPublic.length > 0 && random.next() < 0.1
      ? recentPublic[recentPublic.length - 1 - skewedIndex(random, Math.min(recentPublic.length, 500), 2)]
      : ids[skewedIndex(random, ids.length)];

  function read(random, auth) {
    const operation = random.weighted([
      ['catalogue, anonymous', 25],
      ['detail, anonymous', 20],
      ['raw, anonymous', 20],
      ['own list, signed in', 10],
      ['detail, signed in', 15],
      ['catalogue, signed in', 10],
    ]);
    const catalogueUrl = () => catalogue[skewedIndex(random, catalogue.length, 2)];
    const paths = {
      'catalogue, anonymous': catalogueUrl,
      'detail, anonymous': () => `${API}/blueprints/${pickBlueprint(random)}`,
      'raw, anonymous': () => `${API}/blueprints/${pickBlueprint(random)}/raw`,
      'own list, signed in': () => `${API}/me/blueprints`,
      'detail, signed in': () => `${API}/blueprints/${pickBlueprint(random)}`,
      'catalogue, signed in': catalogueUrl,
    };
    const anonymous = operation.endsWith('anonymous');
    return { operation, request: { path: paths[operation](), headers: anonymous ? {} : auth }, anonymous };
  }

  function write(random, auth, owned) {
    const operation =
      owned.length === 0
        ? 'create'
        : random.weighted([
            ['create', 60],
            ['edit (new version)', 25],
            ['visibility change', 15],
          ]);
    if (operation === 'create') {
      const body = createBody(generator.next());
      return {
        operation,
        request: { method: 'POST', path: `${API}/blueprints`, headers: auth, body },
        accept: (detail) => {
          const blueprint = { id: detail.id, revision: detail.revision, content: body.content, visibility: 'public' };
          owned.push(blueprint);
          recentPublic.push(detail.id);
          return { id: detail.id, revision: detail.revision, version: detail.version, hash: sha256(body.content) };
        },
      };
    }
    const blueprint = owned[Math.floor(random.next() * owned.length)];
    const headers = { ...auth, 'if-match': `"r${blueprint.revision}"` };
    const path = `${API}/blueprints/${blueprint.id}`;
    if (operation === 'edit (new version)') {
      const content = editedContent(blueprint.content, blueprint.revision + 1);
      return {
        operation,
        request: { method: 'PATCH', path, headers, body: { content, publish: true, changelog: 'Load benchmark edit' } },
        accept: (detail) => {
          Object.assign(blueprint, { revision: detail.revision, content });
          return { id: detail.id, revision: detail.revision, version: detail.version, hash: sha256(content) };
        },
      };
    }
    const visibility = blueprint.visibility === 'public' ? 'unlisted' : 'public';
    return {
      operation,
      request: { method: 'PATCH', path, headers, body: { visibility } },
      accept: (detail) => {
        Object.assign(blueprint, { revision: detail.revision, visibility });
        return { id: detail.id, revision: detail.revision, visibility };
      },
    };
  }

  async function connection(index) {
    const random = seededRandom(1_000 + index);
    const client = clients[index % clients.length];
    const auth = { authorization: `Bearer ${writers[index % writers.length].token}` };
    const owned = [];
    while (performance.now() < window.until) {
      const isWrite = random.next() < settings.writeShare;
      const step = isWrite ? write(random, auth, owned) : read(random, auth);
      const started = performance.now();
      const result = await client.request(step.request);
      const measured = started >= window.measureFrom && started < window.until;
      if (step.anonymous) anonymousReads.all += 1;
      if (isWrite && result.status >= 200 && result.status < 300) {
        const detail = jsonOf(result.body);
        if (detail?.id) acknowledged.push({ operation: step.operation, ...step.accept(detail) });
      }
      if (measured) {
        const detail = !result.error && result.status < 400 ? undefined : errorDetail(result);
        recorder.record([isWrite ? 'write' : 'read', step.operation], result, detail);
        if (detail && !failureExamples.has(detail))
          failureExamples.set(detail, `${step.request.method ?? 'GET'} ${step.request.path}`);
      }
    }
  }

  /** Ends the run early (Ctrl-C): the loops finish their request and the clean-up runs. */
  function stop() {
    window.until = 0;
  }

  async function run() {
    const now = performance.now();
    window.measureFrom = now + settings.warmupSeconds * 1000;
    window.until = window.measureFrom + settings.seconds * 1000;
    await Promise.all(Array.from({ length: settings.connections }, (_, index) => connection(index)));
  }

  return { run, stop, acknowledged, anonymousReads, failureExamples };
}

/** The server processes of the benchmark's database (the API's pooled connections keep theirs for the run). */
async function backendPids(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

// ── Durability ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * How many acknowledged writes PostgreSQL holds: a create or edit is found when its version exists with the content
 * hash that was sent; a visibility change when the blueprint's revision has reached the acknowledged one and, for the
 * last write to a blueprint, its visibility is the one set.
 */
async function checkDurability(acknowledged) {
  const client = new pg.Client({ connectionString: settings.databaseUrl });
  await client.connect();
  try {
    const ids = [...new Set(acknowledged.map((write) => write.id))];
    const blueprints = new Map(
      (
        await client.query('SELECT id, revision, visibility::text AS visibility FROM blueprints WHERE id = ANY($1)', [
          ids,
        ])
      ).rows.map((row) => [row.id, row]),
    );
    const versions = new Map(
      (
        await client.query(
          'SELECT blueprint_id, number, content_hash FROM blueprint_versions WHERE blueprint_id = ANY($1)',
          [ids],
        )
      ).rows.map((row) => [`${row.blueprint_id}/${row.number}`, row.content_hash]),
    );
    const lastWrite = new Map(acknowledged.map((write) => [write.id, write]));
    const byOperation = {};
    let found = 0;
    for (const write of acknowledged) {
      const row = blueprints.get(write.id);
      const present =
        row !== undefined &&
        row.revision >= write.revision &&
        (write.hash === undefined || versions.get(`${write.id}/${write.version}`) === write.hash) &&
        (write.visibility === undefined || lastWrite.get(write.id) !== write || row.visibility === write.visibility);
      const entry = (byOperation[write.operation] ??= { acknowledged: 0, found: 0 });
      entry.acknowledged += 1;
      if (present) {
        entry.found += 1;
        found += 1;
      }
    }
    return { acknowledged: acknowledged.length, found, byOperation };
  } finally {
    await client.end();
  }
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────────────────────

function report({ summary, durability, replicas, anonymousReads, failureExamples, cacheHits, cpu, facts }) {
  const seconds = settings.seconds;
  const rows = [
    ['read', 'reads'],
    ['write', 'writes'],
    ...Object.keys(summary)
      .filter((name) => name !== 'read' && name !== 'write')
      .map((name) => [name, `  ${name}`]),
  ];
  const total = (summary.read?.count ?? 0) + (summary.write?.count ?? 0);
  const processes = `${settings.replicas} API process${settings.replicas > 1 ? 'es' : ''}`;
  log(
    `\n${settings.connections} connections for ${seconds} s (after ${settings.warmupSeconds} s of warm-up), ` +
      `${Math.round(settings.writeShare * 100)}% writes, ${processes}; ` +
      `${fmt(facts.ids)} seeded public blueprints, ${settings.writers} writers; PostgreSQL ${facts.postgres}, Redis at ` +
      `${redactUrl(settings.redisUrl)}; ${os.cpus().length} cores, Node ${process.version}, load average ` +
      `${facts.loadBefore} before and ${os.loadavg()[0].toFixed(1)} after.\n`,
  );
  log('| Class | requests | req/s | p50 ms | p99 ms | max ms | 2xx/3xx | 4xx | 429 | 5xx | socket errors |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, label] of rows) {
    const entry = summary[name];
    if (!entry) continue;
    const o = entry.outcomes;
    log(
      `| ${label} | ${fmt(entry.count)} | ${fmt(entry.count / seconds)} | ${fmt(entry.p50, 1)} | ${fmt(entry.p99, 1)} | ` +
        `${fmt(entry.max)} | ${fmt(o['2xx'] + o['3xx'])} | ${fmt(o['4xx'])} | ${fmt(o['429'])} | ${fmt(o['5xx'])} | ` +
        `${fmt(o.socket)} |`,
    );
  }
  log(`| all | ${fmt(total)} | ${fmt(total / seconds)} | | | | | | | | |`);

  // Per operation only: the class rows add the same answers up.
  const failures = Object.entries(summary).filter(
    ([name, entry]) => name !== 'read' && name !== 'write' && Object.keys(entry.details).length > 0,
  );
  if (failures.length > 0) {
    log('\nAnswers other than 2xx/3xx:');
    for (const [name, entry] of failures) {
      const parts = Object.entries(entry.details).map(([detail, count]) => `${detail} ×${fmt(count)}`);
      log(`  ${name}: ${parts.join(', ')}`);
    }
    for (const [detail, example] of failureExamples) log(`  first ${detail}: ${example.slice(0, 200)}`);
  }

  log('');
  for (const [index, replica] of replicas.entries()) {
    const cpuShare = cpu
      ? `; CPU ${fmt(cpu.groups[`api${index}`], 1)} s in the ${seconds} s measured, ` +
        `${fmt(cpu.groups[`api${index}main`], 1)} s of it on the main thread`
      : '';
    const rss = `RSS ${fmt(replica.idleRss)} MB idle after start, ${fmt(replica.sampler.peak)} MB peak`;
    log(`API process ${index + 1}: ${rss}${cpuShare}.`);
  }
  if (cpu) {
    const api = replicas.reduce((sum, _, index) => sum + cpu.groups[`api${index}`], 0);
    const postgres = cpu.groups.postgres;
    const other = cpu.machineBusy - api - postgres - cpu.self;
    const perRequest = (value) => fmt(total > 0 ? (value * 1000) / total : 0, 1);
    log(
      `CPU in the measured window (${fmt(cpu.machineTotal, 0)} core-seconds): API ${fmt(api, 1)} s ` +
        `(${perRequest(api)} ms per request, worker threads included), PostgreSQL backends of the bench database ` +
        `${fmt(postgres, 1)} s (${perRequest(postgres)} ms per request), load generator ${fmt(cpu.self, 1)} s, ` +
        `everything else (Redis, other work on the machine) ${fmt(other, 1)} s, idle ` +
        `${fmt(cpu.machineTotal - cpu.machineBusy, 1)} s.`,
    );
  }
  if (settings.logLevel === 'info' || settings.logLevel === 'debug' || settings.logLevel === 'trace') {
    const share = anonymousReads.all > 0 ? (cacheHits / anonymousReads.all) * 100 : 0;
    log(
      `Shared response cache: ${fmt(cacheHits)} hits of ${fmt(anonymousReads.all)} anonymous reads (${share.toFixed(1)}%, ` +
        'warm-up included).',
    );
  } else {
    log(`Shared response cache: hit rate not counted (BENCH_LOG_LEVEL=${settings.logLevel} hides the request log).`);
  }
  const perOperation = Object.entries(durability.byOperation).map(
    ([operation, entry]) => `${operation} ${fmt(entry.found)}/${fmt(entry.acknowledged)}`,
  );
  log(
    `\nacknowledged writes: ${durability.acknowledged}, found in database: ${durability.found}` +
      (perOperation.length > 0 ? ` (${perOperation.join(', ')}; warm-up included)` : ''),
  );
}

// ── Run ──────────────────────────────────────────────────────────────────────────────────────────────────────────

const loadBefore = os.loadavg()[0].toFixed(1);
log(`Preparing ${redactUrl(settings.databaseUrl)} (${settings.blueprints} blueprints) and Redis prefix ${prefix}`);
let exitCode = 1;
let replicas = [];
const clients = [];
try {
  const data = await prepareDatabase();
  replicas = await startReplicas();
  const perReplica = Math.ceil(settings.connections / settings.replicas);
  for (const { app } of replicas) clients.push(createHttpClient(app.baseUrl, { connections: perReplica }));
  const random = seededRandom(20261206);
  const catalogue = await catalogueUrls(clients[0], random);
  const recorder = createRecorder();
  const generator = createGenerator({ users: 1, seed: 1717 });
  const traffic = createTraffic({ ...data, catalogue, clients, recorder, generator });
  let interrupted = false;
  process.once('SIGINT', () => {
    log('Interrupted: stopping the load, then cleaning up.');
    interrupted = true;
    traffic.stop();
  });
  log(
    `Load: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s, ` +
      `${catalogue.length} catalogue URLs, ${data.ids.length} blueprints to read.`,
  );
  const hitsBefore = replicas.reduce((sum, replica) => sum + replica.logCounts.cacheHits, 0);
  const cpuWindow = cpuDuring(
    {
      ...Object.fromEntries(replicas.map(({ app }, index) => [`api${index}`, async () => [app.pid]])),
      // The main thread alone: near one core, the event loop is what limits the process.
      ...Object.fromEntries(
        replicas.map(({ app }, index) => [`api${index}main`, async () => [`${app.pid}/task/${app.pid}`]]),
      ),
      postgres: () => backendPids(settings.databaseUrl),
    },
    settings.warmupSeconds * 1000,
    settings.seconds * 1000,
  );
  await traffic.run();
  // The end-of-window snapshot reads PostgreSQL: let it finish.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cpu = cpuWindow.result();
  cpuWindow.stop();
  // The last log lines of the run are still in the pipe: give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cacheHits = replicas.reduce((sum, replica) => sum + replica.logCounts.cacheHits, 0) - hitsBefore;
  const durability = await checkDurability(traffic.acknowledged);
  const summary = recorder.summary();
  report({
    summary,
    durability,
    replicas,
    anonymousReads: traffic.anonymousReads,
    failureExamples: traffic.failureExamples,
    cacheHits,
    cpu,
    facts: { ids: data.ids.length, postgres: data.postgres, loadBefore },
  });
  const serverErrors = (summary.read?.outcomes['5xx'] ?? 0) + (summary.write?.outcomes['5xx'] ?? 0);
  const socketErrors = (summary.read?.outcomes.socket ?? 0) + (summary.write?.outcomes.socket ?? 0);
  const problems = [
    serverErrors > 0 && `${serverErrors} answers were 5xx`,
    socketErrors > 0 && `${socketErrors} requests ended in a socket error`,
    durability.found < durability.acknowledged &&
      `${durability.acknowledged - durability.found} acknowledged writes are not in the database`,
    !summary.read && !summary.write && 'no request was measured',
    interrupted && 'interrupted: the figures cover less than BENCH_SECONDS',
  ].filter(Boolean);
  for (const problem of problems) log(`FAIL: ${problem}`);
  exitCode = problems.length === 0 ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
} finally {
  for (const client of clients) client.close();
  await stopReplicas(replicas);
  await clearRedisPrefix(settings.redisUrl, prefix);
  if (!settings.keepDatabase) await dropDatabase(settings.databaseUrl);
}
process.exit(exitCode);
