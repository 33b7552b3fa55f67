// Seeds a dedicated PostgreSQL database with a large public catalogue for `npm run bench:catalog`, or on its own:
//
//   node scripts/bench/seed-catalog.mjs [--count N] [--force] [--yes]   (BENCH_DATABASE_URL, BENCH_BLUEPRINTS, BENCH_USERS)
//
// --count (or BENCH_BLUEPRINTS) sets the size, 100,000 by default; without BENCH_DATABASE_URL the database is
// lynxprompt_bench_catalog at 100,000 and lynxprompt_bench_catalog_<count> otherwise, so sizes never overwrite each
// other. --force reseeds; from 500,000 up the disk needed is printed first, and --yes seeds even when it looks short.
//
// Blueprints are public and published, 1–8 KB each, recombined from the real corpus (sections of several files, so no
// two texts are the same), owned by a long tail of users. Rows go in straight through SQL, 1,000 per transaction on
// two connections, and the migration's trigger derives `listed` and the search vectors exactly as for the app's writes:
// each blueprint is inserted unpublished, then its version, then `published_version` is set so the content is indexed.
// The same seed (BENCH_SEED) gives the same data; a marker in the database comment lets a rerun skip the work.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { corpusDir, loadCorpus } from './lib/corpus.mjs';
import {
  catalogDatabaseUrl,
  databaseName,
  deployMigrations,
  dropDatabase,
  ensureDatabase,
  readDatabaseComment,
  redactUrl,
  writeDatabaseComment,
} from './lib/postgres.mjs';
import { seededRandom } from './lib/random.mjs';
import { LARGE_SEED, checkSeedDisk } from './lib/seed-disk.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Slugs and categories follow the API's own rules (the bench needs the build anyway, for migrations and formats).
const { slugify, CATEGORIES } = createRequire(import.meta.url)(
  path.join(root, 'apps/api/dist/blueprints/blueprint-rules.js'),
);

/** Bump when the generated data changes, so older seeds are replaced. */
const GENERATOR_VERSION = 1;
const MARKER_KEY = 'lynxprompt-bench-catalog';
export const BENCH_EMAIL_DOMAIN = 'bench.lynxprompt.invalid';

const MIN_BYTES = 1024;
const MAX_BYTES = 8192;
const BATCH_SIZE = 1000;

// Same rules as apps/api/src/blueprints/blueprint-rules.ts.
const ID_ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';

// ---------------------------------------------------------------------------------------------------------------
// Formats: the real registry from the API build when it exists, else the ids the registry is known to use.

const FALLBACK_FORMATS = [
  { id: 'cursor-rules', tool: 'cursor', kinds: ['rules'], syntax: 'mdc' },
  { id: 'copilot-instructions', tool: 'github-copilot', kinds: ['rules'], syntax: 'markdown' },
  { id: 'agents-md', tool: 'agents-md', kinds: ['rules'], syntax: 'markdown' },
  { id: 'claude-md', tool: 'claude-code', kinds: ['rules'], syntax: 'markdown' },
  { id: 'windsurf-rules', tool: 'windsurf', kinds: ['rules'], syntax: 'markdown' },
  { id: 'claude-command', tool: 'claude-code', kinds: ['command'], syntax: 'markdown' },
  { id: 'claude-skill', tool: 'claude-code', kinds: ['skill'], syntax: 'markdown' },
  { id: 'claude-agent', tool: 'claude-code', kinds: ['agent'], syntax: 'markdown' },
  { id: 'cursor-mcp', tool: 'cursor', kinds: ['mcp-config'], syntax: 'json' },
];

/** How popular each target is among authors; registry targets not listed here get weight 1 (the long tail). */
const FORMAT_POPULARITY = {
  'cursor-rules': 34,
  'copilot-instructions': 22,
  'agents-md': 14,
  'claude-md': 12,
  'windsurf-rules': 6,
  'claude-command': 60,
  'copilot-prompt': 15,
  'claude-skill': 60,
  'claude-agent': 60,
  'cursor-mcp': 30,
  'vscode-mcp': 20,
  'claude-mcp': 20,
};

const KIND_SHARE = [
  ['rules', 82],
  ['command', 7],
  ['skill', 5],
  ['agent', 4],
  ['mcp-config', 2],
];

function isTarget(value) {
  return value && typeof value.id === 'string' && typeof value.tool === 'string' && Array.isArray(value.kinds);
}

/** The targets of the built formats module: `listFormats()`, or any exported list of targets. */
function loadRegistry() {
  const require = createRequire(import.meta.url);
  for (const file of ['packages/formats/dist/index.js', 'packages/formats/dist/registry.js']) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) continue;
    let exports;
    try {
      exports = require(full);
    } catch {
      continue;
    }
    const candidates = Object.values(exports);
    if (typeof exports.listFormats === 'function') candidates.unshift(exports.listFormats());
    for (const value of candidates) {
      const list = Array.isArray(value) ? value : value instanceof Map ? [...value.values()] : null;
      if (list && list.length > 5 && list.every(isTarget)) return list;
    }
  }
  return null;
}

export function formatPlan() {
  const registry = loadRegistry();
  const targets = registry ?? FALLBACK_FORMATS;
  const byKind = {};
  for (const [kind] of KIND_SHARE) {
    // The generator writes Markdown/MDC texts and JSON MCP configs; TOML and YAML targets are left out.
    const syntaxes = kind === 'mcp-config' ? ['json'] : ['markdown', 'mdc'];
    const fitting = targets.filter((target) => target.kinds.includes(kind) && syntaxes.includes(target.syntax));
    if (fitting.length > 0) byKind[kind] = fitting.map((target) => [target, FORMAT_POPULARITY[target.id] ?? 1]);
  }
  return { source: registry ? 'registry' : 'fallback', byKind, ids: targets.map((target) => target.id).sort() };
}

// ---------------------------------------------------------------------------------------------------------------
// Topics: tags and categories that follow from what a text is about.

const TOPICS = [
  [/\breact\b/, 'react', 'frontend'],
  [/\bnext\.?js\b/, 'nextjs', 'fullstack'],
  [/\bvue\b/, 'vue', 'frontend'],
  [/\bangular\b/, 'angular', 'frontend'],
  [/\bsvelte/, 'svelte', 'frontend'],
  [/\btailwind/, 'tailwind', 'frontend'],
  [/\btypescript\b/, 'typescript', 'web'],
  [/\bjavascript\b/, 'javascript', 'web'],
  [/\bpython\b/, 'python', 'backend'],
  [/\bdjango\b/, 'django', 'backend'],
  [/\bfastapi\b/, 'fastapi', 'backend'],
  [/\bflask\b/, 'flask', 'backend'],
  [/\bnode\.?js\b/, 'nodejs', 'backend'],
  [/\bgolang\b|\bgo modules?\b/, 'go', 'backend'],
  [/\brust\b/, 'rust', 'backend'],
  [/\bjava\b/, 'java', 'backend'],
  [/\bspring boot\b/, 'spring', 'backend'],
  [/\bc#|\.net\b/, 'dotnet', 'backend'],
  [/\bphp\b|\blaravel\b/, 'php', 'backend'],
  [/\bgraphql\b/, 'graphql', 'backend'],
  [/\bkotlin\b/, 'kotlin', 'mobile'],
  [/\bswift(ui)?\b/, 'swift', 'mobile'],
  [/\bflutter\b/, 'flutter', 'mobile'],
  [/\bandroid\b/, 'android', 'mobile'],
  [/\bdocker/, 'docker', 'devops'],
  [/\bkubernetes\b/, 'kubernetes', 'devops'],
  [/\bterraform\b/, 'terraform', 'devops'],
  [/\bgithub actions\b/, 'github-actions', 'devops'],
  [/\bazure\b/, 'azure', 'devops'],
  [/\baws\b/, 'aws', 'devops'],
  [/\bsql\b/, 'sql', 'data'],
  [/\bpostgres/, 'postgresql', 'data'],
  [/\bpandas\b/, 'pandas', 'data'],
  [/\bpytorch\b/, 'pytorch', 'ml'],
  [/\bllms?\b/, 'llm', 'ml'],
  [/\bmachine learning\b/, 'machine-learning', 'ml'],
  [/\bowasp\b|\bsecurity\b/, 'security', 'security'],
  [/\bjest\b/, 'jest', 'testing'],
  [/\bplaywright\b/, 'playwright', 'testing'],
  [/\bpytest\b/, 'pytest', 'testing'],
  [/\baccessibility\b|\bwcag\b/, 'accessibility', 'web'],
  [/\bdocumentation\b/, 'documentation', 'documentation'],
];
const GENERIC_TAGS = [
  'best-practices',
  'code-style',
  'conventions',
  'architecture',
  'performance',
  'refactoring',
  'clean-code',
  'code-review',
  'onboarding',
  'monorepo',
  'productivity',
  'team',
];
const KIND_TAGS = { command: 'slash-command', skill: 'skill', agent: 'subagent', 'mcp-config': 'mcp' };

/** A document's topics, most mentioned first. */
function topicsOf(doc) {
  const counts = [];
  for (const [pattern, tag, category] of TOPICS) {
    const global = new RegExp(pattern.source, 'g');
    const hits = doc.lowerText.match(global)?.length ?? 0;
    if (hits > 0) counts.push({ tag, category, hits });
  }
  return counts.sort((a, b) => b.hits - a.hits);
}

// ---------------------------------------------------------------------------------------------------------------
// Users.

const FIRST = ['ada', 'alan', 'grace', 'linus', 'margaret', 'dennis', 'barbara', 'ken', 'radia', 'guido', 'anders']
  .concat(['yukihiro', 'rasmus', 'brendan', 'james', 'bjarne', 'frances', 'edsger', 'donald', 'john', 'katherine'])
  .concat(['sophie', 'lena', 'mateo', 'noah', 'aisha', 'wei', 'priya', 'omar', 'elena', 'hugo', 'ines', 'kofi'])
  .concat(['yara', 'jonas', 'maya', 'arjun', 'chloe', 'diego', 'fatima', 'kenji', 'lucia', 'nia', 'oscar', 'sara']);
const LAST = ['lovelace', 'turing', 'hopper', 'torvalds', 'hamilton', 'ritchie', 'liskov', 'thompson', 'perlman']
  .concat(['rossum', 'hejlsberg', 'matsumoto', 'lerdorf', 'eich', 'gosling', 'stroustrup', 'allen', 'dijkstra'])
  .concat(['knuth', 'mccarthy', 'johnson', 'martin', 'garcia', 'chen', 'patel', 'kim', 'novak', 'silva', 'muller'])
  .concat(['okafor', 'rossi', 'dubois', 'tanaka', 'larsen', 'kowalski', 'nguyen', 'haddad', 'costa', 'singh']);

function generateUsers(random, count, now) {
  const users = [];
  const taken = new Set();
  for (let index = 0; index < count; index += 1) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    let handle = `${first}-${last}`;
    for (let n = 2; taken.has(handle); n += 1) handle = `${first}-${last}-${n}`;
    taken.add(handle);
    const createdAt = new Date(now - random.int(400, 1200) * 86_400_000);
    users.push({
      id: random.uuid(),
      handle,
      email: `${handle}@${BENCH_EMAIL_DOMAIN}`,
      displayName: `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`,
      createdAt: createdAt.toISOString(),
      slugs: new Set(),
    });
  }
  return users;
}

// ---------------------------------------------------------------------------------------------------------------
// Blueprints.

const NAME_PREFIXES = ['Modern', 'Pragmatic', 'Opinionated', 'Enterprise', 'Minimal', 'Strict', 'Practical', 'Team'];
const NAME_SUFFIXES = {
  rules: ['Rules', 'Guidelines', 'Best Practices', 'Conventions', 'Style Guide', 'Playbook', 'Standards', 'for Teams'],
  command: ['Review', 'Refactor', 'Generate Tests', 'Explain', 'Fix Lint', 'Write Docs', 'Migrate', 'Audit'],
  skill: ['Skill', 'Workflow', 'Toolkit', 'Helper'],
  agent: ['Reviewer', 'Architect', 'Specialist', 'Assistant', 'Mentor', 'Pair Programmer'],
  'mcp-config': ['MCP Servers', 'MCP Toolkit', 'MCP Setup'],
};
const CONTEXTS = [
  'monorepos',
  'small teams',
  'startups',
  'enterprise codebases',
  'open-source projects',
  'legacy code',
  'greenfield projects',
  'strict code review',
  'pair programming',
  'fast prototyping',
];
const LICENSES = [
  ['MIT', 45],
  ['CC-BY-4.0', 20],
  ['Apache-2.0', 15],
  ['CC0-1.0', 15],
  ['BSD-3-Clause', 3],
  ['GPL-3.0-only', 2],
];
const MCP_SERVERS = [
  ['github', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: ['GITHUB_TOKEN'] }],
  ['filesystem', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '${workspaceFolder}'] }],
  ['postgres', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres', '${DATABASE_URL}'] }],
  ['puppeteer', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-puppeteer'] }],
  ['slack', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-slack'], env: ['SLACK_BOT_TOKEN'] }],
  ['memory', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] }],
  ['sequential-thinking', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-sequential-thinking'] }],
  ['fetch', { command: 'uvx', args: ['mcp-server-fetch'] }],
  ['git', { command: 'uvx', args: ['mcp-server-git', '--repository', '${workspaceFolder}'] }],
  ['sqlite', { command: 'uvx', args: ['mcp-server-sqlite', '--db-path', './data/app.db'] }],
  ['sentry', { command: 'npx', args: ['-y', '@sentry/mcp-server'], env: ['SENTRY_AUTH_TOKEN'] }],
  ['playwright', { command: 'npx', args: ['-y', '@playwright/mcp@latest'] }],
  ['context7', { command: 'npx', args: ['-y', '@upstash/context7-mcp'] }],
  ['linear', { url: 'https://mcp.linear.app/sse' }],
  ['notion', { command: 'npx', args: ['-y', '@notionhq/notion-mcp-server'], env: ['NOTION_TOKEN'] }],
  ['docker', { command: 'docker', args: ['run', '-i', '--rm', 'mcp/docker'] }],
  ['kubernetes', { command: 'npx', args: ['-y', 'mcp-server-kubernetes'], env: ['KUBECONFIG'] }],
  [
    'brave-search',
    { command: 'npx', args: ['-y', '@modelcontextprotocol/server-brave-search'], env: ['BRAVE_API_KEY'] },
  ],
  ['redis', { command: 'uvx', args: ['redis-mcp-server', '--url', '${REDIS_URL}'] }],
  ['time', { command: 'uvx', args: ['mcp-server-time', '--local-timezone', 'Europe/Berlin'] }],
];

const bytes = (text) => Buffer.byteLength(text, 'utf8');
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

function yamlQuote(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

function header(kind, format, meta) {
  const { description, globs, slug, name } = meta;
  if (kind === 'command') {
    return `---\ndescription: ${yamlQuote(description)}\nargument-hint: [file or area]\nallowed-tools: Read, Grep, Glob, Bash(git diff:*)\n---\n\nApply the following to $ARGUMENTS.`;
  }
  if (kind === 'skill') return `---\nname: ${slug}\ndescription: ${yamlQuote(description)}\n---\n\n# ${name}`;
  if (kind === 'agent') {
    return `---\nname: ${slug}\ndescription: ${yamlQuote(description)}\ntools: Read, Grep, Glob\nmodel: sonnet\n---\n\nYou are ${name.toLowerCase().startsWith('a') ? 'an' : 'a'} ${name} for ${meta.context}.`;
  }
  if (format.id === 'cursor-rules' || format.syntax === 'mdc') {
    return `---\ndescription: ${yamlQuote(description)}\nglobs: ${globs}\nalwaysApply: ${meta.alwaysApply}\n---`;
  }
  if (format.id === 'copilot-instructions') {
    return `---\napplyTo: ${yamlQuote(globs)}\ndescription: ${yamlQuote(description)}\n---`;
  }
  if (format.id === 'windsurf-rules') return `---\ntrigger: glob\nglobs: ${globs}\n---`;
  return `# ${name}\n\n${description}`;
}

function mcpContent(random, target) {
  const servers = {};
  const order = [...MCP_SERVERS];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const [name, spec] of order) {
    const server = spec.url
      ? { type: 'http', url: spec.url }
      : { type: 'stdio', command: spec.command, args: spec.args };
    if (spec.env) server.env = Object.fromEntries(spec.env.map((key) => [key, `\${${key}}`]));
    servers[name] = server;
    const text = JSON.stringify({ mcpServers: servers }, null, 2);
    if (bytes(text) >= target) break;
  }
  return `${JSON.stringify({ mcpServers: servers }, null, 2)}\n`;
}

/**
 * Sections of the base file (a few dropped), sections of other files spliced in, until the target size. `fixedBytes`
 * is what surrounds the body in the final text; the result always lands within MIN_BYTES..MAX_BYTES.
 */
function markdownBody(random, docs, base, fixedBytes, target) {
  const candidates = base.chunks.filter((_, index) => index === 0 || random.next() < 0.85);
  const foreign = random.next() < 0.6 ? random.int(1, 3) : 0;
  for (let n = 0; n < foreign; n += 1) {
    const other = random.pick(docs);
    candidates.splice(random.int(1, candidates.length), 0, random.pick(other.chunks));
  }
  const parts = [];
  let size = fixedBytes;
  const tryAdd = (chunk) => {
    const cost = bytes(chunk) + (parts.length > 0 ? 2 : 0);
    if (size + cost > MAX_BYTES) return;
    parts.push(chunk);
    size += cost;
  };
  for (const chunk of candidates) {
    if (size >= target) break;
    tryAdd(chunk);
  }
  for (let attempts = 0; size < Math.max(target, MIN_BYTES) && attempts < 1000; attempts += 1) {
    tryAdd(random.pick(random.pick(docs).chunks));
  }
  return parts.join('\n\n');
}

function generateBlueprint(random, docs, topics, users, plan, now) {
  const kind = random.weighted(KIND_SHARE.filter(([k]) => plan.byKind[k]));
  const format = random.weighted(plan.byKind[kind]);
  const docIndex = random.int(0, docs.length - 1);
  const base = docs[docIndex];
  const docTopics = topics[docIndex];

  const prefix = random.next() < 0.25 ? `${random.pick(NAME_PREFIXES)} ` : '';
  const suffix = kind === 'rules' && random.next() < 0.4 ? '' : ` ${random.pick(NAME_SUFFIXES[kind])}`;
  const name = `${prefix}${base.title}${suffix}`.slice(0, 100);
  const owner = users[Math.floor(users.length * random.next() ** 2.5)];
  let slug = slugify(name);
  for (let n = 2; owner.slugs.has(slug); n += 1) slug = `${slugify(name).slice(0, 74)}-${n}`;
  owner.slugs.add(slug);

  const context = random.pick(CONTEXTS);
  const baseDescription = base.description || `${base.title} guidance for coding assistants.`;
  const description = (
    random.next() < 0.5 ? `${baseDescription.replace(/[.\s]*$/, '.')} Tuned for ${context}.` : baseDescription
  ).slice(0, 300);

  const tags = [];
  for (const topic of docTopics.slice(0, random.int(1, 5))) tags.push(topic.tag);
  if (random.next() < 0.5) tags.push(random.pick(GENERIC_TAGS));
  if (KIND_TAGS[kind]) tags.push(KIND_TAGS[kind]);
  const uniqueTags = [...new Set(tags)].slice(0, 10);
  const category =
    random.next() < 0.85 && docTopics.length > 0 ? docTopics[0].category : random.pick(CATEGORIES.concat([null]));

  let content;
  if (kind === 'mcp-config') {
    content = mcpContent(random, random.int(MIN_BYTES, 3 * 1024));
  } else {
    const target = MIN_BYTES + Math.floor(random.next() ** 1.3 * (MAX_BYTES - MIN_BYTES));
    const globs = base.globs && base.globs !== '**' ? base.globs : random.pick(['**/*.ts', '**/*.{ts,tsx}', '**/*']);
    const head = header(kind, format, {
      description: description.replace(/\n/g, ' '),
      globs,
      slug,
      name,
      context,
      alwaysApply: random.next() < 0.3,
    });
    // Authors sign and scope their files; it also keeps two blueprints built from the same sections apart.
    const byline = `> Maintained by @${owner.handle} for ${context}.`;
    const fixed = `${head}\n\n${byline}\n\n`;
    content = `${fixed}${markdownBody(random, docs, base, bytes(fixed) + 1, target)}\n`;
  }

  const sizeBytes = bytes(content);
  if (sizeBytes < MIN_BYTES || sizeBytes > MAX_BYTES) throw new Error(`Generated ${sizeBytes} bytes for "${name}"`);

  // Published over the last two years, more of them recently, as a growing catalogue looks.
  const ageMs = random.next() ** 1.5 * 730 * 86_400_000;
  const publishedAt = now - ageMs;
  const createdAt = publishedAt - random.int(0, 3 * 86_400) * 1000;
  const updatedAt = random.next() < 0.3 ? publishedAt + random.next() * (now - publishedAt) : publishedAt;
  const favoriteCount = Math.min(50_000, Math.floor(random.pareto(1.15)) - 1);
  const downloadCount = Math.min(
    2_000_000,
    Math.floor(favoriteCount * (3 + random.next() * 15) + random.pareto(1.3) - 1),
  );
  const recent = ageMs < 30 * 86_400_000;
  const trendingScore = recent
    ? Math.floor(random.pareto(1.1)) - 1 + Math.floor(favoriteCount * 0.05)
    : random.next() < 0.05
      ? Math.floor(random.pareto(1.5)) - 1
      : 0;

  let id = 'bp_';
  for (let n = 0; n < 16; n += 1) id += ID_ALPHABET[Math.floor(random.next() * ID_ALPHABET.length)];

  return {
    id,
    ownerId: owner.id,
    name,
    slug,
    description,
    kind,
    format: format.id,
    tool: format.tool,
    category,
    tags: `{${uniqueTags.map((tag) => `"${tag}"`).join(',')}}`,
    license: random.weighted(LICENSES),
    hash: sha256(content),
    content,
    sizeBytes,
    versionId: random.uuid(),
    publishedAt: new Date(publishedAt).toISOString(),
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    favoriteCount,
    downloadCount,
    trendingScore,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Loading.

const INSERT_USERS = `
INSERT INTO users (id, email, email_verified_at, handle, display_name, created_at, updated_at)
SELECT id, email, created_at, handle, display_name, created_at, created_at
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
    AS t(id, email, handle, display_name, created_at)`;

// `published_version` stays NULL here: the trigger can only index the content once the version row exists.
const INSERT_BLUEPRINTS = `
INSERT INTO blueprints (id, owner_id, name, slug, description, kind, format, tool, category, tags, license, visibility,
                        head_version, head_content_hash, published_hash, first_published_at,
                        favorite_count, download_count, trending_score, created_at, updated_at)
SELECT id, owner_id, name, slug, description, kind::"BlueprintKind", format, tool, category, tags::text[], license,
       'public', 1, hash, hash, published_at, favorite_count, download_count, trending_score, created_at, updated_at
  FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
              $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::int[], $15::int[],
              $16::int[], $17::timestamptz[], $18::timestamptz[])
    AS t(id, owner_id, name, slug, description, kind, format, tool, category, tags, license, hash, published_at,
         favorite_count, download_count, trending_score, created_at, updated_at)`;

const INSERT_VERSIONS = `
INSERT INTO blueprint_versions (id, blueprint_id, number, content, content_hash, size_bytes, format, author_id,
                                changelog, findings, published_at, created_at)
SELECT id, blueprint_id, 1, content, content_hash, size_bytes, format, author_id, 'Initial version', '[]'::jsonb,
       published_at, created_at
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::uuid[],
              $8::timestamptz[], $9::timestamptz[])
    AS t(id, blueprint_id, content, content_hash, size_bytes, format, author_id, published_at, created_at)`;

const PUBLISH = 'UPDATE blueprints SET published_version = 1 WHERE id = ANY($1::text[])';

const column = (rows, key) => rows.map((row) => row[key]);

async function insertBatch(client, rows) {
  await client.query('BEGIN');
  try {
    await client.query(
      INSERT_BLUEPRINTS,
      ['id', 'ownerId', 'name', 'slug', 'description', 'kind', 'format', 'tool', 'category', 'tags', 'license', 'hash']
        .concat(['publishedAt', 'favoriteCount', 'downloadCount', 'trendingScore', 'createdAt', 'updatedAt'])
        .map((key) => column(rows, key)),
    );
    await client.query(
      INSERT_VERSIONS,
      ['versionId', 'id', 'content', 'hash', 'sizeBytes', 'format', 'ownerId', 'publishedAt', 'createdAt'].map((key) =>
        column(rows, key),
      ),
    );
    await client.query(PUBLISH, [column(rows, 'id')]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Removes an earlier seed: every blueprint and every bench user (the database is a dedicated benchmark one). */
async function wipe(client) {
  await client.query('TRUNCATE blueprints, blueprint_versions, blueprint_favorites, blueprint_downloads CASCADE');
  await client.query('TRUNCATE blueprint_hierarchies CASCADE');
  await client.query('DELETE FROM users WHERE email LIKE $1', [`%@${BENCH_EMAIL_DOMAIN}`]);
}

/** The catalogue's users, and `next()` for one blueprint after another; the same seed gives the same sequence. */
export function createGenerator({ users, seed, plan = formatPlan(), now = Date.now() }) {
  const docs = loadCorpus(corpusDir(root));
  const topics = docs.map(topicsOf);
  const random = seededRandom(seed);
  const people = generateUsers(random, users, now);
  return { users: people, next: () => generateBlueprint(random, docs, topics, people, plan, now) };
}

export function markerFor({ blueprints, users, seed, plan }) {
  return JSON.stringify({
    [MARKER_KEY]: GENERATOR_VERSION,
    blueprints,
    users,
    seed,
    formats: plan.source,
    formatIds: createHash('sha256').update(plan.ids.join(',')).digest('hex').slice(0, 12),
  });
}

/** The size asked for: `--count N` on the command line, else BENCH_BLUEPRINTS, else 100,000. */
export function requestedCount(argv = process.argv) {
  const at = argv.indexOf('--count');
  const value = at >= 0 ? argv[at + 1] : process.env.BENCH_BLUEPRINTS;
  return value === undefined ? 100_000 : Number(String(value).replace(/[_,]/g, ''));
}

/**
 * Makes `databaseUrl` hold exactly the catalogue described by the options: creates and migrates the database, then
 * seeds it unless its marker says it already holds this catalogue. Refuses databases whose name lacks "bench",
 * because it empties the blueprint tables; `dedicated` says the caller owns the whole server (an embedded PGlite
 * folder made for the benchmark), whose one database is used as it is.
 */
export async function seedCatalog({
  blueprints = requestedCount(),
  databaseUrl = process.env.BENCH_DATABASE_URL || catalogDatabaseUrl(blueprints),
  dedicated = false,
  confirmLargeSeed = false,
  users = Number(process.env.BENCH_USERS ?? 2_000),
  seed = Number(process.env.BENCH_SEED ?? 4),
  connections = Number(process.env.BENCH_SEED_CONNECTIONS ?? 2),
  force = false,
  log = (line) => console.log(line),
} = {}) {
  const name = databaseName(databaseUrl);
  if (!dedicated && !/bench/i.test(name)) {
    throw new Error(
      `Refusing to seed "${name}": the seed empties the blueprint tables, so the name must contain "bench"`,
    );
  }
  if (!(blueprints > 0 && users > 0 && blueprints <= 10_000_000)) throw new Error('Bad BENCH_BLUEPRINTS/BENCH_USERS');

  if (!dedicated && (await ensureDatabase(databaseUrl))) log(`Created database ${name}`);
  let deploy = deployMigrations(root, databaseUrl);
  if (!deploy.ok && dedicated) throw new Error(`Migrations failed on ${name}:\n${deploy.output}`);
  if (!deploy.ok) {
    // Typically a migration edited during development: a benchmark database is disposable, so start it afresh.
    log(`Migrations failed on ${name}; recreating it.\n${deploy.output}`);
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    deploy = deployMigrations(root, databaseUrl);
    if (!deploy.ok) throw new Error(`Migrations failed on a fresh ${name}:\n${deploy.output}`);
  }

  const plan = formatPlan();
  const marker = markerFor({ blueprints, users, seed, plan });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(1, connections) });
  // Bench rows are disposable: not waiting for the WAL flush at each commit keeps the load about CPU, not fsync.
  pool.on('connect', (client) => client.query('SET synchronous_commit = off'));
  try {
    const admin = await pool.connect();
    try {
      const existing = await readDatabaseComment(admin);
      if (!force && existing === marker) {
        const { rows } = await admin.query('SELECT count(*)::int AS n FROM blueprints WHERE listed');
        if (rows[0].n === blueprints) {
          log(`${name} already holds this catalogue (${blueprints.toLocaleString('en')} blueprints); not reseeding.`);
          return { seeded: false, plan };
        }
      }
      if (blueprints >= LARGE_SEED && !dedicated) {
        await checkSeedDisk({ databaseUrl, blueprints, confirmed: confirmLargeSeed, log });
      }
      log(
        `Seeding ${redactUrl(databaseUrl)}: ${blueprints.toLocaleString('en')} blueprints, ${users.toLocaleString('en')} ` +
          `users, seed ${seed}, formats from the ${plan.source === 'registry' ? 'built registry' : 'fallback list (registry not built)'}`,
      );
      await writeDatabaseComment(admin, null);
      await wipe(admin);
    } finally {
      admin.release();
    }

    const started = performance.now();
    const generator = createGenerator({ users, seed, plan });
    const people = generator.users;
    await pool.query(INSERT_USERS, [
      column(people, 'id'),
      column(people, 'email'),
      column(people, 'handle'),
      column(people, 'displayName'),
      column(people, 'createdAt'),
    ]);

    const inFlight = new Set();
    let done = 0;
    let bytesLoaded = 0;
    let lastReport = performance.now();
    for (let start = 0; start < blueprints; start += BATCH_SIZE) {
      const rows = [];
      for (let n = start; n < Math.min(blueprints, start + BATCH_SIZE); n += 1) {
        rows.push(generator.next());
      }
      for (const row of rows) bytesLoaded += row.sizeBytes;
      const task = (async () => {
        const client = await pool.connect();
        try {
          await insertBatch(client, rows);
        } finally {
          client.release();
        }
        done += rows.length;
        if (performance.now() - lastReport > 10_000 || done === blueprints) {
          lastReport = performance.now();
          const seconds = (performance.now() - started) / 1000;
          log(`  ${done.toLocaleString('en')} rows, ${Math.round(done / seconds).toLocaleString('en')} rows/s`);
        }
      })();
      inFlight.add(task);
      task.finally(() => inFlight.delete(task)).catch(() => {});
      if (inFlight.size >= connections) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const loadSeconds = (performance.now() - started) / 1000;

    // The publish UPDATE left a dead copy of every row; vacuum clears them, flushes the GIN pending lists, and
    // gives the planner real statistics, as a long-running instance would have.
    const vacuumStarted = performance.now();
    await pool.query('VACUUM (ANALYZE) blueprints');
    await pool.query('VACUUM (ANALYZE) blueprint_versions');
    await pool.query('ANALYZE users');
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;

    const check = await pool.query(
      `SELECT count(*) FILTER (WHERE listed)::int AS listed, count(*) FILTER (WHERE content_vector IS NULL OR meta_vector IS NULL)::int AS unindexed,
              pg_size_pretty(pg_total_relation_size('blueprints')) AS blueprints_size,
              pg_size_pretty(pg_total_relation_size('blueprint_versions')) AS versions_size
         FROM blueprints`,
    );
    const { listed, unindexed } = check.rows[0];
    if (listed !== blueprints || unindexed !== 0) {
      throw new Error(`Seed check failed: ${listed} listed of ${blueprints}, ${unindexed} without a search vector`);
    }
    const client = await pool.connect();
    try {
      await writeDatabaseComment(client, marker);
    } finally {
      client.release();
    }
    const rowsPerSecond = Math.round(blueprints / loadSeconds);
    log(
      `Seeded ${blueprints.toLocaleString('en')} blueprints (${(bytesLoaded / 1048576).toFixed(0)} MB of content) in ` +
        `${loadSeconds.toFixed(1)} s: ${rowsPerSecond.toLocaleString('en')} rows/s; VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s. ` +
        `Sizes: blueprints ${check.rows[0].blueprints_size}, versions ${check.rows[0].versions_size}.`,
    );
    return { seeded: true, plan, loadSeconds, vacuumSeconds, rowsPerSecond };
  } finally {
    await pool.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await seedCatalog({ force: process.argv.includes('--force'), confirmLargeSeed: process.argv.includes('--yes') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
