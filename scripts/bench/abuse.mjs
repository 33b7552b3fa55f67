// npm run bench:abuse — the event-loop budget under hostile input. Starts the built instance (as `npm start` runs it)
// on real PostgreSQL and Redis, sends each pathological input of issue 10 (scanner, diff, hierarchy archive, search,
// import, deeply nested JSON) and measures, inside the server process, the event loop's delay
// (monitorEventLoopDelay, through the preloaded scripts/bench/lib/loop-probe.cjs) and the RSS per case.
// A case passes when the server's loop never waited more than 100 ms and its RSS stayed under BENCH_RSS_LIMIT_MB.
// A benchmark, not a test: figures depend on the machine; record them in docs/benchmarks.md.
//
// BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/lynxprompt_bench_abuse, dropped and recreated),
// BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_ARCHIVE_BLUEPRINTS (default 40) and
// BENCH_ARCHIVE_KB (default 200) size the archive case; BENCH_RSS_LIMIT_MB (default 512); BENCH_CASES=a,b runs some.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startInstance } from './lib/instance.mjs';
import { clearRedisPrefix } from './lib/redis.mjs';
import { dropDatabase, ensureDatabase, redactUrl } from './lib/postgres.mjs';
import { RUNTIME_DEFAULTS } from '../lib/runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/lynxprompt_bench_abuse';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const archiveBlueprints = Number(process.env.BENCH_ARCHIVE_BLUEPRINTS ?? 40);
const archiveKb = Number(process.env.BENCH_ARCHIVE_KB ?? 200);
const rssLimitMb = Number(process.env.BENCH_RSS_LIMIT_MB ?? 512);
const only = process.env.BENCH_CASES?.split(',').map((name) => name.trim());
const MAX_DELAY_MS = 100;
const prefix = `lp:bench:abuse:${randomBytes(4).toString('hex')}:`;
const probeFile = path.join(os.tmpdir(), `lp-loop-probe-${process.pid}.json`);

// ── Inputs ───────────────────────────────────────────────────────────────────────────────────────────────────────

const random = (bytes) => randomBytes(bytes).toString('base64url');
const randomLines = (count) => Array.from({ length: count }, () => random(12)).join('\n') + '\n';
const upperAlnum = (length) =>
  Array.from(randomBytes(length), (byte) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[byte % 32]).join('');

const SCANNER_INPUTS = {
  // The repro: 17 s and a 12.8 s wait for /api/health/live on the old main.
  'AKIA repro ×12,000': `${'AKIA'}${'A'.repeat(16)} `.repeat(12_000),
  'AKIA-shaped ids, random ×10,000': Array.from({ length: 10_000 }, () => `AKIA${upperAlnum(16)}`).join(' '),
  'ghp_ tokens ×5,000': Array.from({ length: 5_000 }, () => `ghp_${random(27)}`).join('\n'),
  'one 250 KB line': 'x'.repeat(250_000),
  'base64 blob 250 KB': randomBytes(187_000).toString('base64'),
  '250,000 = signs': '='.repeat(250_000),
  'deep markdown (> ×100k, - ×60k)': `${'>'.repeat(100_000)} x\n${'- '.repeat(60_000)}`,
  'zero-width every other char': 'a\u200b'.repeat(60_000),
};

const aliasBomb = [
  '---',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  '---',
  '# Alias bomb',
  '',
].join('\n');
const hugeFrontmatter = [
  '---',
  ...Array.from({ length: 6_000 }, (_, index) => `key${index}: ${random(18)}`),
  '---',
  '# Huge frontmatter',
  '',
].join('\n');

// ── The instance, its probe and a signed-in client ───────────────────────────────────────────────────────────────

/** A user and an API token written straight to the database: the bench measures the server, not the sign-in. */
async function createToken() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const token = `lp_${random(32)}`;
    const { rows } = await client.query(
      `INSERT INTO users (id, email, handle, display_name, email_verified_at, updated_at)
       VALUES (gen_random_uuid(), 'bench@abuse.test', 'bench', 'Bench', now(), now()) RETURNING id`,
    );
    await client.query(
      `INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, scopes, environment)
       VALUES (gen_random_uuid(), $1, 'bench', $2, $3, $4, 'development')`,
      [
        rows[0].id,
        token.slice(0, 10),
        createHash('sha256').update(token).digest('hex'),
        ['blueprints:read', 'blueprints:write', 'profile:read'],
      ],
    );
    return token;
  } finally {
    await client.end();
  }
}

/** The probe's figures since the previous call (which also starts a new window). */
async function probe(pid) {
  const before = fs.existsSync(probeFile) ? JSON.parse(fs.readFileSync(probeFile, 'utf8')).seq : 0;
  process.kill(pid, 'SIGUSR2');
  for (let attempt = 0; attempt < 200; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (!fs.existsSync(probeFile)) continue;
    const figures = JSON.parse(fs.readFileSync(probeFile, 'utf8'));
    if (figures.seq > before) return figures;
  }
  throw new Error('The loop probe did not answer: is scripts/bench/lib/loop-probe.cjs preloaded?');
}

// ── Run ──────────────────────────────────────────────────────────────────────────────────────────────────────────

await dropDatabase(databaseUrl);
await ensureDatabase(databaseUrl);
let server;
try {
  server = await startInstance(
    root,
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      LOOP_PROBE_FILE: probeFile,
      NODE_OPTIONS: `${RUNTIME_DEFAULTS.NODE_OPTIONS} --require ${path.join(root, 'scripts/bench/lib/loop-probe.cjs')}`,
      // Quotas sized for the archive case (names of the variables the quota work reads; ignored where unknown).
      QUOTA_BLUEPRINTS_PER_USER: String(archiveBlueprints + 100),
      QUOTA_BYTES_PER_USER: String((archiveBlueprints * archiveKb + 20_000) * 1024),
      QUOTA_BLUEPRINTS_PER_HIERARCHY: String(archiveBlueprints + 10),
    },
    { timeoutMs: 120_000 },
  );
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const base = server.baseUrl;
const token = await createToken();
const auth = { authorization: `Bearer ${token}` };

async function call(method, url, { body, headers = {}, raw } = {}) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...headers,
      ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, bytes: text.length };
}

async function createBlueprint(fields) {
  const created = await call('POST', '/api/v1/blueprints', {
    headers: auth,
    body: { kind: 'rules', format: 'agents-md', visibility: 'public', publish: true, ...fields },
  });
  if (created.status !== 201) {
    throw new Error(`Creating a blueprint answered ${created.status}: ${JSON.stringify(created.json?.error)}`);
  }
  return created.json;
}

/** Each case: optional setup (not measured), then the hostile requests, measured in the server. */
const cases = [
  {
    // Nothing sent for 3 s: the machine's own noise (other processes, timers, GC) in the same figures.
    name: 'idle: nothing sent for 3 s',
    run: async () => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return [];
    },
  },
  ...Object.entries(SCANNER_INPUTS).map(([name, content]) => ({
    name: `scan: ${name}`,
    run: () => call('POST', '/api/v1/scan', { headers: auth, body: { content } }),
  })),
  {
    name: 'scan: AKIA repro, 4 at once',
    run: () =>
      Promise.all(
        Array.from({ length: 4 }, () =>
          call('POST', '/api/v1/scan', { headers: auth, body: { content: SCANNER_INPUTS['AKIA repro ×12,000'] } }),
        ),
      ),
  },
  {
    name: 'create: AKIA repro as a blueprint',
    run: () =>
      call('POST', '/api/v1/blueprints', {
        headers: auth,
        body: {
          name: 'AKIA wall',
          kind: 'rules',
          format: 'agents-md',
          content: SCANNER_INPUTS['AKIA repro ×12,000'],
          visibility: 'public',
          publish: true,
        },
      }),
  },
  (() => {
    let id;
    return {
      name: 'diff: two random 9,999-line versions, anonymous ×3',
      async setup() {
        const created = await createBlueprint({ name: 'Diff bomb', content: randomLines(9_999) });
        const updated = await call('PATCH', `/api/v1/blueprints/${created.id}`, {
          headers: { ...auth, 'if-match': `"r${created.revision}"` },
          body: { content: randomLines(9_999), publish: true },
        });
        if (updated.status !== 200) throw new Error(`Publishing v2 answered ${updated.status}`);
        id = created.id;
      },
      run: async () => {
        const answers = [];
        for (let index = 0; index < 3; index += 1) {
          answers.push(await call('GET', `/api/v1/blueprints/${id}/diff?from=1&to=2`, { headers: { cookie: 'x=1' } }));
        }
        return answers;
      },
    };
  })(),
  (() => {
    let hierarchyId;
    return {
      name: `archive: ${archiveBlueprints} blueprints of ${archiveKb} KB in one hierarchy`,
      async setup() {
        const hierarchy = await call('POST', '/api/v1/hierarchies', { headers: auth, body: { name: 'bench/huge' } });
        if (hierarchy.status !== 201) throw new Error(`Creating the hierarchy answered ${hierarchy.status}`);
        hierarchyId = hierarchy.json.id;
        const lines = Math.min(9_000, Math.ceil((archiveKb * 1024) / 40));
        const lineLength = Math.max(8, Math.floor((archiveKb * 1024) / lines) - 1);
        for (let index = 0; index < archiveBlueprints; index += 1) {
          const content = Array.from({ length: lines }, () => random(lineLength).slice(0, lineLength)).join('\n');
          await createBlueprint({
            name: `Huge ${index}`,
            content,
            hierarchyId,
            repositoryPath: `dir${index}/AGENTS.md`,
          });
        }
      },
      run: () => call('GET', `/api/v1/hierarchies/${hierarchyId}/archive`, { headers: auth }),
    };
  })(),
  {
    name: 'search: q of 150 dashes',
    run: () => call('GET', `/api/v1/blueprints?q=${'-'.repeat(150)}`, { headers: { cookie: 'x=1' } }),
  },
  {
    name: 'search: 20 long random queries',
    run: async () => {
      const answers = [];
      for (let index = 0; index < 20; index += 1) {
        const q = Array.from({ length: 25 }, () => random(5)).join(index % 2 ? ' -' : ' ');
        answers.push(
          await call('GET', `/api/v1/blueprints?q=${encodeURIComponent(q)}`, { headers: { cookie: 'x=1' } }),
        );
      }
      return answers;
    },
  },
  {
    name: 'import: YAML alias bomb',
    run: () =>
      call('POST', '/api/v1/blueprints/import', {
        headers: auth,
        body: { content: aliasBomb, path: '.claude/commands/alias-bomb.md', visibility: 'public', publish: true },
      }),
  },
  {
    name: 'import: 6,000-key frontmatter',
    run: () =>
      call('POST', '/api/v1/blueprints/import', {
        headers: auth,
        body: { content: hugeFrontmatter, path: '.cursor/rules/huge.mdc', visibility: 'public', publish: true },
      }),
  },
  {
    name: 'JSON nested 100,000 deep',
    run: () =>
      call('POST', '/api/v1/scan', {
        headers: auth,
        raw: `{"content":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      }),
  },
].filter((entry) => !only || only.some((name) => entry.name.startsWith(name)));

const rows = [];
try {
  for (const entry of cases) {
    try {
      await entry.setup?.();
    } catch (error) {
      rows.push({ case: entry.name, requests: 0, statuses: `setup failed: ${error.message.slice(0, 60)}` });
      continue;
    }
    await probe(server.pid);
    const started = performance.now();
    const answers = [await entry.run()].flat();
    const wallMs = performance.now() - started;
    const figures = await probe(server.pid);
    const statuses = answers.map((answer) =>
      answer.status >= 400 && answer.json?.error?.code ? `${answer.status} ${answer.json.error.code}` : answer.status,
    );
    const counts = new Map();
    for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
    const pass = figures.maxMs <= MAX_DELAY_MS && figures.peakRssMb <= rssLimitMb;
    rows.push({
      case: entry.name,
      requests: answers.length,
      statuses: [...counts].map(([status, count]) => (count > 1 ? `${status} ×${count}` : `${status}`)).join(', '),
      'wall ms': Math.round(wallMs),
      'max delay ms': Math.round(figures.maxMs),
      'p99 delay ms': Math.round(figures.p99Ms),
      'peak RSS MB': Math.round(figures.peakRssMb),
      result: pass ? 'PASS' : 'FAIL',
    });
  }
} finally {
  await server.stop();
  fs.rmSync(probeFile, { force: true });
  await clearRedisPrefix(redisUrl, prefix);
  await dropDatabase(databaseUrl);
}

console.log(
  `LynxPrompt on PostgreSQL + Redis (${redactUrl(databaseUrl)}), ${os.cpus().length} cores, ` +
    `NODE_OPTIONS "${RUNTIME_DEFAULTS.NODE_OPTIONS}"; pass: server loop delay <= ${MAX_DELAY_MS} ms and ` +
    `RSS <= ${rssLimitMb} MB\n`,
);
console.table(rows);
const failed = rows.filter((row) => row.result !== 'PASS').length;
console.log(failed === 0 ? 'Every case within budget.' : `${failed} of ${rows.length} cases over budget.`);
