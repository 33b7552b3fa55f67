// What the mixed load benchmark asks for: catalogue pages over many queries, a long tail of blueprints, and the
// bodies of its writes. Pure functions over a seeded random source, so a run can be repeated.
import { createHash } from 'node:crypto';

export const API = '/api/v1';

const SEARCH_TERMS = ['react', 'python', 'typescript', 'testing', 'docker', 'security', 'code review', 'nextjs']
  .concat(['rust', 'golang', 'api design', 'tailwind', 'kubernetes', 'django', 'accessibility', 'documentation'])
  .concat(['refactoring', 'performance', 'git commit', 'sql migrations', 'fastapi', 'vue', 'swift', 'terraform']);
const TAGS = ['react', 'typescript', 'python', 'testing', 'docker', 'security', 'nextjs', 'best-practices']
  .concat(['code-style', 'architecture', 'frontend', 'backend', 'go', 'rust', 'slash-command', 'subagent', 'mcp'])
  .concat(['tailwind', 'documentation', 'performance', 'javascript', 'sql', 'llm', 'kubernetes']);
const KINDS = ['command', 'skill', 'agent', 'mcp-config'];
const CATEGORIES = ['frontend', 'backend', 'devops', 'data', 'testing', 'security', 'mobile', 'web'];

/**
 * An index into a list of `length` items, most draws near the front: with `exponent` 3, 46% of draws fall in the first
 * tenth and every item is still drawn now and then (a popular head and a long tail).
 */
export function skewedIndex(random, length, exponent = 3) {
  return Math.min(length - 1, Math.floor(length * random.next() ** exponent));
}

/** `count` distinct catalogue query strings (sorts, searches, tag, kind and category filters, page sizes). */
export function catalogueQueries(random, count) {
  const seen = new Set();
  for (let attempts = 0; seen.size < count && attempts < count * 20; attempts += 1) {
    const params = new URLSearchParams();
    if (random.next() < 0.4) params.set('q', random.pick(SEARCH_TERMS));
    const sort = random.weighted([
      [params.has('q') ? 'relevance' : 'newest', 45],
      ['newest', 20],
      ['trending', 15],
      ['favorites', 12],
      ['downloads', 8],
    ]);
    params.set('sort', sort);
    if (random.next() < 0.3) params.append('tag', random.pick(TAGS));
    if (random.next() < 0.12) params.set('kind', random.pick(KINDS));
    if (random.next() < 0.1) params.set('category', random.pick(CATEGORIES));
    if (random.next() < 0.15) params.set('limit', String(random.pick([10, 50, 100])));
    seen.add(params.toString());
  }
  return [...seen];
}

export const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A create request from a generated catalogue blueprint (seed-catalog.mjs's generator): public and published. */
export function createBody(generated) {
  const tags = generated.tags === '{}' ? [] : JSON.parse(`[${generated.tags.slice(1, -1)}]`);
  return {
    name: generated.name,
    description: generated.description,
    kind: generated.kind,
    format: generated.format,
    ...(generated.category ? { category: generated.category } : {}),
    tags,
    license: generated.license,
    content: generated.content,
    visibility: 'public',
    publish: true,
  };
}

/** The next version's text: the previous one with a section appended (so its format stays valid). */
export function editedContent(content, revision) {
  return `${content.trimEnd()}\n\n## Revision ${revision}\n\nClarified after review ${revision}: keep changes small.\n`;
}
