import {
  anywhereForm,
  cheaperForm,
  estimateDocs,
  RELEVANCE_TIERS,
  statisticsKey,
  tierForm,
  type SideStatistics,
  type VectorField,
} from './catalog-plan';
import { parseTsQuery } from './catalog-query';

/** Counts shaped like the 100,000-blueprint bench catalogue's. */
function statistics(counts: Record<string, Partial<Record<VectorField, number>>>, total = 100_000): SideStatistics {
  const docs = new Map<string, number>();
  for (const [lexeme, fields] of Object.entries(counts)) {
    for (const [field, n] of Object.entries(fields)) docs.set(statisticsKey(field as VectorField, lexeme), n);
  }
  return { total, docs };
}

const bench = statistics({
  react: { name: 7540, name_tags: 10_000, meta: 18_486, content: 32_554 },
  ensur: { meta: 1584, content: 40_226 },
  fortran: { name: 222, name_tags: 222, meta: 222, content: 336 },
  python: { name: 7730, name_tags: 9000, meta: 13_207, content: 24_829 },
});
const tree = (tsquery: string) => parseTsQuery(tsquery);
const forms = (tsquery: string, stats = bench) =>
  RELEVANCE_TIERS.map((shape) => tierForm(shape, tree(tsquery), stats, 21));

describe('catalogue search plans', () => {
  it('estimates one word exactly, AND and phrases by their rarest word, OR by the sum', () => {
    expect(estimateDocs(tree("'react'"), 'content', bench)).toBe(32_554);
    expect(estimateDocs(tree("'zzqx'"), 'content', bench)).toBe(0);
    expect(estimateDocs(tree("'react' & 'fortran'"), 'meta', bench)).toBe(222);
    expect(estimateDocs(tree("'react' <-> 'fortran'"), 'meta', bench)).toBe(222);
    expect(estimateDocs(tree("'react' | 'python'"), 'name', bench)).toBe(15_270);
    expect(estimateDocs(tree("'react' | 'python' | 'ensur'"), 'content', bench)).toBe(97_609);
    expect(estimateDocs(tree("'react' | 'python' | 'ensur' | 'react'"), 'content', bench)).toBe(100_000);
  });

  it('collects every tier of a word no blueprint holds, instead of walking the whole popularity order', () => {
    expect(forms("'zzqx'")).toEqual(['collect', 'collect', 'collect', 'collect']);
    expect(anywhereForm(tree("'zzqx'"), bench, 21)).toBe('collect');
    // Two common words that may never meet: the estimate is the rarer's, still a collect when that is rare.
    expect(forms("'react' & 'fortran'")).toEqual(['collect', 'collect', 'collect', 'collect']);
  });

  it('walks the popularity order where matches are dense, and collects where they are few', () => {
    // A name word in 7.5% of the catalogue: its first tier fills the page within a few hundred rows.
    expect(forms("'react'")[0]).toBe('walk');
    // A word of the content only: the name and tag tiers hold nothing (collected, at no cost), the content is dense.
    expect(forms("'ensur'")).toEqual(['collect', 'collect', 'collect', 'walk']);
    expect(anywhereForm(tree("'ensur'"), bench, 21)).toBe('walk');
    expect(anywhereForm(tree("'fortran'"), bench, 21)).toBe('collect');
  });

  it('collects when there are no statistics yet, and never walks for fewer matches than wanted', () => {
    expect(forms("'react'", statistics({}, 0))).toEqual(['collect', 'collect', 'collect', 'collect']);
    expect(cheaperForm(10, 10, 21, 100_000, 1)).toBe('collect');
    expect(cheaperForm(100_000, 50_000, 21, 100_000, 1)).toBe('walk');
    // Only exclusions: the sort order itself is the answer.
    expect(anywhereForm(null, bench, 21)).toBe('walk');
  });
});
