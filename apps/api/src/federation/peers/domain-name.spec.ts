import { parsePeerAddress, parseRuleDomain, sameDomain } from './domain-name';
import { matchingRule, verdictFor } from './domain-policy';

describe('parsePeerAddress', () => {
  it.each([
    ['prompts.example.org', 'prompts.example.org', 'prompts.example.org'],
    ['  Prompts.Example.ORG. ', 'prompts.example.org', 'prompts.example.org'],
    ['https://prompts.example.org/', 'prompts.example.org', 'prompts.example.org'],
    ['prompts.example.org:8443', 'prompts.example.org:8443', 'prompts.example.org'],
    ['https://prompts.example.org:443', 'prompts.example.org', 'prompts.example.org'],
    ['bücher.example', 'xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['127.0.0.1:3901', '127.0.0.1:3901', '127.0.0.1'],
    ['[::1]:8080', '[::1]:8080', '[::1]'],
  ])('%s → %s', (input, domain, host) => {
    expect(parsePeerAddress(input)).toMatchObject({ domain, host });
  });

  it.each([
    '',
    'https://example.org/path',
    'example.org?x=1',
    'user:pass@example.org',
    'intranet',
    'ftp://example.org',
    'exa mple.org',
    42,
  ])('refuses %p with INVALID_PEER_DOMAIN', (input) => {
    expect(() => parsePeerAddress(input)).toThrow(expect.objectContaining({ code: 'INVALID_PEER_DOMAIN' }));
  });

  it('keeps the scheme when one was given', () => {
    expect(parsePeerAddress('http://127.0.0.1:3901').scheme).toBe('http');
    expect(parsePeerAddress('127.0.0.1:3901').scheme).toBeUndefined();
  });

  it('compares manifest domains case- and IDNA-insensitively, port included', () => {
    expect(sameDomain('Bücher.example', 'xn--bcher-kva.example')).toBe(true);
    expect(sameDomain('example.org:3000', 'example.org')).toBe(false);
  });

  it('rule domains carry no port or scheme', () => {
    expect(parseRuleDomain('Spam.Example')).toBe('spam.example');
    expect(() => parseRuleDomain('spam.example:80')).toThrow(expect.objectContaining({ code: 'INVALID_PEER_DOMAIN' }));
  });
});

describe('domain policy', () => {
  const rules = [
    { domain: 'example.org', action: 'block' as const },
    { domain: 'good.example.org', action: 'allow' as const },
    { domain: 'noisy.example', action: 'silence' as const },
  ];

  it('matches subdomains, the most specific rule winning', () => {
    expect(matchingRule(rules, 'a.example.org')?.action).toBe('block');
    expect(matchingRule(rules, 'x.good.example.org')?.action).toBe('allow');
    expect(matchingRule(rules, 'notexample.org')).toBeUndefined();
  });

  it('decides block, silence or federate, with allowlist mode', () => {
    expect(verdictFor(rules, 'example.org', false)).toBe('block');
    expect(verdictFor(rules, 'good.example.org', false)).toBe('federate');
    expect(verdictFor(rules, 'noisy.example', false)).toBe('silence');
    expect(verdictFor(rules, 'other.example', false)).toBe('federate');
    expect(verdictFor(rules, 'other.example', true)).toBe('block');
    expect(verdictFor(rules, 'good.example.org', true)).toBe('federate');
  });
});
