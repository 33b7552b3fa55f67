import { httpUrl } from './safe-url';

describe('httpUrl', () => {
  it('keeps absolute http and https URLs', () => {
    expect(httpUrl('https://prompts.example.org/blueprints/bp_1')).toBe('https://prompts.example.org/blueprints/bp_1');
    expect(httpUrl('http://127.0.0.2:4000/blueprints/bp_1')).toBe('http://127.0.0.2:4000/blueprints/bp_1');
  });

  it('refuses every other scheme, relative and malformed addresses', () => {
    for (const value of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ftp://example.org/file',
      '/blueprints/bp_1',
      '//evil.test/x',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(httpUrl(value)).toBeUndefined();
    }
  });
});
