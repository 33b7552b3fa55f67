import { safeReturnTo } from './return-to';

const APP = 'https://prompts.example.org';

describe('safeReturnTo', () => {
  it('keeps a path on our origin, with its query and fragment', () => {
    expect(safeReturnTo('/blueprints/42?tab=files#top', APP)).toBe('/blueprints/42?tab=files#top');
  });

  it('keeps ordinary paths that merely look unusual', () => {
    expect(safeReturnTo('/@alice', APP)).toBe('/@alice');
    expect(safeReturnTo('/search?q=//not-a-host', APP)).toBe('/search?q=//not-a-host');
    expect(safeReturnTo('/blueprints/a#//fragment', APP)).toBe('/blueprints/a#//fragment');
  });

  it('defaults to / when absent or not a string', () => {
    expect(safeReturnTo(undefined, APP)).toBe('/');
    expect(safeReturnTo(['/a', '/b'], APP)).toBe('/');
    expect(safeReturnTo('', APP)).toBe('/');
    expect(safeReturnTo(`/${'a'.repeat(1024)}`, APP)).toBe('/');
  });

  // The usual open-redirect bypass list: each of these makes some browser, proxy or router leave our origin.
  it.each([
    ['an absolute https URL', 'https://evil.example/'],
    ['an absolute http URL', 'http://evil.example/'],
    ['our own origin spelled out', 'https://prompts.example.org/settings'],
    ['a scheme-relative URL', '//evil.example/path'],
    ['three slashes', '///evil.example/path'],
    ['four slashes', '////evil.example'],
    ['slash backslash', '/\\evil.example'],
    ['slash two backslashes', '/\\\\evil.example'],
    ['backslash slash', '\\/evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['a dot segment before a double slash', '/.//evil.example/phish'],
    ['a dot segment', '/./'.concat('/evil.example')],
    ['climbing above the root into a double slash', '/a/../..//evil.example'],
    ['climbing with encoded dots', '/a/%2e%2e/%2e%2e//evil.example'],
    ['encoded slashes', '/%2f%2fevil.example'],
    ['an encoded slash after the first', '/%2F/evil.example'],
    ['an encoded backslash', '/%5cevil.example'],
    ['an encoded backslash, upper case', '/%5C%5Cevil.example'],
    ['a tab inside the slashes', '/\t/evil.example'],
    ['a newline inside the slashes', '/\n/evil.example'],
    ['a carriage return inside the slashes', '/\r/evil.example'],
    ['a NUL byte', '/\u0000/evil.example'],
    ['a C1 control', '/\u0085/evil.example'],
    ['a line separator', '/\u2028/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a mixed-case javascript: URL', 'JaVaScRiPt:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['credentials before the host', '//evil@prompts.example.org'],
    ['our host as credentials', '//prompts.example.org@evil.example'],
    ['unicode fullwidth slashes', '／／evil.example'],
    ['a leading space', ' /settings'],
    ['a relative path', 'settings'],
    ['a query only', '?x=1'],
    ['an API path', '/api/v1/auth/sign-out'],
    ['an API path reached through dot segments', '/a/../api/v1/auth/sign-out'],
  ])('neutralises %s', (_label, value) => {
    expect(safeReturnTo(value, APP)).toBe('/');
  });

  it('normalises dot segments without leaving the origin', () => {
    expect(safeReturnTo('/a/../../b', APP)).toBe('/b');
    expect(safeReturnTo('/./settings', APP)).toBe('/settings');
  });

  it('returns a path a browser resolves to our origin, whatever it was given', () => {
    const inputs = ['/a/b', '/a/./b/../c?x=//y', '/%e2%88%95%e2%88%95evil', '/\u2215\u2215evil.example', '/@evil'];
    for (const input of inputs) {
      const result = safeReturnTo(input, APP);
      expect(new URL(result, 'https://elsewhere.example/deep/page').origin).toBe('https://elsewhere.example');
      expect(new URL(result, APP).origin).toBe(APP);
    }
  });
});
