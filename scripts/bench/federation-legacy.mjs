// The legacy part of `npm run bench:federation`: what crawling an existing LynxPrompt 2.1 instance (a peer that
// publishes no key) costs, above all when nothing changed. Each content request there counts as a download of the
// blueprint and bumps its `updatedAt`, so a crawler that re-reads everything inflates the peer's figures.
//
// The peer is the fake the e2e tests use (apps/api/test/support/reference-instance.ts), bundled at run time, not a
// copy: a list sorted by downloads with ties ordered per offset + limit, a detail GET that bumps downloads, and its
// own request counters. It is seeded with BENCH_LEGACY_BLUEPRINTS (1,000) blueprints shaped like a real instance.
import { corpusDir, loadCorpus } from './lib/corpus.mjs';
import { crawlAndReadRun } from './lib/crawl-run.mjs';
import { seededRandom } from './lib/random.mjs';
import { importTypeScript } from './lib/typescript-module.mjs';

const REFERENCE_INSTANCE = 'apps/api/test/support/reference-instance.ts';
const LEGACY_SEED = 20261205;
/** Page size of the reference product's list: the old crawler read it in pages of this size. */
const OLD_PAGE_SIZE = 100;
/** First crawls until every blueprint is held; a peer whose list never shows some items stops here. */
const MAX_FIRST_RUNS = 10;

// Types as a real instance's catalogue mixes them: the agent-instruction files most, the rest of the vocabulary rarely.
const COMMON_TYPES = [
  ['AGENTS_MD', 14],
  ['CURSORRULES', 10],
  ['CLAUDE_MD', 12],
  ['CURSOR_MDC', 8],
  ['COPILOT_INSTRUCTIONS', 8],
  ['WINDSURF_RULES', 4],
  ['CLAUDE_COMMAND', 5],
  ['GEMINI_MD', 3],
  ['CURSOR_COMMAND', 2],
];
// Free-form, as people type them: mixed case, spaces, punctuation, near-duplicates.
const TAGS = ['React', 'react', 'TypeScript', 'typescript', 'Next.js', 'Node.js', 'node', 'Python', 'python3']
  .concat(['ci/cd', 'Docker', 'docker', 'testing', 'Unit Testing', 'best practices', 'Tailwind CSS', '.NET', 'C#'])
  .concat(['Go', 'golang', 'Rust', 'AI', 'prompt engineering', 'Vue', 'Django', 'FastAPI', 'security', 'a11y'])
  .concat(['Kubernetes', 'AWS', 'Claude', 'cursor', 'Copilot', 'monorepo', 'GraphQL', 'REST API', 'PostgreSQL'])
  .concat(['SQL', 'Flutter', 'Swift', 'Kotlin', 'docs', 'code review', 'refactoring', 'clean code', 'café']);
const AUTHORS = ['Liam Gomez', 'Ana Silva', 'Kenji Tanaka', 'Priya Patel', 'Jonas Larsen', 'Aisha Okafor']
  .concat(['Hugo Dubois', 'Wei Chen', 'Maya Novak', 'Diego Costa', 'Sara Rossi', 'Omar Haddad', 'Lena Muller'])
  .concat(['Noah Kim', 'Elena Garcia', 'Kofi Mensah', 'Ines Martin', 'Arjun Singh', 'Chloe Nguyen', 'Yara Khan']);

const fmt = (value, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Downloads as a real instance shows them: a few favourites with thousands, a long tail where most have a handful
 * and hundreds share the same small count (5, 6, 7…), and some new ones with almost none. Ties are what make the
 * reference product's list skip items.
 */
function downloadsOf(random) {
  if (random.next() < 0.1) return random.int(0, 4);
  return Math.min(50_000, Math.floor(5 * random.pareto(1.1)));
}

/** Markdown of about 4 KB: a corpus file's title and description, then its sections and a few borrowed ones. */
function markdownOf(random, docs, doc) {
  const target = random.int(2_500, 5_500);
  const parts = [`# ${doc.title}`, doc.description].filter(Boolean);
  let size = parts.join('\n\n').length;
  const chunks = [...doc.chunks];
  for (let attempts = 0; size < target && attempts < 200; attempts += 1) {
    const chunk = chunks.length > 0 ? chunks.shift() : random.pick(random.pick(docs).chunks);
    parts.push(chunk);
    size += chunk.length + 2;
  }
  return parts.join('\n\n');
}

/** Starts the reference instance on 127.0.0.1:`port` and fills it with `count` blueprints. */
export async function startLegacyPeer({ root, port, count }) {
  const { startReferenceInstance, referenceBlueprint, REFERENCE_TYPES, REFERENCE_CATEGORIES } = await importTypeScript(
    root,
    REFERENCE_INSTANCE,
  );
  const random = seededRandom(LEGACY_SEED);
  const docs = loadCorpus(corpusDir(root));
  const types = COMMON_TYPES.filter(([type]) => REFERENCE_TYPES.includes(type));
  const names = new Map();
  const now = Date.UTC(2026, 11, 5);
  const reference = await startReferenceInstance('127.0.0.1', port);
  for (let index = 0; index < count; index += 1) {
    const doc = random.pick(docs);
    const seen = names.get(doc.title) ?? 0;
    names.set(doc.title, seen + 1);
    const downloads = downloadsOf(random);
    const created = now - random.int(1, 540) * 86_400_000;
    const updated = Math.min(now, created + random.int(0, 120) * 86_400_000);
    const blueprint = referenceBlueprint({
      name: seen === 0 ? doc.title : `${doc.title} (${seen + 1})`,
      description: random.next() < 0.15 ? null : doc.description || null,
      type: random.next() < 0.85 ? random.weighted(types) : random.pick(REFERENCE_TYPES),
      category: random.pick(REFERENCE_CATEGORIES),
      tags: Array.from(new Set(Array.from({ length: random.int(0, 6) }, () => random.pick(TAGS)))),
      content: markdownOf(random, docs, doc),
      downloads,
      favorites: Math.floor(downloads / random.int(4, 20)),
      author: random.pick(AUTHORS),
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
    });
    reference.blueprints.set(blueprint.id, blueprint);
  }
  return { reference, facts: catalogueFacts(reference) };
}

/** Size and tie structure of the seeded catalogue, before any crawl bumps it. */
function catalogueFacts(reference) {
  const all = [...reference.blueprints.values()];
  const byDownloads = new Map();
  for (const blueprint of all) byDownloads.set(blueprint.downloads, (byDownloads.get(blueprint.downloads) ?? 0) + 1);
  const groups = [...byDownloads.entries()].sort((x, y) => y[1] - x[1]);
  const contentBytes = all.reduce((sum, blueprint) => sum + Buffer.byteLength(blueprint.content), 0);
  return {
    count: all.length,
    averageBytes: all.length > 0 ? contentBytes / all.length : 0,
    nullDescriptions: all.filter((blueprint) => blueprint.description === null).length,
    distinctDownloads: byDownloads.size,
    tied: groups.filter(([, size]) => size > 1).reduce((sum, [, size]) => sum + size, 0),
    largestTies: groups.slice(0, 3),
    maxDownloads: Math.max(0, ...all.map((blueprint) => blueprint.downloads)),
  };
}

/**
 * Adds the reference instance as a peer of the crawler A (as an admin would) and measures (1) the first crawls until
 * every blueprint is held, (2) two re-crawls of the unchanged peer. Every crawl uses the scheduler's trigger.
 */
export async function measureLegacyPeer({ peers, crawler, crawlerDb, reference }) {
  const added = await peers.add({ type: 'system' }, reference.url, {});
  if (added.status !== 'verified' || added.signed) {
    throw new Error(
      `Adding ${reference.domain} left it ${added.status}${added.signed ? ' (signed)' : ''}: ${added.lastError ?? ''}`,
    );
  }
  const held = async () =>
    (await crawlerDb.query('SELECT count(*)::int AS n FROM remote_blueprints WHERE peer_id = $1', [added.id])).rows[0]
      .n;

  async function crawlOnce(label) {
    const downloadsBefore = new Map([...reference.blueprints.values()].map((b) => [b.id, b.downloads]));
    const requestsBefore = { ...reference.requests };
    const { outcome, ms, row } = await crawlAndReadRun(crawler, crawlerDb, added.id);
    let grownBlueprints = 0;
    let grownDownloads = 0;
    for (const blueprint of reference.blueprints.values()) {
      const grown = blueprint.downloads - (downloadsBefore.get(blueprint.id) ?? 0);
      if (grown > 0) {
        grownBlueprints += 1;
        grownDownloads += grown;
      }
    }
    const peerCounted = Object.fromEntries(
      Object.entries(reference.requests).map(([kind, total]) => [kind, total - requestsBefore[kind]]),
    );
    return {
      label,
      outcome,
      ms,
      requests: Number(row.requests),
      pages: Number(row.pages),
      added: Number(row.added),
      updated: Number(row.updated),
      removed: Number(row.removed),
      bytes: Number(row.bytes),
      fetches: Object.fromEntries(Object.entries(row.fetches).map(([reason, entry]) => [reason, entry.count])),
      errors: row.errors,
      grownBlueprints,
      grownDownloads,
      peerCounted,
      held: await held(),
    };
  }

  const listed = [...reference.blueprints.values()].filter((blueprint) => blueprint.isPublic !== false).length;
  const firstRuns = [];
  for (let run = 1; run <= MAX_FIRST_RUNS; run += 1) {
    const result = await crawlOnce(`first crawl, run ${run}`);
    firstRuns.push(result);
    if (result.held >= listed || (result.outcome !== 'succeeded' && result.outcome !== 'not_modified')) break;
  }
  const recrawls = [];
  for (const label of ['re-crawl 1, peer unchanged', 're-crawl 2, peer unchanged'])
    recrawls.push(await crawlOnce(label));
  return { listed, firstRuns, recrawls, fullPageWalk: await distinctListed(reference, OLD_PAGE_SIZE) };
}

/**
 * How many distinct blueprints one walk of the unchanged list in pages of `pageSize` shows (list requests only, which
 * download nothing): what ties hide from a walk.
 */
async function distinctListed(reference, pageSize) {
  const seen = new Set();
  const started = performance.now();
  for (let offset = 0; ; offset += pageSize) {
    const response = await fetch(`${reference.url}/api/v1/federation/blueprints?limit=${pageSize}&offset=${offset}`);
    const { blueprints, total } = await response.json();
    for (const blueprint of blueprints) seen.add(blueprint.id);
    if (blueprints.length === 0 || offset + pageSize >= total) {
      const msPerPage = (performance.now() - started) / (offset / pageSize + 1);
      return { pageSize, seen: seen.size, total, msPerPage };
    }
  }
}

/** Markdown for docs/benchmarks.md: the runs, then the comparison with the old crawler's cost. */
export function reportLegacy({ facts, result, refreshPerRun, log }) {
  log(
    `\nLegacy peer (the tests' reference instance, bundled from ${REFERENCE_INSTANCE}): ${fmt(facts.count)} ` +
      `blueprints, average ${fmt(facts.averageBytes)} bytes of content, ${fmt(facts.nullDescriptions)} without a ` +
      `description; downloads 0–${fmt(facts.maxDownloads)} with ${fmt(facts.distinctDownloads)} distinct values, ` +
      `${fmt(facts.tied)} blueprints sharing theirs with another (largest ties: ` +
      `${facts.largestTies.map(([downloads, size]) => `${fmt(size)} at ${fmt(downloads)}`).join(', ')}). ` +
      `FEDERATION_LEGACY_REFRESH_PER_RUN=${refreshPerRun} (the default).`,
  );
  if (!result) return;
  const { listed, firstRuns, recrawls } = result;
  const fetchText = (fetches) =>
    ['new', 'changed', 'refresh', 'confirm'].map((reason) => fmt(fetches[reason] ?? 0)).join(' / ');
  log(
    '\n| Legacy crawl | outcome | time s | requests | list pages | details: new / changed / refresh / confirm | ' +
      'KB received | added | updated | removed | held | peer downloads grown: blueprints (total) |',
  );
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of [...firstRuns, ...recrawls]) {
    log(
      `| ${run.label} | ${run.outcome} | ${(run.ms / 1000).toFixed(2)} | ${fmt(run.requests)} | ${fmt(run.pages)} | ` +
        `${fetchText(run.fetches)} | ${fmt(run.bytes / 1024)} | ${fmt(run.added)} | ${fmt(run.updated)} | ` +
        `${fmt(run.removed)} | ${fmt(run.held)} | ${fmt(run.grownBlueprints)} (${fmt(run.grownDownloads)}) |`,
    );
  }
  let countsAgree = true;
  for (const run of [...firstRuns, ...recrawls]) {
    const counted = run.peerCounted.manifest + run.peerCounted.list + run.peerCounted.detail;
    if (counted !== run.requests) {
      countsAgree = false;
      log(
        `Note — ${run.label}: the peer counted ${counted} requests (${run.peerCounted.list} list, ` +
          `${run.peerCounted.detail} detail, ${run.peerCounted.manifest} manifest), the run ${run.requests}.`,
      );
    }
    if (run.errors.length > 0) {
      log(`Problems recorded — ${run.label}: ${run.errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`);
    }
  }

  if (countsAgree) log("\nThe peer's own counters (manifest, list, detail) match every run's `requests`.");
  const { fullPageWalk } = result;
  log(
    `One walk of the unchanged list in pages of ${fullPageWalk.pageSize} shows ${fmt(fullPageWalk.seen)} of its ` +
      `${fmt(fullPageWalk.total)} blueprints (ties are ordered afresh for each offset + limit); the skipped ones are ` +
      `copies listed or checked within the day, so a re-crawl walks the list once (further walks, with other page ` +
      `sizes, come when one of them is a day old, new or gone). The peer takes ${fmt(fullPageWalk.msPerPage)} ms per list ` +
      `page (it sorts its whole list, a hash per comparison, in this process): much of the legacy crawls' time.`,
  );
  const first = firstRuns.reduce(
    (sum, run) => ({ requests: sum.requests + run.requests, bytes: sum.bytes + run.bytes, ms: sum.ms + run.ms }),
    { requests: 0, bytes: 0, ms: 0 },
  );
  const complete = firstRuns.at(-1).held >= listed;
  log(
    `\nFirst crawl: ${complete ? 'every' : `NOT every (${fmt(firstRuns.at(-1).held)} of ${fmt(listed)})`} ` +
      `blueprint held after ${firstRuns.length} run${firstRuns.length === 1 ? '' : 's'}: ${fmt(first.requests)} ` +
      `requests, ${fmt(first.bytes / 1024)} KB, ${(first.ms / 1000).toFixed(2)} s.`,
  );
  // The old crawler, per unchanged re-crawl: one request beside the list (1), every list page, one detail per item;
  // each detail a download on the peer.
  const oldRequests = 1 + Math.ceil(listed / OLD_PAGE_SIZE) + listed;
  // The first run read what the old re-crawl read when it was one walk of full pages with every detail.
  const firstRun = firstRuns[0];
  const oldBytes =
    firstRun.pages === Math.ceil(listed / OLD_PAGE_SIZE) && firstRun.fetches.new === listed ? firstRun.bytes : null;
  for (const run of recrawls) {
    const bytesText =
      oldBytes === null
        ? `${fmt(run.bytes / 1024)} KB`
        : `${fmt(run.bytes / 1024)} KB against the ${fmt(oldBytes / 1024)} KB of the first run, which read what ` +
          `the old re-crawl read (every page, every detail): ${((run.bytes / oldBytes) * 100).toFixed(1)}%`;
    log(
      `${run.label}: ${fmt(run.requests)} requests against the old ${fmt(oldRequests)} (1 + ⌈${fmt(listed)}/` +
        `${OLD_PAGE_SIZE}⌉ + ${fmt(listed)}): ${((run.requests / oldRequests) * 100).toFixed(1)}%, ` +
        `${fmt(oldRequests / Math.max(1, run.requests), 1)}× fewer; downloads added on the peer ` +
        `${fmt(run.grownDownloads)} (${fmt(run.grownBlueprints)} blueprints) against the old ${fmt(listed)}: ` +
        `${((run.grownDownloads / Math.max(1, listed)) * 100).toFixed(1)}%; ${bytesText}.`,
    );
  }
}
