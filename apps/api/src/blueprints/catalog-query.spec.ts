import {
  analyse,
  corrected,
  editDistanceWithin,
  parseTsQuery,
  printTsQuery,
  sanitiseSearchText,
  splitExclusions,
  typoBudget,
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

  it('weights only what must match, and corrects only plain words', () => {
    const query = analyse('pyhton "a b" -go', "'pyhton' & 'a' <-> 'b' & !'go'");
    expect(query).toMatchObject({
      match: "('pyhton' & ('a' <-> 'b'))",
      name: "('pyhton':A & ('a':A <-> 'b':A))",
      exclude: "'go'",
      words: ['pyhton'],
    });
    const fixed = corrected(query, new Map([['pyhton', ['python']]]));
    expect(fixed).toMatchObject({ match: "(('pyhton' | 'python') & ('a' <-> 'b'))", exclude: "'go'", words: [] });
    expect(() => analyse('many', Array.from({ length: 33 }, (_, i) => `'w${i}'`).join(' & '))).toThrow(
      expect.objectContaining({ code: 'SEARCH_QUERY_TOO_COMPLEX' }),
    );
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
