import {
  anywherePlan,
  cheaperPlan,
  estimate,
  RELEVANCE_TIERS,
  statisticsKey,
  tierPlan,
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
  client: { meta: 3000, content: 30_000 },
  delet: { meta: 2000, content: 20_000 },
});
const tree = (tsquery: string) => parseTsQuery(tsquery);
const forms = (tsquery: string, stats = bench) =>
  RELEVANCE_TIERS.map((shape) => tierPlan(shape, tree(tsquery), null, stats, 21).form);

describe('catalogue search plans', () => {
  it('counts one word exactly, and AND, phrases and OR from their words', () => {
    expect(estimate(tree("'react'"), 'content', bench)).toEqual({
      candidates: 32_554,
      matches: 32_554,
      recheck: false,
    });
    expect(estimate(tree("'zzqx'"), 'content', bench).candidates).toBe(0);
    // AND: the index hands over at most the rarer word's documents; matches lie between independence and that.
    const and = estimate(tree("'react' & 'python'"), 'content', bench);
    expect(and.candidates).toBe(24_829);
    expect(and.matches).toBeGreaterThan((32_554 * 24_829) / 100_000);
    expect(and.matches).toBeLessThan(24_829);
    // A phrase needs each candidate's vector read, and keeps its order in only a share of them.
    const phrase = estimate(tree("'client' <-> 'delet'"), 'content', bench);
    expect(phrase).toMatchObject({ candidates: 20_000, recheck: true });
    expect(phrase.matches).toBeLessThan(and.matches);
    expect(estimate(tree("'react' | 'python'"), 'name', bench).candidates).toBe(15_270);
    expect(estimate(tree("'react' | 'python' | 'ensur' | 'react'"), 'content', bench).candidates).toBe(100_000);
  });

  it('collects every tier of a word no blueprint holds, instead of walking the whole popularity order', () => {
    expect(forms("'zzqx'")).toEqual(['collect', 'collect', 'collect', 'collect']);
    expect(anywherePlan(tree("'zzqx'"), null, bench, 21).form).toBe('collect');
    expect(forms("'react' & 'fortran'")).toEqual(['collect', 'collect', 'collect', 'collect']);
  });

  it('walks the popularity order where matches are dense, within a budget, and collects where they are few', () => {
    const react = tierPlan(RELEVANCE_TIERS[0]!, tree("'react'"), null, bench, 21);
    // About 279 rows hold 21 matches at its density; the walk may read six times that.
    expect(react).toEqual({ form: 'walk', budget: 1672 });
    // A word of the content only: the name and tag tiers hold nothing (collected, at no cost), the content is dense.
    expect(forms("'ensur'")).toEqual(['collect', 'collect', 'collect', 'walk']);
    expect(anywherePlan(tree("'ensur'"), null, bench, 21).form).toBe('walk');
    expect(anywherePlan(tree("'fortran'"), null, bench, 21).form).toBe('collect');
  });

  it('counts an exclusion as leaving its share of the rest, which can tip a walk into a collect', () => {
    const excluded = (tsquery: string) =>
      RELEVANCE_TIERS.map((shape) => tierPlan(shape, tree("'react'"), tree(tsquery), bench, 21).form);
    expect(excluded("'fortran'")[0]).toBe('walk');
    // "ensur" is in 42% of the catalogue: fewer react names are left, still dense enough to walk.
    expect(excluded("'ensur'")[0]).toBe('walk');
    expect(excluded("'react' | 'python' | 'ensur'")).toEqual(['collect', 'collect', 'collect', 'collect']);
  });

  it('weighs filters by the share of the catalogue they let through', () => {
    const react = (filterShare: number) =>
      tierPlan(RELEVANCE_TIERS[0]!, tree("'react'"), null, { ...bench, filterShare }, 21).form;
    expect(react(0.3)).toBe('walk');
    // A tag on 0.1% of blueprints: a walk would read most of the popularity order to fill a page.
    expect(react(0.001)).toBe('collect');
  });

  it('bounds a walk by a few times the rows it expects to read', () => {
    expect(cheaperPlan({ candidates: 50_000, matches: 5_000, recheckUs: 0, walkRowUs: 4 }, 21, 100_000)).toEqual({
      form: 'walk',
      budget: 6 * 420,
    });
    expect(cheaperPlan({ candidates: 90_000, matches: 1_000, recheckUs: 16, walkRowUs: 20 }, 21, 1_000_000)).toEqual({
      form: 'walk',
      budget: 5000,
    });
  });

  it('collects when there are no statistics yet, and never walks for fewer matches than wanted', () => {
    expect(forms("'react'", statistics({}, 0))).toEqual(['collect', 'collect', 'collect', 'collect']);
    expect(cheaperPlan({ candidates: 10, matches: 10, recheckUs: 0, walkRowUs: 4 }, 21, 100_000).form).toBe('collect');
    // Only exclusions: the sort order itself is the answer.
    expect(anywherePlan(null, null, bench, 21)).toEqual({ form: 'walk', budget: Number.POSITIVE_INFINITY });
  });
});
