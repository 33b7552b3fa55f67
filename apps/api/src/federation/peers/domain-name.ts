import { InvalidPeerDomainError } from './peers.errors';

export interface PeerAddress {
  /** Lower-case punycode host with the port when it has one: how peers are identified and manifests name themselves. */
  readonly domain: string;
  /** The host alone, what domain rules match. */
  readonly host: string;
  /** The scheme given with the address, when one was. */
  readonly scheme: 'https' | 'http' | undefined;
}

const MAX_DOMAIN_LENGTH = 253;

/**
 * Reads what an admin typed or a registration claimed: `example.org`, `Exämple.org:8443`, `https://example.org/`.
 * WHATWG URL parsing does the IDNA (punycode) and case normalisation; anything beyond scheme, host and port (a path,
 * a query, credentials) is refused rather than silently dropped.
 */
export function parsePeerAddress(input: unknown): PeerAddress {
  if (typeof input !== 'string') throw new InvalidPeerDomainError(String(input));
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_DOMAIN_LENGTH + 16) throw new InvalidPeerDomainError(trimmed);
  const schemeMatch = /^(https?):\/\//i.exec(trimmed);
  const scheme = schemeMatch?.[1] ? (schemeMatch[1].toLowerCase() as 'https' | 'http') : undefined;
  let url: URL;
  try {
    url = new URL(scheme ? trimmed : `https://${trimmed}`);
  } catch {
    throw new InvalidPeerDomainError(trimmed);
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  const host = url.hostname.replace(/\.$/, '');
  if (!bare || !host || host.length > MAX_DOMAIN_LENGTH) throw new InvalidPeerDomainError(trimmed);
  // Single-label names (`intranet`) are never federation peers; `localhost` is kept for development.
  if (!host.includes('.') && !host.startsWith('[') && host !== 'localhost') throw new InvalidPeerDomainError(trimmed);
  // URL drops the port when it is the scheme's default; peers publish their domain the same way.
  const domain = url.port ? `${host}:${url.port}` : host;
  return { domain, host, scheme };
}

/** A domain rule's subject: a host without port, normalised like peer domains. */
export function parseRuleDomain(input: unknown): string {
  const address = parsePeerAddress(input);
  if (address.domain !== address.host || address.scheme) throw new InvalidPeerDomainError(String(input));
  return address.host;
}

/** Whether two manifest domains name the same instance (case and IDNA-insensitive, port included). */
export function sameDomain(a: string, b: string): boolean {
  try {
    return parsePeerAddress(a).domain === parsePeerAddress(b).domain;
  } catch {
    return false;
  }
}

/** The host part of a stored peer domain (`example.org:8443` → `example.org`). */
export function hostOf(domain: string): string {
  return parsePeerAddress(domain).host;
}
