import { unquoteLexeme, type TsNode } from './catalog-query';

/**
 * How the catalogue finds a page of matches, decided from its own statistics rather than PostgreSQL's. PostgreSQL
 * guesses that a word missing from its sample of common words matches 0.5% of rows, and does not count the cost of
 * reading each row's out-of-line content vector. So for a word that matches nothing it walked the whole popularity
 * index, reading 100,000 content vectors (about 2 s), hoping to find 21 matches early. Pure functions; the SQL for each
 * form lives in the repository.
 *
 * - `collect`: every match through the GIN index (a bitmap), then sorted. Costs about the number of candidates the
 *   index hands over (and, for a phrase, reading each one's vector to check the word order).
 * - `walk`: down the sort order's index, testing each row, until the page is full, but never past `budget` rows: a
 *   walk that runs out of budget is followed, in the same statement, by a collect. Estimates of how words combine
 *   (AND, phrases, exclusions) can be far off; the budget bounds what a wrong one costs.
 */
export type Plan = { form: 'collect' } | { form: 'walk'; budget: number };

/** The vectors a search word is counted in (see search_statistics). */
export type VectorField = 'name' | 'name_tags' | 'meta' | 'content';

/** The statistics of one side (our blueprints, or the crawled ones) for the words of one query. */
export interface SideStatistics {
  /** Listed blueprints when the statistics were taken; 0 when never taken (every plan then collects). */
  total: number;
  /** Documents holding each lexeme, per vector; a lexeme missing here is counted as in no document. */
  docs: ReadonlyMap<string, number>;
  /** The share of documents the search's filters (kind, tool, tags) let through; 1 without filters. */
  filterShare?: number;
}

/** How search_statistics rows are looked up: a vector's lexeme, a filter's value (kind, tool, tag), or total ''. */
export function statisticsKey(field: VectorField | 'total' | 'kind' | 'tool' | 'tag', value: string): string {
  return `${field}\u0000${value}`;
}

/** What a relevance tier matches (see CatalogRepository.rank) in terms of the per-vector counts. */
export interface TierShape {
  tier: number;
  /** The vector whose index finds the tier's candidates. */
  field: VectorField;
  /** The vector the tier excludes (a better tier's), if any: its matches are candidates but not results. */
  excludes?: VectorField;
}

export const RELEVANCE_TIERS: readonly TierShape[] = [
  { tier: 3, field: 'name' },
  { tier: 2, field: 'name_tags', excludes: 'name' },
  { tier: 1, field: 'meta', excludes: 'name_tags' },
  { tier: 0, field: 'content', excludes: 'meta' },
];

/**
 * Cost per row, in microseconds, measured at 100,000 blueprints: a matched row fetched through a bitmap (in page
 * order) and sorted; a row reached by walking a sort index (a random heap access) and its inline vectors tested;
 * reading and testing an out-of-line content vector besides (also what a phrase costs per collected candidate).
 */
const COLLECT_ROW_US = 3;
const WALK_ROW_US = 4;
const CONTENT_VECTOR_US = 16;
/** A walk may read this many times the rows it expects to need, within these bounds. */
const WALK_BUDGET_FACTOR = 6;
const WALK_BUDGET_MIN = 500;
const WALK_BUDGET_MAX = 5000;
/** The share of the documents holding a phrase's words that hold them in that order: a guess, kept low. */
const PHRASE_SHARE = 0.1;

/** How many documents the index hands over for a query (`candidates`), and how many of them match it (`matches`). */
export interface Estimate {
  candidates: number;
  matches: number;
  /** Whether matching needs each candidate's vector (a phrase: GIN has no word positions). */
  recheck: boolean;
}

/**
 * One word: exact. AND: the index hands over documents holding every word, at most the rarest word's; they match
 * about as often as the words' shares multiplied (independence) and at most that often, so the estimate is the
 * geometric mean of the two. OR: the sum. A phrase: the AND of its words, of which only a share keeps the order.
 */
export function estimate(node: TsNode | null, field: VectorField, stats: SideStatistics): Estimate {
  const total = Math.max(stats.total, 1);
  if (!node) return { candidates: 0, matches: 0, recheck: false };
  switch (node.op) {
    case 'lexeme': {
      const docs = stats.docs.get(statisticsKey(field, unquoteLexeme(node.text))) ?? 0;
      return { candidates: docs, matches: docs, recheck: false };
    }
    case 'not':
      return { candidates: stats.total, matches: stats.total, recheck: true };
    case 'phrase': {
      const both = combineAll([estimate(node.left, field, stats), estimate(node.right, field, stats)], total);
      return { candidates: both.candidates, matches: both.matches * PHRASE_SHARE, recheck: true };
    }
    case 'and':
      return combineAll(
        node.args.map((arg) => estimate(arg, field, stats)),
        total,
      );
    case 'or': {
      const parts = node.args.map((arg) => estimate(arg, field, stats));
      return {
        candidates: Math.min(stats.total, sum(parts.map((part) => part.candidates))),
        matches: Math.min(stats.total, sum(parts.map((part) => part.matches))),
        recheck: parts.some((part) => part.recheck),
      };
    }
  }
}

function combineAll(parts: Estimate[], total: number): Estimate {
  const candidates = Math.min(...parts.map((part) => part.candidates));
  const smallest = Math.min(...parts.map((part) => part.matches));
  const independent = parts.reduce((product, part) => product * (part.matches / total), total);
  return { candidates, matches: Math.sqrt(smallest * independent), recheck: parts.some((part) => part.recheck) };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The cheaper plan for `wanted` rows: collecting costs every candidate (and reading its vector when it must be
 * rechecked); walking costs the rows read until `wanted` matches, about wanted × total / matches, each with its
 * content vector when the match may need it. Fewer matches than wanted means a walk would read the whole order.
 */
export function cheaperPlan(
  work: { candidates: number; matches: number; recheckUs: number; walkRowUs: number },
  wanted: number,
  total: number,
): Plan {
  if (total === 0 || work.matches < wanted) return { form: 'collect' };
  const collect = (COLLECT_ROW_US + work.recheckUs) * work.candidates;
  const rows = (wanted * total) / work.matches;
  if (work.walkRowUs * rows >= collect) return { form: 'collect' };
  const budget = Math.min(WALK_BUDGET_MAX, Math.max(WALK_BUDGET_MIN, Math.ceil(WALK_BUDGET_FACTOR * rows)));
  return { form: 'walk', budget };
}

/**
 * The share of documents the filters and exclusions leave, as if independent of the words (they rarely are:
 * `best -practices` leaves far fewer, which the walk's budget then catches).
 */
function keptShare(excluded: TsNode | null, stats: SideStatistics): number {
  const filtered = stats.filterShare ?? 1;
  if (!excluded || stats.total === 0) return filtered;
  const anywhere = estimate(excluded, 'meta', stats).matches + estimate(excluded, 'content', stats).matches;
  return filtered * Math.max(0, 1 - anywhere / stats.total);
}

/** The plan for one relevance tier on one side; `excluded` is the query's exclusions, if any. */
export function tierPlan(
  shape: TierShape,
  positive: TsNode | null,
  excluded: TsNode | null,
  stats: SideStatistics,
  wanted: number,
): Plan {
  const found = estimate(positive, shape.field, stats);
  const better = shape.excludes ? estimate(positive, shape.excludes, stats).matches : 0;
  const content = shape.field === 'content';
  return cheaperPlan(
    {
      candidates: found.candidates,
      matches: Math.max(0, found.matches - better) * keptShare(excluded, stats),
      recheckUs: found.recheck ? (content ? CONTENT_VECTOR_US : 1) : 0,
      walkRowUs: WALK_ROW_US + (content ? CONTENT_VECTOR_US : 0),
    },
    wanted,
    stats.total,
  );
}

/**
 * The plan for "the words anywhere" (the other sorts). A walk tests the metadata first and reads the content only of
 * rows whose metadata does not match; nothing to match (no words, or only exclusions) walks the sort order itself.
 */
export function anywherePlan(
  positive: TsNode | null,
  excluded: TsNode | null,
  stats: SideStatistics,
  wanted: number,
): Plan {
  if (!positive) return { form: 'walk', budget: Number.POSITIVE_INFINITY };
  const meta = estimate(positive, 'meta', stats);
  const content = estimate(positive, 'content', stats);
  return cheaperPlan(
    {
      candidates: meta.candidates + content.candidates,
      matches: Math.max(meta.matches, content.matches) * keptShare(excluded, stats),
      recheckUs: content.recheck ? CONTENT_VECTOR_US : 0,
      walkRowUs: WALK_ROW_US + CONTENT_VECTOR_US,
    },
    wanted,
    stats.total,
  );
}
