/** What the instance does with a peer's domain, after its rules and the allowlist switch. */
export type DomainVerdict = 'block' | 'silence' | 'federate';

export interface DomainRuleLike {
  readonly domain: string;
  readonly action: 'block' | 'silence' | 'allow';
}

/** The most specific rule for `host`: its own, else its closest parent's (`a.b.example.org` → `example.org`). */
export function matchingRule<T extends DomainRuleLike>(rules: readonly T[], host: string): T | undefined {
  let best: T | undefined;
  for (const rule of rules) {
    if (host === rule.domain || host.endsWith(`.${rule.domain}`)) {
      if (!best || rule.domain.length > best.domain.length) best = rule;
    }
  }
  return best;
}

/**
 * In allowlist mode only domains whose most specific rule is `allow` federate; otherwise everything not blocked does.
 * Silenced domains are crawled but kept out of public listings.
 */
export function verdictFor(rules: readonly DomainRuleLike[], host: string, allowlistMode: boolean): DomainVerdict {
  const rule = matchingRule(rules, host);
  if (rule?.action === 'block') return 'block';
  if (allowlistMode && rule?.action !== 'allow') return 'block';
  if (rule?.action === 'silence') return 'silence';
  return 'federate';
}
