import { Prisma } from '../../src/generated/prisma/client';
import { SearchStatistics } from '../../src/blueprints/search-statistics';
import { PrismaService } from '../../src/database/prisma.service';
import { createBlueprint, refreshSearchStatistics } from '../support/blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

interface Page {
  items: Array<{ id: string; name: string; kind: string }>;
  nextCursor: string | null;
  facets?: Record<string, Array<{ value: string; count: number }>> & { sample?: { size: number } };
  approximate?: { query: string; corrections: Array<{ word: string; suggestion: string }> };
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of an EXPLAIN (FORMAT JSON) plan. */
function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** The sort orders' indexes: walking one is reading the catalogue in popularity (or date) order. */
const SORT_INDEX = /^blueprints_listed_\w+_id_idx$/;
const walksSortIndex = (nodes: PlanNode[]) =>
  nodes.some((node) => /Index( Only)? Scan/.test(node['Node Type']) && SORT_INDEX.test(node['Index Name'] ?? ''));

/** Words of the seeded catalogue: each blueprint's content holds 40 of them, so each is in about a quarter of it. */
const VOCABULARY = Array.from({ length: 160 }, (_, i) => `topic${String.fromCharCode(97 + (i % 26))}${i}`);
const SEEDED = 20_000;

/**
 * How the catalogue searches at a size where PostgreSQL's own choice goes wrong (issue 11), what "did you mean"
 * suggests, and facets over a sample. The plan assertions read the plans of the statements the app really sends.
 */
describe('Catalogue search plans and suggestions', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  let alice: SignedIn;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule], env: { SEARCH_FACET_SAMPLE_SIZE: '1000' } });
    prisma = testApp.app.nest.get(PrismaService);
    alice = await signInAs(testApp, 'alice@example.org');
    const publish = { visibility: 'public', publish: true };
    ids.analyzer = (
      await createBlueprint(alice, { ...publish, name: 'rust-analyzer settings', tags: ['rust-analyzer', 'editor'] })
    ).id;
    ids.pythonRules = (await createBlueprint(alice, { ...publish, name: 'Python style rules', tags: ['python'] })).id;
    await seedCatalogue(prisma, alice.userId, SEEDED);
    await prisma.$executeRawUnsafe('ANALYZE blueprints');
    await refreshSearchStatistics(testApp);
  }, 120_000);
  afterAll(() => testApp.close());

  const search = async (query: string) => {
    const response = await testApp.http.get(`/api/v1/blueprints?${query}`);
    expect({ query, status: response.status }).toEqual({ query, status: 200 });
    return response.body as Page;
  };

  /** The catalogue statements one search sends (hits collected or walked, then joined), as PostgreSQL plans them. */
  async function plansOf(query: string): Promise<PlanNode[][]> {
    const sent: Prisma.Sql[] = [];
    const original = prisma.$queryRaw.bind(prisma);
    const spy = jest.spyOn(prisma, '$queryRaw').mockImplementation(((
      strings: TemplateStringsArray,
      ...values: unknown[]
    ) => {
      sent.push(Prisma.sql(strings, ...values));
      return original(strings, ...values);
    }) as typeof prisma.$queryRaw);
    try {
      await search(query);
    } finally {
      spy.mockRestore();
    }
    const statements = sent.filter((statement) => /\bhits AS MATERIALIZED\b/.test(statement.sql));
    expect(statements.length).toBeGreaterThan(0);
    return Promise.all(
      statements.map(async (statement) => {
        const [row] = await prisma.$queryRawUnsafe<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
          `EXPLAIN (FORMAT JSON) ${statement.text}`,
          ...statement.values,
        );
        return nodesOf(row!['QUERY PLAN'][0]!.Plan);
      }),
    );
  }

  describe('plans', () => {
    it('collects the matches of a word no blueprint holds through the GIN indexes, in one statement', async () => {
      for (const query of ['q=zzqx', 'q=asdfgh&sort=downloads', 'q=zzqx%20qwerty&kind=rules']) {
        const plans = await plansOf(query);
        expect({ query, statements: plans.length }).toEqual({ query, statements: 1 });
        for (const nodes of plans) {
          expect({ query, walks: walksSortIndex(nodes) }).toEqual({ query, walks: false });
          expect(nodes.some((node) => node['Node Type'] === 'Bitmap Index Scan')).toBe(true);
        }
      }
    });

    it('walks the popularity index only where a word is common, collecting the other tiers in one scan', async () => {
      // No name, tag or description holds the word: those three tiers are one collected scan (finding nothing), then
      // the content tier, which a quarter of the catalogue matches, is walked.
      const plans = await plansOf(`q=${VOCABULARY[0]}`);
      expect(plans.map(walksSortIndex)).toEqual([false, true]);
      // Every seeded name holds "seeded": its name tier is walked first and fills the page.
      expect((await plansOf('q=seeded')).map(walksSortIndex)).toEqual([true]);
    });
  });

  describe('statistics', () => {
    it('are taken again only when something listed changed', async () => {
      const statistics = testApp.app.nest.get(SearchStatistics);
      expect(await statistics.refresh()).toBe(false);
      // Alice owns the seeded thousands, past her quota: Bob publishes.
      const bob = await signInAs(testApp, 'bob@example.org');
      await createBlueprint(bob, { visibility: 'public', publish: true, name: 'Kubernetes operators' });
      expect(await statistics.refresh()).toBe(true);
      // The new name is a suggestion at once.
      expect((await search('q=kubernetse')).approximate?.query).toBe('kubernetes');
    });
  });

  describe('did you mean', () => {
    it('suggests the closest word of names and tags, and says the results are for it', async () => {
      const page = await search('q=rust-anlyzer');
      expect(page.items.map((item) => item.id)).toEqual([ids.analyzer]);
      expect(page.approximate).toEqual({
        query: 'rust-analyzer',
        corrections: [{ word: 'rust-anlyzer', suggestion: 'rust-analyzer' }],
      });
      const pyhton = await search('q=pyhton%20styel&facets=true');
      expect(pyhton.approximate?.query).toBe('python style');
      expect(pyhton.items.map((item) => item.id)).toEqual([ids.pythonRules]);
      // Facets belong to the corrected search, and count what it lists.
      expect(pyhton.facets?.kind).toEqual([{ value: 'rules', count: 1 }]);
      expect(pyhton.facets?.sample).toBeUndefined();
    });

    it('never answers a word with an unrelated name, and says nothing when the words match as typed', async () => {
      // "rust" is two edits from "rules": nothing matches, and nothing is suggested.
      const rust = await search('q=rust');
      expect(rust.items.map((item) => item.id)).toEqual([ids.analyzer]);
      expect(rust.approximate).toBeUndefined();
      const nothing = await search('q=rusk%20zzqx');
      expect(nothing.items).toEqual([]);
      expect(nothing.approximate).toBeUndefined();
      expect((await search('q=python')).approximate).toBeUndefined();
    });
  });

  describe('facets', () => {
    it('counts every match up to the sample size, and says when the counts come from a sample', async () => {
      const rare = await search('q=python&facets=true');
      expect(rare.facets?.sample).toBeUndefined();
      expect(rare.facets?.kind).toEqual([{ value: 'rules', count: 1 }]);
      // A word in about a quarter of 20,000 blueprints: counted over 1,000 of its matches, and marked so.
      const common = await search(`q=${VOCABULARY[0]}&facets=true`);
      expect(common.facets?.sample).toEqual({ size: 1000 });
      expect(common.facets?.kind?.reduce((sum, { count }) => sum + count, 0)).toBe(1000);
      // The whole catalogue, no words: also a sample.
      expect((await search('facets=true')).facets?.sample).toEqual({ size: 1000 });
    });
  });
});

/**
 * `count` public blueprints straight through SQL (the triggers index them as for the app's writes): names and tags
 * from a few programming words, content of 40 words from VOCABULARY. The oldest are the most downloaded, as in a real
 * catalogue, so the popularity index follows the table's order and walking it looks cheap to PostgreSQL.
 */
async function seedCatalogue(prisma: PrismaService, ownerId: string, count: number): Promise<void> {
  const vocabulary = VOCABULARY;
  await prisma.$executeRawUnsafe(
    `INSERT INTO blueprints (id, owner_id, name, slug, description, kind, format, tool, tags, license, visibility,
                             head_version, head_content_hash, published_hash, first_published_at, download_count,
                             created_at, updated_at)
     SELECT 'bp_seed' || i, $1::uuid, 'Seeded rules ' || i, 'seeded-' || i, 'Seeded conventions', 'rules', 'agents-md',
            'agents-md', ARRAY['seeded'], 'MIT', 'public', 1, md5(i::text), md5(i::text),
            now() - i * interval '1 minute', $2::int - i, now(), now()
       FROM generate_series(1, $2::int) AS i`,
    ownerId,
    count,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO blueprint_versions (id, blueprint_id, number, content, content_hash, size_bytes, format, author_id,
                                     changelog, findings, published_at, created_at)
     SELECT gen_random_uuid(), 'bp_seed' || i, 1, content, md5(content), length(content), 'agents-md', $1::uuid,
            'Initial version', '[]'::jsonb, now(), now()
       FROM generate_series(1, $2::int) AS i,
            LATERAL (SELECT '# Seeded ' || i || E'\n\n' ||
                            string_agg(($3::text[])[1 + (i * 31 + j * 17) % array_length($3::text[], 1)], ' ') AS content
                       FROM generate_series(1, 40) AS j) AS text`,
    ownerId,
    count,
    vocabulary,
  );
  await prisma.$executeRawUnsafe(`UPDATE blueprints SET published_version = 1 WHERE id LIKE 'bp\\_seed%'`);
}
