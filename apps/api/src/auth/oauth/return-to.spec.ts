import { safeReturnTo } from './return-to';

const APP = 'https://prompts.example.org';

describe('safeReturnTo', () => {
  it('keeps a path on our origin, with its query and fragment', () => {
    expect(safeReturnTo('/blueprints/42?tab=files#top', APP)).toBe('/blueprints/42?tab=files#top');
  });

  it('defaults to / when absent or not a string', () => {
    expect(safeReturnTo(undefined, APP)).toBe('/');
    expect(safeReturnTo(['/a', '/b'], APP)).toBe('/');
    expect(safeReturnTo('', APP)).toBe('/');
  });

  it.each([
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme-relative URL', '//evil.example/path'],
    ['a backslash trick', '/\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'settings'],
    ['a control character', '/\t/evil.example'],
    ['an API path', '/api/v1/auth/sign-out'],
  ])('neutralises %s', (_label, value) => {
    expect(safeReturnTo(value, APP)).toBe('/');
  });

  it('normalises dot segments without leaving the origin', () => {
    expect(safeReturnTo('/a/../../b', APP)).toBe('/b');
  });
});
