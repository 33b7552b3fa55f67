import {
  analyse,
  editDistanceWithin,
  parseTsQuery,
  printTsQuery,
  sanitiseSearchText,
  splitExclusions,
  typoBudget,
  typoCandidates,
  withSuggestions,
} from './catalog-query';

describe('catalogue search queries', () => {
  it('keeps a dash only where it starts a word or a phrase, once', () => {
    expect(sanitiseSearchText('-'.repeat(150))).toBe('');
    expect(sanitiseSearchText(`${'- '.repeat(40)}python`)).toBe('python');
    expect(sanitiseSearchText('---python -"service layer" foo-bar x-- -')).toBe('-python -"service layer" foo-bar x-');
    expect(sanitiseSearchText('-!-!python')).toBe('! !python');
    expect(sanitiseSearchText('a\u0000b\tc\n')).toBe('a b c');
  });

  it('parses and prints what websearch_to_tsquery prints, with precedence made explicit', () => {
    const tree = parseTsQuery("'x' & !( 'y' <-> 'z' ) | 'w'");
    expect(printTsQuery(tree!)).toBe("(('x' & !(('y' <-> 'z'))) | 'w')");
    expect(printTsQuery(parseTsQuery("'it''s' <2> 'a\\\\b'")!, 'A')).toBe("('it''s':A <2> 'a\\\\b':A)");
    expect(parseTsQuery('')).toBeNull();
    expect(() => parseTsQuery("'a' &")).toThrow();
  });

  it('splits exclusions out of every branch, and reads a double negation as a plain word', () => {
    const split = (text: string) => {
      const { positive, excluded } = splitExclusions(parseTsQuery(text));
      return { positive: positive && printTsQuery(positive), excluded: excluded.map((node) => printTsQuery(node)) };
    };
    expect(split("!'python'")).toEqual({ positive: null, excluded: ["'python'"] });
    expect(split("'python' | !'react'")).toEqual({ positive: "'python'", excluded: ["'react'"] });
    expect(split("'servic' <-> 'layer' & !'react'")).toEqual({
      positive: "('servic' <-> 'layer')",
      excluded: ["'react'"],
    });
    expect(split("!!'python'")).toEqual({ positive: "'python'", excluded: [] });
  });

  it('splits what must match from what must not, and offers only plain words to typo matching', () => {
    const query = analyse('Pyhton "a b" -go', "'pyhton' & 'a' <-> 'b' & !'go'");
    expect(query).toMatchObject({ match: "('pyhton' & ('a' <-> 'b'))", exclude: "'go'", words: ['pyhton'] });
    expect(printTsQuery(query.positive!)).toBe(query.match);
    // Only exclusions: nothing to match, so nothing to correct.
    expect(analyse('-python', "!'python'")).toMatchObject({ match: '', positive: null, words: [] });
    expect(() => analyse('many', Array.from({ length: 33 }, (_, i) => `'w${i}'`).join(' & '))).toThrow(
      expect.objectContaining({ code: 'SEARCH_QUERY_TOO_COMPLEX' }),
    );
  });

  it('takes typo candidates as typed, outside phrases and exclusions, long enough to have a budget', () => {
    expect(typoCandidates('Rust-Anlyzer config "eror handling" -pyhton or djago djago go')).toEqual([
      'rust-anlyzer',
      'config',
      'djago',
    ]);
    expect(typoCandidates('next.js  vue_router')).toEqual(['next.js', 'vue_router']);
    expect(typoCandidates('"unclosed phrase')).toEqual([]);
  });

  it('writes a suggestion with only the corrected words replaced, phrases and exclusions as typed', () => {
    const corrections = new Map([
      ['rust-anlyzer', 'rust-analyzer'],
      ['pyhton', 'python'],
    ]);
    expect(withSuggestions('Rust-Anlyzer "pyhton x" pyhton -pyhton a-pyhton', corrections)).toBe(
      'rust-analyzer "pyhton x" python -pyhton a-pyhton',
    );
    expect(withSuggestions('unchanged', new Map())).toBe('unchanged');
  });

  it('counts swaps as one edit and gives short words no typo budget', () => {
    expect(editDistanceWithin('pyhton', 'python', 1)).toBe(1);
    expect(editDistanceWithin('typscript', 'typescript', 2)).toBe(1);
    expect(editDistanceWithin('djago', 'django', 1)).toBe(1);
    expect(editDistanceWithin('rust', 'rule', 1)).toBe(2);
    expect(editDistanceWithin('rust', 'rules', 1)).toBe(2);
    expect(editDistanceWithin('kitten', 'sitting', 5)).toBe(3);
    expect([typoBudget('go'), typoBudget('rust'), typoBudget('pyhton'), typoBudget('typscript')]).toEqual([0, 1, 1, 2]);
  });
});
