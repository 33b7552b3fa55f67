import { isPlaceholderSecret } from './placeholders';
import type { FindingConfidence } from './scan.types';

export interface CredentialUrl {
  start: number;
  end: number;
  scheme: string;
  passwordStart: number;
  passwordEnd: number;
  user: string;
  host: string;
}

// scheme://user:password@host for any scheme: database URLs, brokers, caches and HTTP basic auth alike. The user
// may be empty (redis://:password@host). Quotes and angle brackets end the URL, as they do in prose and code.
const CREDENTIAL_URL = /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:@/?#'"`<>]*):([^\s@/?#'"`<>]+)@([^\s/?#:'"`<>,;)]+)/gi;

export function findCredentialUrls(text: string, offset = 0): CredentialUrl[] {
  const found: CredentialUrl[] = [];
  for (const match of text.matchAll(CREDENTIAL_URL)) {
    const [whole, scheme, user, firstPart, hostPart] = match as unknown as [string, string, string, string, string];
    // People write passwords with an unencoded `@` (`user:p@ssw0rd@host`): the host starts after the last one.
    const lastAt = hostPart.slice(0, -1).lastIndexOf('@');
    const password = lastAt < 0 ? firstPart : `${firstPart}@${hostPart.slice(0, lastAt)}`;
    const host = hostPart.slice(lastAt + 1);
    const passwordStart = offset + match.index + scheme.length + 3 + user.length + 1;
    found.push({
      start: offset + match.index,
      end: offset + match.index + whole.length,
      scheme: scheme.toLowerCase(),
      passwordStart,
      passwordEnd: passwordStart + password.length,
      user,
      host: host.toLowerCase(),
    });
  }
  return found;
}

// Loopback, reserved documentation domains and single-label hosts (docker-compose service names such as `db`) mark
// development setups: the password may still be real, but it guards nothing reachable.
const DEVELOPMENT_HOST =
  /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal|[^.]+)$|(?:^|\.)(?:example|test|invalid|localhost|local)(?:\.|$)/;

// The stock passwords of local containers and services (the postgres image's postgres, RabbitMQ's guest) and the
// words examples use for them.
const STOCK_PASSWORD =
  /^(?:pass|passwd|pw|pwd|postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|rabbitmq|guest|root|admin|test|testing|dev|development|local|secret|changeme|user|default|demo)$/i;

/**
 * undefined when the password is a stand-in, or the stock credentials of a development host (postgres:postgres,
 * guest:guest, test:test@localhost: how examples and test fixtures connect); low for other development hosts, short
 * passwords and passwords equal to the user name.
 */
export function credentialUrlConfidence(password: string, host: string, user = ''): FindingConfidence | undefined {
  if (isPlaceholderSecret(password)) return undefined;
  const stock = password === user || STOCK_PASSWORD.test(password);
  if (DEVELOPMENT_HOST.test(host)) return stock ? undefined : 'low';
  if (stock || password.length < 8) return 'low';
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
