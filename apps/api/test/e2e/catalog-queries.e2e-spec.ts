import fc from 'fast-check';
import { CatalogService } from '../../src/blueprints/catalog.service';
import { createBlueprint, refreshSearchStatistics } from '../support/blueprints';
import { insertPeer, insertRemoteBlueprint } from '../support/remote-blueprints';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

interface Summary {
  id: string;
  name: string;
  kind: string;
  tool: string;
  tags: string[];
}

interface Page {
  items: Summary[];
  nextCursor: string | null;
  facets?: Record<string, Array<{ value: string; count: number }>>;
  approximate?: { query: string; corrections: Array<{ word: string; suggestion: string }> };
  error?: { code: string; message: string };
  requestId?: string;
}

/** Search syntax (exclusions, phrases, typos) and hostile search input, over local and remote blueprints. */
describe('Catalogue search queries', () => {
  let testApp: TestApp;
  let alice: SignedIn;
  type Key = 'pythonStyle' | 'django' | 'typescript' | 'go' | 'remotePython' | 'remoteHooks' | 'remoteKotlin';
  const ids = {} as Record<Key, string>;

  beforeAll(async () => {
    testApp = await startTestApp({ extraImports: [TestSignInModule] });
    alice = await signInAs(testApp, 'alice@example.org');
    const publish = { visibility: 'public', publish: true };
    const local = async (key: Key, fields: Record<string, unknown>) => {
      ids[key] = (await createBlueprint(alice, { ...publish, ...fields })).id;
    };
    await local('pythonStyle', { name: 'Python style rules', tags: ['python', 'style'], category: 'backend' });
    await local('django', {
      name: 'Django service layer',
      description: 'Python backend structure',
      tags: ['django'],
      content: '# Django\n\nKeep views thin; put rules in services. Deploy with kubernetes.\n',
    });
    await local('typescript', {
      name: 'TypeScript strict mode',
      tags: ['typescript'],
      category: 'frontend',
      content: '# TypeScript\n\nPort the old python scripts; never use any.\n',
    });
    await local('go', { name: 'Go error handling', tags: ['go'], content: '# Go\n\nWrap errors with context.\n' });
    const peer = await insertPeer(testApp, 'prompts.example.org', { signed: true });
    const remote = async (key: Key, fixture: Parameters<typeof insertRemoteBlueprint>[2]) => {
      ids[key] = (await insertRemoteBlueprint(testApp, peer, fixture)).id;
    };
    await remote('remotePython', { name: 'Python testing with pytest', tags: ['python', 'testing'], downloadCount: 9 });
    await remote('remoteHooks', {
      name: 'React hooks guide',
      tags: ['react'],
      content: '# Hooks\n\nUnlike python decorators, hooks run on every render.\n',
    });
    await remote('remoteKotlin', { name: 'Kotlin coroutines', tags: ['kotlin'] });
    await refreshSearchStatistics(testApp);
  });
  afterAll(() => testApp.close());

  const search = async (query: string, status = 200) => {
    const response = await testApp.http.get(`/api/v1/blueprints?${query}`);
    expect({ query, status: response.status }).toEqual({ query, status });
    return response.body as Page;
  };
  const q = (text: string, rest = '') => `q=${encodeURIComponent(text)}${rest}`;
  const idsOf = (page: Page) => page.items.map((item) => item.id);
  const sorted = (list: string[]) => [...list].sort();
  /** Facets must count exactly the listed rows: every facet's counts add up to the results, value by value. */
  const expectFacetsToCount = (page: Page) => {
    const counts = (values: string[]) => {
      const tally = new Map<string, number>();
      for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
      return [...tally].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value));
    };
    const byValue = (list: Array<{ value: string; count: number }> | undefined) =>
      [...(list ?? [])].sort((a, b) => a.value.localeCompare(b.value));
    expect(byValue(page.facets?.kind)).toEqual(counts(page.items.map((item) => item.kind)));
    expect(byValue(page.facets?.tool)).toEqual(counts(page.items.map((item) => item.tool)));
    expect(byValue(page.facets?.tags)).toEqual(counts(page.items.flatMap((item) => item.tags)));
  };

  describe('exclusions and phrases', () => {
    it('a query of only exclusions lists everything else, local and remote, newest first, and facets agree', async () => {
      const page = await search(q('-python', '&facets=true'));
      // "python" in a name, tags, description or content (local and remote) excludes; only Go and Kotlin remain.
      expect(sorted(idsOf(page))).toEqual(sorted([ids.go, ids.remoteKotlin]));
      expectFacetsToCount(page);
      for (const sort of ['relevance', 'newest', 'downloads', 'favorites', 'trending']) {
        expect(sorted(idsOf(await search(q('-python', `&sort=${sort}`))))).toEqual(sorted([ids.go, ids.remoteKotlin]));
      }
    });

    it('applies an exclusion found in any field to every relevance tier', async () => {
      // Name tier: "typescript" is in the name, "python" only in the content.
      expect(idsOf(await search(q('typescript -python')))).toEqual([]);
      // Description tier: "backend" in the description, "kubernetes" only in the content.
      expect(idsOf(await search(q('backend')))).toEqual([ids.django]);
      expect(idsOf(await search(q('backend -kubernetes')))).toEqual([]);
      // Content tier of a remote blueprint.
      expect(idsOf(await search(q('hooks')))).toEqual([ids.remoteHooks]);
      expect(idsOf(await search(q('hooks -python')))).toEqual([]);
      // Results and facets of every sort agree.
      // "rule" is in a local name, a local content and every remote content ("# Remote rule"); "tests" in the latter.
      const page = await search(q('rules -django -tests', '&facets=true&sort=newest'));
      expect(idsOf(page)).toEqual([ids.pythonStyle]);
      expectFacetsToCount(page);
    });

    it('excludes phrases, applies exclusions to the whole query, and reads a doubled dash as one', async () => {
      expect(idsOf(await search(q('"service layer"')))).toEqual([ids.django]);
      expect(idsOf(await search(q('"layer service"')))).toEqual([]);
      const withoutPhrase = idsOf(await search(q('-"service layer"', '&limit=100')));
      expect(withoutPhrase).toHaveLength(6);
      expect(withoutPhrase).not.toContain(ids.django);
      expect(idsOf(await search(q('django or -python')))).toEqual([]);
      expect(idsOf(await search(q('go or -python')))).toEqual([ids.go]);
      expect(sorted(idsOf(await search(q('--python'))))).toEqual(sorted([ids.go, ids.remoteKotlin]));
    });
  });

  describe('typo matching', () => {
    it('corrects a word that matches nothing to the name words a few edits away', async () => {
      expect(idsOf(await search(q('djago')))).toEqual([ids.django]);
      // Read as "typescript": its name first, then the Python rules whose content is about TypeScript.
      expect(idsOf(await search(q('typscript')))).toEqual([ids.typescript, ids.pythonStyle]);
      // "pyhton" reads as "python": names first (the remote one has more downloads), then description and content.
      const pyhtonPage = await search(q('pyhton'));
      expect(pyhtonPage.approximate).toEqual({
        query: 'python',
        corrections: [{ word: 'pyhton', suggestion: 'python' }],
      });
      const pyhton = idsOf(pyhtonPage);
      expect(pyhton.slice(0, 2)).toEqual([ids.remotePython, ids.pythonStyle]);
      expect(sorted(pyhton)).toEqual(sorted(idsOf(await search(q('python')))));
    });

    it('never matches on shared fragments, short words or words that already match', async () => {
      // "rust" shares "ru" and "st" with "rules" and "style", but is three edits from any word of a name.
      expect(idsOf(await search(q('rust')))).toEqual([]);
      expect(idsOf(await search(q('rust', '&sort=newest')))).toEqual([]);
      // Three letters get no typo budget: "og" is not "go".
      expect(idsOf(await search(q('og')))).toEqual([]);
      // A word that matches as typed is not widened: "style" does not also find "styles"-like neighbours.
      expect(idsOf(await search(q('style')))).toEqual([ids.pythonStyle]);
      // Exclusions still hold for corrected words.
      expect(idsOf(await search(q('djago -kubernetes')))).toEqual([]);
    });

    it('gives typo results their facets and every sort, counting exactly the rows listed', async () => {
      const relevance = await search(q('pyhton', '&facets=true&limit=100'));
      expect(relevance.items.length).toBeGreaterThan(0);
      expect(relevance.approximate?.query).toBe('python');
      expectFacetsToCount(relevance);
      const newest = await search(q('typscript', '&sort=newest&facets=true'));
      expect(idsOf(newest)).toEqual([ids.typescript, ids.pythonStyle]);
      expectFacetsToCount(newest);
    });

    it('pages through typo results with a cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await search(q('pyhton', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`));
        seen.push(...idsOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(idsOf(await search(q('pyhton', '&limit=100'))));
      expect(sorted(seen)).toEqual(
        sorted([ids.pythonStyle, ids.remotePython, ids.django, ids.typescript, ids.remoteHooks]),
      );
    });
  });

  describe('hostile input', () => {
    const expectClientError = (page: Page) => {
      expect(typeof page.error?.code).toBe('string');
      expect(typeof page.requestId).toBe('string');
    };

    it('reads operator soup, dash runs, long words and NUL bytes in q without failing', async () => {
      const shapes = [
        '-'.repeat(150),
        `${'- '.repeat(99)}x`,
        `${'-'.repeat(40)}python`,
        `${'-!'.repeat(50)}python`,
        '!'.repeat(200),
        '&|'.repeat(100),
        '<->'.repeat(66),
        '('.repeat(100) + ')'.repeat(100),
        '"'.repeat(199),
        `${'-"" '.repeat(40)}python`,
        "'''':*:A\\\\",
        'x'.repeat(200),
        '\ud83d\ude00 python',
      ];
      for (const shape of shapes) await search(q(shape));
      // A NUL byte never reaches the catalogue over HTTP: the request pipeline refuses it for every route.
      for (const shape of ['python\u0000 rules', '\u0000'.repeat(200), '%00%00']) {
        const query = shape.startsWith('%') ? `q=${shape}` : q(shape);
        const refused = await testApp.http.get(`/api/v1/blueprints?${query}`);
        expect({ shape, status: refused.status, code: (refused.body as Page).error?.code }).toEqual({
          shape,
          status: 400,
          code: 'INVALID_ENCODING',
        });
      }
      // A dash run followed by a word still reads the word, negated once.
      expect(idsOf(await search(q(`${'-'.repeat(40)}python`)))).toEqual(idsOf(await search(q('-python'))));
      // Lone surrogates and malformed escapes, as raw bytes.
      for (const raw of ['%ED%A0%80', '%uD800', '%F0%9F', '%']) await search(`q=${raw}`);
    });

    it('bounds the number of words with SEARCH_QUERY_TOO_COMPLEX and the length with a validation error', async () => {
      const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
      const tooMany = await search(q(words), 400);
      expect(tooMany.error?.code).toBe('SEARCH_QUERY_TOO_COMPLEX');
      const excluded = Array.from({ length: 40 }, (_, i) => `-w${i}`).join(' ');
      expect((await search(q(excluded.slice(0, 200)), 400)).error?.code).toBe('SEARCH_QUERY_TOO_COMPLEX');
      expectClientError(await search(q('word '.repeat(1000)), 400));
    });

    it('refuses hostile filter values with 400, never 500', async () => {
      const first = await search('sort=newest&limit=1');
      const decoded = JSON.parse(Buffer.from(first.nextCursor as string, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const forged = (change: Record<string, unknown>) =>
        Buffer.from(JSON.stringify({ ...decoded, ...change })).toString('base64url');
      const hostile = [
        'kind=%00',
        'tool=%00',
        'format=%00',
        'category=%00',
        'sort=%00',
        'limit=%00',
        'cursor=%00',
        'tag=%00',
        `tag=${'x'.repeat(5000)}`,
        Array.from({ length: 200 }, () => 'tag=a').join('&'),
        Array.from({ length: 30 }, (_, i) => `tag=t${i}`).join('&'),
        'author=%00',
        `author=${'a'.repeat(5000)}`,
        'license=%00',
        'instance=%00',
        `instance=${'a'.repeat(300)}`,
        'facets=%00',
        'q[]=a&q[]=b',
        'tag[a]=b',
        // Forged cursors: the scope is right, the values are not what PostgreSQL would accept.
        `sort=newest&cursor=${forged({ v: '-271821-04-20T00:00:00.000Z' })}`,
        `sort=newest&cursor=${forged({ v: '0000-01-01T00:00:00.000Z' })}`,
        `sort=newest&cursor=${forged({ v: 2020 })}`,
        `sort=newest&cursor=${forged({ i: 'bp_\u0000' })}`,
        `sort=newest&cursor=${forged({ v: 'Tue, 01 Jan 2030 00:00:00 GMT' })}`,
      ];
      for (const query of hostile) {
        const response = await testApp.http.get(`/api/v1/blueprints?${query}`);
        expect({ query: query.slice(0, 80), status: response.status }).toEqual({
          query: query.slice(0, 80),
          status: 400,
        });
        expectClientError(response.body as Page);
      }
      const favourites = await search('sort=favorites&limit=1');
      const favCursor = JSON.parse(Buffer.from(favourites.nextCursor as string, 'base64url').toString()) as object;
      for (const v of [2 ** 31, -(2 ** 31) - 1, 'x', 1.5]) {
        const cursor = Buffer.from(JSON.stringify({ ...favCursor, v })).toString('base64url');
        expect((await search(`sort=favorites&cursor=${cursor}`, 400)).error?.code).toBe('INVALID_CURSOR');
      }
    });

    it('refuses control characters in filters in the catalogue itself, whatever the request pipeline does', async () => {
      const catalog = testApp.app.nest.get(CatalogService);
      for (const query of [
        { tag: ['python\u0000'] },
        { author: 'alice\u0000' },
        { license: 'MIT\u0000' },
        { instance: 'prompts.example.org\u0000' },
      ]) {
        await expect(catalog.search(query)).rejects.toMatchObject({ code: 'INVALID_SEARCH_FILTER', status: 400 });
      }
      await expect(catalog.search({ q: 'python\u0000' })).resolves.toMatchObject({ items: expect.any(Array) });
      // In the words themselves, NUL bytes are only spaces.
      const found = await catalog.search({ q: 'python\u0000style' });
      expect(found.items.map((item) => item.id)).toEqual([ids.pythonStyle]);
    });

    it('answers any mix of search operators with 200 or a 400 envelope (property)', async () => {
      const token = fc.constantFrom(
        '-',
        '- ',
        '-'.repeat(33),
        '!',
        '&',
        '|',
        '<->',
        '<2>',
        '(',
        ')',
        '"',
        "'",
        ':*',
        ':A',
        '\\',
        ' or ',
        'or',
        ' ',
        'python',
        'pyhton',
        'the',
        '\u0000',
        '\t',
        'é',
        '😀',
      );
      await fc.assert(
        fc.asyncProperty(fc.array(token, { minLength: 1, maxLength: 60 }), async (tokens) => {
          // Whole characters only, within the 200 the API accepts.
          let text = '';
          for (const char of tokens.join('')) if (text.length + char.length <= 200) text += char;
          const response = await testApp.http.get(`/api/v1/blueprints?q=${encodeURIComponent(text)}&facets=true`);
          expect([200, 400]).toContain(response.status);
          // NUL is the request pipeline's to refuse (INVALID_ENCODING); any other text is the catalogue's.
          const expected = text.includes('\u0000') ? 'INVALID_ENCODING' : 'SEARCH_QUERY_TOO_COMPLEX';
          if (response.status === 400) expect((response.body as Page).error?.code).toBe(expected);
        }),
        { seed: 20261205, numRuns: 150 },
      );
    });
  });
});
