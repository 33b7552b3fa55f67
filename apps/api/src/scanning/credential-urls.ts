import { isPlaceholderSecret } from './placeholders';
import type { FindingConfidence } from './scan.types';

export interface CredentialUrl {
  start: number;
  end: number;
  scheme: string;
  passwordStart: number;
  passwordEnd: number;
  host: string;
}

// scheme://user:password@host for any scheme: database URLs, brokers, caches and HTTP basic auth alike. The user
// may be empty (redis://:password@host). Quotes and angle brackets end the URL, as they do in prose and code.
const CREDENTIAL_URL = /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:@/?#'"`<>]*):([^\s@/?#'"`<>]+)@([^\s/?#:'"`<>,;)]+)/gi;

export function findCredentialUrls(text: string, offset = 0): CredentialUrl[] {
  const found: CredentialUrl[] = [];
  for (const match of text.matchAll(CREDENTIAL_URL)) {
    const [whole, scheme, user, password, host] = match as unknown as [string, string, string, string, string];
    const passwordStart = offset + match.index + scheme.length + 3 + user.length + 1;
    found.push({
      start: offset + match.index,
      end: offset + match.index + whole.length,
      scheme: scheme.toLowerCase(),
      passwordStart,
      passwordEnd: passwordStart + password.length,
      host: host.toLowerCase(),
    });
  }
  return found;
}

// Loopback, reserved documentation domains and single-label hosts (docker-compose service names such as `db`) mark
// development setups: the password may still be real, but it guards nothing reachable.
const DEVELOPMENT_HOST =
  /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal|[^.]+)$|(?:^|\.)(?:example|test|invalid|localhost|local)(?:\.|$)/;

/** undefined when the password is a stand-in; low for development hosts and short passwords. */
export function credentialUrlConfidence(password: string, host: string): FindingConfidence | undefined {
  if (isPlaceholderSecret(password)) return undefined;
  if (DEVELOPMENT_HOST.test(host) || password.length < 8) return 'low';
  return 'high';
}

const DATABASE_SCHEMES =
  /^(?:postgres|postgresql|mysql|mysqlx|mariadb|mongodb|mongodb\+srv|mssql|sqlserver|jdbc|cockroachdb|clickhouse|neo4j|bolt|oracle|db2)/;

export function credentialUrlVariableName(scheme: string): string {
  if (DATABASE_SCHEMES.test(scheme)) return 'DATABASE_URL';
  if (scheme.startsWith('redis')) return 'REDIS_URL';
  if (scheme.startsWith('amqp')) return 'AMQP_URL';
  return 'SERVICE_URL';
}
