import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The shape of every bearer secret the instance issues (session cookies, CSRF tokens, magic links, device codes,
 * OAuth state, API tokens after their prefix): 32 random bytes as base64url, 43 characters.
 */
export function mintSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * How such secrets are stored and looked up: their SHA-256 in hex. A fast hash is right here because the secrets have
 * 256 bits of entropy; a leaked table grants nothing.
 */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares a presented secret with the expected one in constant time, so timing reveals nothing about it. */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
