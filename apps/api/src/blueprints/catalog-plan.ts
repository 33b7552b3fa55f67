import { unquoteLexeme, type TsNode } from './catalog-query';

/**
 * How the catalogue finds a page of matches, decided from its own statistics rather than PostgreSQL's. PostgreSQL
 * guesses that a word missing from its sample of common words matches 0.5% of rows, and does not count the cost of
 * reading each row's out-of-line content vector. So for a word that matches nothing it walked the whole popularity
 * index, reading 100,000 content vectors (about 2 s), hoping to find 21 matches early. Pure functions; the SQL for each
 * form lives in the repository.
 *
 * - `collect`: every match through the GIN index (a bitmap), then sorted. Costs about the number of candidates.
 * - `walk`: down the sort order's index, testing each row, until the page is full. Costs about rows / match density.
 */
export type PlanForm = 'collect' | 'walk';

/** The vectors a search word is counted in (see search_statistics). */
export type VectorField = 'name' | 'name_tags' | 'meta' | 'content';

/** The statistics of one side (our blueprints, or the crawled ones) for the words of one query. */
export interface SideStatistics {
  /** Listed blueprints when the statistics were taken; 0 when never taken (every plan then collects). */
  total: number;
  /** Documents holding each lexeme, per vector; a lexeme missing here is counted as in no document. */
  docs: ReadonlyMap<string, number>;
}

export function statisticsKey(field: VectorField, lexeme: string): string {
  return `${field}\u0000${lexeme}`;
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
 * order) and sorted; a row reached by walking a sort index (a random heap access) and its inline vectors tested; the
 * same plus reading and testing its out-of-line content vector.
 */
const COLLECT_ROW_US = 3;
const WALK_META_ROW_US = 4;
const WALK_CONTENT_ROW_US = 20;

/** Documents matching `node` in `field`: exact for one word, an upper bound for AND and phrases, a sum for OR. */
export function estimateDocs(node: TsNode | null, field: VectorField, stats: SideStatistics): number {
  if (!node) return 0;
  switch (node.op) {
    case 'lexeme':
      return stats.docs.get(statisticsKey(field, unquoteLexeme(node.text))) ?? 0;
    case 'not':
      return stats.total;
    case 'phrase':
      return Math.min(estimateDocs(node.left, field, stats), estimateDocs(node.right, field, stats));
    case 'and':
      return Math.min(...node.args.map((arg) => estimateDocs(arg, field, stats)));
    case 'or':
      return Math.min(
        stats.total,
        node.args.reduce((sum, arg) => sum + estimateDocs(arg, field, stats), 0),
      );
  }
}

/**
 * The cheaper form for `wanted` rows, given how many rows the index would hand over (`candidates`) and how many of
 * the walked rows match (`matches`, a lower bound: too few means collecting, which is never worse than its
 * candidates). Fewer matches than wanted means a walk would read the whole order, so it always collects.
 */
export function cheaperForm(
  candidates: number,
  matches: number,
  wanted: number,
  total: number,
  walkRowUs: number,
): PlanForm {
  if (total === 0 || matches < wanted) return 'collect';
  const collect = COLLECT_ROW_US * candidates;
  const walk = (walkRowUs * wanted * total) / matches;
  return walk < collect ? 'walk' : 'collect';
}

/** The form for one relevance tier on one side. */
export function tierForm(shape: TierShape, positive: TsNode | null, stats: SideStatistics, wanted: number): PlanForm {
  const candidates = estimateDocs(positive, shape.field, stats);
  const excluded = shape.excludes ? estimateDocs(positive, shape.excludes, stats) : 0;
  const rowUs = shape.field === 'content' ? WALK_CONTENT_ROW_US : WALK_META_ROW_US;
  return cheaperForm(candidates, Math.max(0, candidates - excluded), wanted, stats.total, rowUs);
}

/**
 * The form for "the words anywhere" (the other sorts). A walk tests the metadata first and reads the content only of
 * rows whose metadata does not match.
 */
export function anywhereForm(positive: TsNode | null, stats: SideStatistics, wanted: number): PlanForm {
  // Nothing to match (no words, or only exclusions): the sort order itself is the answer.
  if (!positive) return 'walk';
  const meta = estimateDocs(positive, 'meta', stats);
  const content = estimateDocs(positive, 'content', stats);
  return cheaperForm(meta + content, Math.max(meta, content), wanted, stats.total, WALK_CONTENT_ROW_US);
}
