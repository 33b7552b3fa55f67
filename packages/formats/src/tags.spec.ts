import { isValidTag, MAX_TAG_INPUT_LENGTH, MAX_TAGS, normaliseTag, tagsFromInput } from './tags';

// What tags are made of, and what they are not: "_", "/", a combining accent, CJK, a fullwidth letter, "㎒" (MHz under
// NFKD), an emoji's surrogate halves (apart, they are lone surrogates).
const PIECES = [...'aZ09 .+#-_/éÜ日\u0301Ｆ㎒', '\uD83D', '\uDE00', '\u{1F600}'];

/** `count` strings from a seeded generator (mulberry32): tag-like ones, and ones of any code point at all. */
function randomStrings(count: number, seed: number): string[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (limit: number) => Math.floor(random() * limit);
  return Array.from({ length: count }, (_, index) => {
    const length = below(index % 10 === 0 ? 400 : 40);
    const piece = index % 2 === 0 ? () => PIECES[below(PIECES.length)] : () => String.fromCodePoint(below(0x110000));
    return Array.from({ length }, piece).join('');
  });
}

describe('normaliseTag', () => {
  it.each([
    ['unit testing', 'unit-testing'],
    ['Unit Testing', 'unit-testing'],
    ['ci/cd', 'ci-cd'],
    ['.net', 'dotnet'],
    ['.NET', 'dotnet'],
    ['.env', 'dotenv'],
    ['C#', 'c#'],
    ['Node.js', 'node.js'],
    ['React Native', 'react-native'],
    ['café', 'cafe'],
    ['Crème Brûlée', 'creme-brulee'],
    ['snake_case', 'snake-case'],
    ['#react', 'react'],
    ['  TypeScript  ', 'typescript'],
    ['c++', 'c++'],
    ['asp.net', 'asp.net'],
    ['a  /  b', 'a-b'],
    ['a--b', 'a-b'],
    ['web-', 'web'],
    ['etc.', 'etc'],
    ['end.-', 'end'],
    ['-- rust --', 'rust'],
    ['+.net', 'dotnet'],
    ['.5', '5'],
    ['ＦＵＬＬ', 'full'],
    ['㎒', 'mhz'],
    ['', ''],
    ['   ', ''],
    ['#', ''],
    ['日本語', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseTag(raw)).toBe(expected);
  });

  it('leaves valid tags of the old rule that are already canonical as they are', () => {
    for (const tag of ['typescript', 'c#', 'c++', 'node.js', 'asp.net', 'web-dev', 'python3', '0day', 'a.b+c#d', 'x']) {
      expect(normaliseTag(tag)).toBe(tag);
      expect(isValidTag(tag)).toBe(true);
    }
  });

  it('is idempotent', () => {
    for (const raw of randomStrings(600, 1)) {
      const once = normaliseTag(raw);
      expect({ raw, twice: normaliseTag(once) }).toEqual({ raw, twice: once });
    }
  });

  it('is idempotent where the input or output reaches the cap', () => {
    // "㎒" is "MHz" under NFKD: there the output, not the input, reaches the cap.
    for (const raw of [
      'a'.repeat(1000),
      'ab '.repeat(200),
      '㎒ '.repeat(200),
      '㎒'.repeat(200),
      `.${'x-'.repeat(300)}`,
    ]) {
      const once = normaliseTag(raw);
      expect(once.length).toBeGreaterThan(100);
      expect(normaliseTag(once)).toBe(once);
    }
  });

  it('only ever yields [a-z0-9.+#-], starting with a letter or digit and ending with neither "-" nor "."', () => {
    for (const raw of randomStrings(600, 2)) {
      const tag = normaliseTag(raw);
      if (tag !== '') expect(tag).toMatch(/^[a-z0-9](?:[a-z0-9.+#-]*[a-z0-9+#])?$/);
      expect(tag).not.toContain('--');
    }
  });

  it('looks at only the first MAX_TAG_INPUT_LENGTH characters of a huge input', () => {
    const huge = `${'x'.repeat(MAX_TAG_INPUT_LENGTH)}${' y'.repeat(5_000_000)}`;
    expect(normaliseTag(huge)).toBe('x'.repeat(MAX_TAG_INPUT_LENGTH / 2));
  });
});

describe('isValidTag', () => {
  it('takes canonical tags of 1 to 32 characters only', () => {
    expect(isValidTag('a'.repeat(32))).toBe(true);
    expect(isValidTag('a'.repeat(33))).toBe(false);
    expect(isValidTag('')).toBe(false);
    expect(isValidTag('Unit Testing')).toBe(false);
    expect(isValidTag('web-')).toBe(false);
    expect(isValidTag('#react')).toBe(false);
  });
});

describe('tagsFromInput', () => {
  it('normalises, drops blanks and punctuation, and de-duplicates in order', () => {
    expect(tagsFromInput(['Unit Testing', 'ci/cd', ' ', '#', '.NET', 'unit-testing', 'CI CD'])).toEqual({
      tags: ['unit-testing', 'ci-cd', 'dotnet'],
    });
  });

  it('counts tags after de-duplication and refuses more than MAX_TAGS first', () => {
    const eleven = Array.from({ length: MAX_TAGS + 1 }, (_, index) => `tag ${index}`);
    expect(tagsFromInput([...eleven.slice(0, MAX_TAGS), 'TAG 0'])).toEqual({
      tags: eleven.slice(0, MAX_TAGS).map((tag) => tag.replace(' ', '-')),
    });
    expect(tagsFromInput([...eleven, 'x'.repeat(40)]).problem).toEqual({ code: 'TOO_MANY_TAGS', count: 12 });
  });

  it('refuses a tag longer than 32 characters once normalised instead of cutting it', () => {
    const long = 'A Very Long Tag That Goes On And On';
    expect(tagsFromInput(['ok', long]).problem).toEqual({
      code: 'INVALID_TAG',
      tag: 'a-very-long-tag-that-goes-on-and-on',
      reason: 'TOO_LONG',
    });
  });

  it('refuses a tag of which nothing is left, or that is too long to look at', () => {
    expect(tagsFromInput(['ok', '日本語']).problem).toEqual({
      code: 'INVALID_TAG',
      tag: '日本語',
      reason: 'NOTHING_LEFT',
    });
    // Spaces inside would collapse to one "-": without the length check this would silently become "a".
    const padded = `a${' '.repeat(MAX_TAG_INPUT_LENGTH)}b`;
    expect(tagsFromInput([padded]).problem).toEqual({
      code: 'INVALID_TAG',
      tag: `a${' '.repeat(31)}…`,
      reason: 'TOO_LONG',
    });
  });
});
