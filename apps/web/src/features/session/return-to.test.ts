import { describe, expect, it } from 'vitest';
import { safeReturnTo, signInPath } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeReturnTo('/blueprints/42?tab=files#top')).toBe('/blueprints/42?tab=files#top');
    expect(safeReturnTo('/@alice')).toBe('/@alice');
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeReturnTo('/a/../../b')).toBe('/b');
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '/\\\\evil.example',
    '\\/evil.example',
    '/.//evil.example/phish',
    '/./'.concat('/evil.example'),
    '/a/../..//evil.example',
    '/%2f%2fevil.example',
    '/%2F/evil.example',
    '/%5cevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil@example.org',
    '／／evil.example',
    'settings',
    '/sign-in',
    '/sign-in?returnTo=/x',
    '/sign-in/second-factor',
  ])('refuses %j', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('builds sign-in links only for safe destinations', () => {
    expect(signInPath('/.//evil.example')).toBe('/sign-in');
    expect(signInPath('/settings?tab=tokens')).toBe('/sign-in?returnTo=%2Fsettings%3Ftab%3Dtokens');
  });
});
