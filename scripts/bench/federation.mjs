// npm run bench:federation — what crawling a peer costs (the federation issue's targets). A benchmark, not a test:
// it prints figures and PASS/MISS against the targets, and exits 0 either way.
//
// 1. Seeds (or reuses) the peer's database, lynxprompt_bench_federation_peer, with BENCH_BLUEPRINTS (10,000) public
//    blueprints: see seed-catalog.mjs (its marker lets later runs reuse the data).
// 2. Starts the peer B from the build (apps/api/dist/main.js, as `npm start` runs it) on that database, as its own
//    process on this machine, with APP_URL http://127.0.0.1:<port>.
// 3. Runs the crawling instance A in this process, from the same build (LP_MODE=api: no worker; this script calls the
//    crawler itself), on a fresh database lynxprompt_bench_federation_crawler (dropped and re-created each run), and
//    adds B as a peer, as an admin would.
// 4. Measures: (a) the full sync of B's catalogue; (b) a re-crawl of the unchanged peer; (c) incremental crawls after
//    BENCH_CHANGES (10,100,1000) blueprints were edited on B, to show that their cost follows the changes, not the
//    catalogue's size.
// 5. Legacy peers (federation-legacy.mjs), once the signed part is done: starts the reference instance the e2e tests
//    use (an existing LynxPrompt 2.1 instance, which publishes no key and counts each content request as a download)
//    in this process on 127.0.0.1, seeded with BENCH_LEGACY_BLUEPRINTS (1,000) blueprints, adds it to A as a peer and
//    measures the first crawls until every blueprint is held, then two re-crawls of the unchanged peer, against the
//    old crawler's cost. BENCH_LEGACY_BLUEPRINTS=0 skips this part.
//
// Every crawl uses the scheduler's trigger ('schedule'), as the periodic crawl does: no manifest re-read.
// BENCH_PEER_DATABASE_URL and BENCH_CRAWLER_DATABASE_URL (both names must contain "bench"), BENCH_REDIS_URL (default
// redis://127.0.0.1:6379/9), BENCH_USERS (2,000), BENCH_SEED (4).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, requireBuiltApi, rssMb, sampleRss, startInstance } from './lib/instance.mjs';
import { databaseName, deployMigrations, dropDatabase, ensureDatabase, redactUrl } from './lib/postgres.mjs';
import { crawlAndReadRun } from './lib/crawl-run.mjs';
import { seededRandom } from './lib/random.mjs';
import { clearRedisPrefix } from './lib/redis.mjs';
import { instanceEnvironment } from '../lib/runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The crawler runs in this process: give it the runtime settings `npm start` gives the instance (heap cap, malloc
// arenas), which must be set before Node starts, so that its RSS means what the instance's would.
if (process.env.LP_BENCH_FEDERATION_CHILD !== '1') {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...instanceEnvironment(process.env), LP_BENCH_FEDERATION_CHILD: '1' },
  });
  process.exit(run.status ?? 1);
}

const blueprints = Number(process.env.BENCH_BLUEPRINTS ?? 10_000);
const peerDatabaseUrl =
  process.env.BENCH_PEER_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/lynxprompt_bench_federation_peer';
const crawlerDatabaseUrl =
  process.env.BENCH_CRAWLER_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/lynxprompt_bench_federation_crawler';
const redisUrl = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/9';
const changeCounts = (process.env.BENCH_CHANGES ?? '10,100,1000')
  .split(',')
  .map((value) => Number(value.trim()))
  .filter((value) => Number.isInteger(value) && value > 0);
const legacyBlueprints = Number(process.env.BENCH_LEGACY_BLUEPRINTS ?? 1_000);
const PEER_PREFIX = 'lp-bench-federation-peer:';
const CRAWLER_PREFIX = 'lp-bench-federation-crawler:';
/** The catalogue holds back changes younger than 2 s (docs/federation.md §2.1). */
const HOLD_BACK_WAIT_MS = 2_100;

// The issue's targets on this 2-core machine, the peer on the same machine.
const TARGETS = { fullSyncSeconds: 30, recrawlRequests: 1, incrementalRequests: 3, issueChanges: 10 };

requireBuiltApi(root);
const log = (line) => console.log(line);
const fmt = (value, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

for (const url of [peerDatabaseUrl, crawlerDatabaseUrl]) {
  if (!/bench/i.test(databaseName(url))) {
    console.error(`Refusing to use "${databaseName(url)}": a benchmark database's name must contain "bench"`);
    process.exit(1);
  }
}
if (!Number.isInteger(legacyBlueprints) || legacyBlueprints < 0) {
  console.error(
    `BENCH_LEGACY_BLUEPRINTS must be a whole number (0 skips the legacy part), not "${process.env.BENCH_LEGACY_BLUEPRINTS}"`,
  );
  process.exit(1);
}
// The legacy peer and its content live in this process, under the instance's heap cap (about 1,000 blueprints fit).
if (legacyBlueprints > 2_000 && v8.getHeapStatistics().heap_size_limit < 512 * 1048576) {
  log(
    `Note: ${fmt(legacyBlueprints)} legacy blueprints may not fit this process's heap; run with ` +
      `NODE_OPTIONS='--max-old-space-size=1024 --max-semi-space-size=8' (docs/benchmarks.md, "Legacy peers").`,
  );
}
if (databaseName(peerDatabaseUrl) === databaseName(crawlerDatabaseUrl)) {
  console.error('The peer and the crawler need two different databases');
  process.exit(1);
}

// The app's modules, from the build. seed-catalog.mjs loads the build too (formats and slug rules).
const requireBuilt = createRequire(path.join(root, 'apps/api/dist/main.js'));
requireBuilt('reflect-metadata');
const { createApp } = requireBuilt('./bootstrap.js');
const { loadConfig } = requireBuilt('./config/config.js');
const { PeersService } = requireBuilt('./federation/peers/peers.service.js');
const { CrawlerService } = requireBuilt('./federation/crawler/crawler.service.js');
const { seedCatalog } = await import('./seed-catalog.mjs');
const { measureLegacyPeer, reportLegacy, startLegacyPeer } = await import('./federation-legacy.mjs');

/** CPU seconds (user + system) a process has used so far, from /proc; clock ticks are 100 per second on Linux. */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. The peer's catalogue.

try {
  await seedCatalog({ databaseUrl: peerDatabaseUrl, blueprints, log });
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const peerDb = new pg.Client({ connectionString: peerDatabaseUrl });
await peerDb.connect();
const facts = await (async () => {
  const listed = await peerDb.query(
    `SELECT count(*)::int AS n, round(avg(v.size_bytes))::int AS avg FROM blueprints b
       JOIN blueprint_versions v ON v.blueprint_id = b.id AND v.number = b.published_version WHERE b.listed`,
  );
  // Ids to edit: names short enough to take a 2-character mark and stay within the 100-character limit.
  const editable = await peerDb.query('SELECT id FROM blueprints WHERE listed AND length(name) <= 98 ORDER BY id');
  const server = await peerDb.query('SHOW server_version');
  return {
    listed: listed.rows[0].n,
    averageBytes: listed.rows[0].avg,
    editable: editable.rows.map((row) => row.id),
    postgres: server.rows[0].server_version,
  };
})();

const random = seededRandom(20261122);
const shuffled = [...facts.editable];
for (let i = shuffled.length - 1; i > 0; i -= 1) {
  const j = random.int(0, i);
  [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
}
// Disjoint sets, one per incremental run; a set too large for the catalogue is skipped.
const changeSets = [];
let offset = 0;
for (const count of changeCounts) {
  if (offset + count > shuffled.length) {
    log(`Skipping ${fmt(count)} changes: only ${fmt(shuffled.length - offset)} editable blueprints remain.`);
    continue;
  }
  changeSets.push({ count, ids: shuffled.slice(offset, offset + count) });
  offset += count;
}

/**
 * Edits blueprints on the peer as an author would (new name, new update time), straight in its database. The mark is
 * toggled, so names never grow over repeated runs. The trigger recomputes the search vector; `listed` stays true.
 */
async function editOnPeer(ids) {
  const result = await peerDb.query(
    `UPDATE blueprints
        SET name = CASE WHEN name LIKE '% *' THEN left(name, length(name) - 2) ELSE name || ' *' END,
            updated_at = now()
      WHERE id = ANY($1::text[]) AND listed`,
    [ids],
  );
  return result.rowCount;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. The peer B, a real process.

// The peer's signing key is stored encrypted with ENCRYPTION_KEY, which startInstance generates afresh in each run's
// throw-away DATA_DIR: a key left by an earlier run could not be read, so the peer makes a new one at start.
await peerDb.query('DELETE FROM instance_keys');
const peerPort = await freePort();
const peerDomain = `127.0.0.1:${peerPort}`;
let peer;
try {
  await clearRedisPrefix(redisUrl, PEER_PREFIX);
  peer = await startInstance(root, {
    PORT: String(peerPort),
    APP_URL: `http://${peerDomain}`,
    INSTANCE_NAME: 'Bench peer',
    // Serving only: no background jobs competing with the crawl for the two cores.
    LP_MODE: 'api',
    DATABASE_URL: peerDatabaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: PEER_PREFIX,
    // The benchmark edits the peer's rows in SQL, which the app's own writes would follow by clearing its shared
    // response cache; with the cache on, the tail page could be served stale for up to 10 s. Each catalogue page is
    // requested once per crawl anyway, so the cache could not speed the crawl up.
    PUBLIC_READ_CACHE_SECONDS: '0',
  });
} catch (error) {
  console.error(error.message);
  await peerDb.end();
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The crawler A, in this process.

let crawlerApp;
let crawlerDb;
let config;
let peers;
let crawler;
const runs = [];
let fullSync;
let crawlerIdleRss = 0;
let peerIdleRss = 0;
let problem = null;
// The legacy peer starts once the signed part is done (it runs in this process); its port is known to A's config now.
const legacyPort = await freePort();
const legacyDomain = `127.0.0.1:${legacyPort}`;
let legacy = null;
let legacyResult = null;
let legacyProblem = null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-bench-federation-'));
try {
  await dropDatabase(crawlerDatabaseUrl);
  await ensureDatabase(crawlerDatabaseUrl);
  const deploy = deployMigrations(root, crawlerDatabaseUrl);
  if (!deploy.ok) throw new Error(`Migrations failed on ${databaseName(crawlerDatabaseUrl)}:\n${deploy.output}`);
  await clearRedisPrefix(redisUrl, CRAWLER_PREFIX);

  config = loadConfig({
    LP_MODE: 'api',
    APP_URL: 'http://127.0.0.1:1',
    INSTANCE_NAME: 'Bench crawler',
    DATABASE_URL: crawlerDatabaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: CRAWLER_PREFIX,
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    OUTBOUND_ALLOW_PRIVATE: legacyBlueprints > 0 ? `${peerDomain},${legacyDomain}` : peerDomain,
    FEDERATION_MAX_BLUEPRINTS_PER_PEER: String(Math.max(50_000, blueprints)),
  });
  crawlerApp = await createApp({ config });
  peers = crawlerApp.nest.get(PeersService);
  crawler = crawlerApp.nest.get(CrawlerService);
  crawlerDb = new pg.Client({ connectionString: crawlerDatabaseUrl });
  await crawlerDb.connect();

  const added = await peers.add({ type: 'system' }, `http://${peerDomain}`, {});
  if (added.status !== 'verified' || !added.signed) {
    throw new Error(
      `Adding ${peerDomain} left it ${added.status}${added.signed ? '' : ' (unsigned)'}: ` + (added.lastError ?? ''),
    );
  }

  /** One crawl, with its crawl_runs row; `ms` is the wall time of the whole call. */
  async function crawlOnce(label) {
    const { outcome, ms, row } = await crawlAndReadRun(crawler, crawlerDb, added.id);
    const run = { label, outcome, ms, ...row };
    if (row.errors.length > 0) run.errorText = row.errors.map((error) => `${error.code}: ${error.message}`).join('; ');
    return run;
  }

  await sleep(1000);
  crawlerIdleRss = process.memoryUsage().rss / 1048576;
  peerIdleRss = rssMb(peer.pid);

  // (a) Full sync. A run stops at FEDERATION_MAX_PAGES_PER_RUN pages and the next continues; all runs count.
  const peerSampler = sampleRss(peer.pid);
  const crawlerSampler = sampleRss(process.pid);
  const fullRuns = [];
  const cpuBefore = { peer: cpuSeconds(peer.pid), crawler: cpuSeconds(process.pid) };
  try {
    for (;;) {
      const run = await crawlOnce('full sync');
      fullRuns.push(run);
      if (run.outcome !== 'succeeded' || run.pages < config.federation.maxPagesPerRun) break;
    }
  } finally {
    peerSampler.stop();
    crawlerSampler.stop();
  }
  const sum = (key) => fullRuns.reduce((total, run) => total + Number(run[key]), 0);
  const copies = (
    await crawlerDb.query('SELECT count(*)::int AS n FROM remote_blueprints WHERE peer_id = $1', [added.id])
  ).rows[0].n;
  fullSync = {
    label: `full sync (${fmt(facts.listed)} blueprints${fullRuns.length > 1 ? `, ${fullRuns.length} runs` : ''})`,
    outcome: fullRuns.at(-1).outcome,
    ms: sum('ms'),
    requests: sum('requests'),
    pages: sum('pages'),
    added: sum('added'),
    updated: sum('updated'),
    removed: sum('removed'),
    bytes: sum('bytes'),
    errorText:
      fullRuns
        .map((run) => run.errorText)
        .filter(Boolean)
        .join('; ') || undefined,
    copies,
    peerCpu: cpuSeconds(peer.pid) - cpuBefore.peer,
    crawlerCpu: cpuSeconds(process.pid) - cpuBefore.crawler,
    peerPeakRss: peerSampler.peak,
    crawlerPeakRss: crawlerSampler.peak,
  };
  runs.push(fullSync);

  // (b) Re-crawl of the unchanged peer.
  runs.push({ key: 'recrawl', ...(await crawlOnce('re-crawl, peer unchanged')) });

  // (c) Incremental crawls after K edits on the peer.
  for (const { count, ids } of changeSets) {
    const edited = await editOnPeer(ids);
    await sleep(HOLD_BACK_WAIT_MS);
    const run = await crawlOnce(`incremental, ${fmt(count)} changed`);
    runs.push({ key: `changes${count}`, changes: count, edited, ...run });
  }
} catch (error) {
  problem = error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// 5. The legacy peer, crawled by the same A (its failure leaves the signed figures standing, and the reverse).
try {
  if (legacyBlueprints > 0) {
    if (!crawler) throw new Error('The crawler A did not start');
    legacy = await startLegacyPeer({ root, port: legacyPort, count: legacyBlueprints });
    legacyResult = await measureLegacyPeer({ peers, crawler, crawlerDb, reference: legacy.reference });
  }
} catch (error) {
  legacyProblem = error instanceof Error ? (error.stack ?? error.message) : String(error);
} finally {
  await legacy?.reference.close().catch(() => {});
  await crawlerDb?.end().catch(() => {});
  await crawlerApp?.close().catch(() => {});
  await peer.stop();
  await peerDb.end();
  await clearRedisPrefix(redisUrl, CRAWLER_PREFIX).catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Report: Markdown, ready for docs/benchmarks.md.

log(
  `\nPeer: ${fmt(facts.listed)} listed blueprints (average ${fmt(facts.averageBytes)} bytes of content) at ` +
    `${redactUrl(peerDatabaseUrl)}; crawler database ${redactUrl(crawlerDatabaseUrl)}; Redis ${redactUrl(redisUrl)}. ` +
    `${os.cpus().length} cores, Node ${process.version}, PostgreSQL ${facts.postgres}; peer and crawler share the machine.`,
);
if (problem) log(`\nNOT COMPLETED: ${problem}`);

if (runs.length > 0) {
  log('\n| Crawl | outcome | time s | requests | pages | added | updated | removed | KB received | blueprints/s |');
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of runs) {
    const changed = Number(run.added) + Number(run.updated) + Number(run.removed);
    log(
      `| ${run.label} | ${run.outcome} | ${(run.ms / 1000).toFixed(2)} | ${fmt(Number(run.requests))} | ` +
        `${fmt(Number(run.pages))} | ${fmt(Number(run.added))} | ${fmt(Number(run.updated))} | ` +
        `${fmt(Number(run.removed))} | ${fmt(Number(run.bytes) / 1024)} | ` +
        `${changed > 0 ? fmt(changed / (run.ms / 1000)) : '—'} |`,
    );
  }
  for (const run of runs) if (run.errorText) log(`Problems recorded — ${run.label}: ${run.errorText}`);
}
if (fullSync) {
  log(
    `\nFull sync: ${fmt(fullSync.copies)} copies stored of ${fmt(facts.listed)} listed; ` +
      `${fmt(fullSync.bytes / fullSync.requests / 1024)} KB per request. RSS: peer ${fmt(peerIdleRss)} MB idle, ` +
      `${fmt(fullSync.peerPeakRss)} MB peak; crawler (this process) ${fmt(crawlerIdleRss)} MB idle, ` +
      `${fmt(fullSync.crawlerPeakRss)} MB peak. CPU: peer process ${fullSync.peerCpu.toFixed(1)} s, crawler process ` +
      `${fullSync.crawlerCpu.toFixed(1)} s (PostgreSQL's share, for both databases, is not counted).`,
  );
}

const byKey = Object.fromEntries(runs.filter((run) => run.key).map((run) => [run.key, run]));
const issueRun = byKey[`changes${TARGETS.issueChanges}`];
if (fullSync && issueRun) {
  log(
    `${fmt(TARGETS.issueChanges)} changes cost ${((issueRun.ms / fullSync.ms) * 100).toFixed(2)}% of the full sync's ` +
      `time (${(issueRun.ms / 1000).toFixed(2)} s vs ${(fullSync.ms / 1000).toFixed(1)} s) and ` +
      `${fmt(Number(issueRun.requests))} of its ${fmt(fullSync.requests)} requests ` +
      `(1/${fmt(fullSync.requests / Number(issueRun.requests))}).`,
  );
}
const incremental = runs.filter((run) => run.changes);
if (incremental.length > 1) {
  log(
    `Incremental cost by number of changes: ${incremental
      .map(
        (run) =>
          `${fmt(run.changes)} → ${fmt(Number(run.requests))} requests, ${(run.ms / 1000).toFixed(2)} s ` +
          `(${fmt(run.ms / run.changes, 1)} ms per change)`,
      )
      .join('; ')}.`,
  );
}

const checks = [];
if (fullSync) {
  const complete = fullSync.outcome === 'succeeded' && fullSync.copies === facts.listed;
  checks.push([
    `full sync of ${fmt(facts.listed)} blueprints ≤ ${TARGETS.fullSyncSeconds} s, peer included`,
    `${(fullSync.ms / 1000).toFixed(1)} s${complete ? '' : ` (incomplete: ${fmt(fullSync.copies)} copies)`}`,
    complete && fullSync.ms / 1000 <= TARGETS.fullSyncSeconds,
  ]);
}
if (byKey.recrawl) {
  const run = byKey.recrawl;
  checks.push([
    're-crawl of an unchanged peer: one request answered 304',
    `${run.outcome}, ${fmt(Number(run.requests))} request${Number(run.requests) === 1 ? '' : 's'}`,
    run.outcome === 'not_modified' && Number(run.requests) === TARGETS.recrawlRequests,
  ]);
}
if (issueRun) {
  checks.push([
    `${fmt(TARGETS.issueChanges)} changes on ${fmt(facts.listed)}: ≤ ${TARGETS.incrementalRequests} requests, all applied`,
    `${fmt(Number(issueRun.requests))} requests, ${fmt(Number(issueRun.updated))} updated, ` +
      `${(issueRun.ms / 1000).toFixed(2)} s`,
    issueRun.outcome === 'succeeded' &&
      Number(issueRun.requests) <= TARGETS.incrementalRequests &&
      Number(issueRun.updated) === issueRun.edited,
  ]);
}
for (const run of incremental.filter((candidate) => candidate !== issueRun)) {
  // Pages of 100 entries, plus the empty tail page that ends every run.
  const expected = Math.ceil(run.changes / 100) + 1;
  checks.push([
    `${fmt(run.changes)} changes: requests follow the changes (${expected} = ⌈${fmt(run.changes)}/100⌉ + 1)`,
    `${fmt(Number(run.requests))} requests, ${fmt(Number(run.updated))} updated`,
    run.outcome === 'succeeded' && Number(run.requests) <= expected && Number(run.updated) === run.edited,
  ]);
}
log('\n| Target | Measured | Result |');
log('| --- | --- | --- |');
for (const [label, measured, passes] of checks) log(`| ${label} | ${measured} | ${passes ? 'PASS' : 'MISS'} |`);
if (checks.length === 0) log('| (nothing measured) | — | MISS |');

if (legacyBlueprints > 0) {
  if (legacy) {
    reportLegacy({
      facts: legacy.facts,
      result: legacyResult,
      refreshPerRun: config.federation.legacyRefreshPerRun,
      log,
    });
  }
  if (legacyProblem) log(`\nLEGACY PART NOT COMPLETED: ${legacyProblem}`);
}

log(
  `\nReproduce: npx nx run @lynxprompt/api:build && ` +
    `${blueprints === 10_000 ? '' : `BENCH_BLUEPRINTS=${blueprints} `}` +
    `${legacyBlueprints === 1_000 ? '' : `BENCH_LEGACY_BLUEPRINTS=${legacyBlueprints} `}npm run bench:federation`,
);
// The crawler's app is closed; leftover sockets (queue connections) must not keep the benchmark alive.
process.exit(0);
