import { remoteAuthorProfileUrl } from './remote-author';

describe('remoteAuthorProfileUrl', () => {
  it("links to /@handle on the peer's verified origin, lower-cased", () => {
    expect(remoteAuthorProfileUrl('https://prompts.example.org', 'Ada-L')).toBe('https://prompts.example.org/@ada-l');
    expect(remoteAuthorProfileUrl('http://127.0.0.1:4010', 'ada')).toBe('http://127.0.0.1:4010/@ada');
  });

  it('keeps only the origin of the base URL', () => {
    expect(remoteAuthorProfileUrl('https://prompts.example.org/some/path?x=1#y', 'ada')).toBe(
      'https://prompts.example.org/@ada',
    );
  });

  it.each([
    ['no handle (legacy peers)', null],
    ['a path', '../admin'],
    ['a URL', 'https://evil.example/@ada'],
    ['a query', 'ada?next=//evil.example'],
    ['an encoded slash', 'ada%2F..'],
    ['non-ASCII letters', 'ådа'],
    ['a leading hyphen', '-ada'],
    ['a double hyphen', 'a--da'],
    ['one character', 'a'],
    ['forty characters', 'a'.repeat(40)],
    ['an empty string', ''],
  ])('gives no link for %s', (_label, handle) => {
    expect(remoteAuthorProfileUrl('https://prompts.example.org', handle)).toBeNull();
  });

  it.each(['javascript:alert(1)', 'not a url', 'ftp://prompts.example.org', 'data:text/html,hi'])(
    'gives no link for a base URL %p',
    (base) => {
      expect(remoteAuthorProfileUrl(base, 'ada')).toBeNull();
    },
  );
});
