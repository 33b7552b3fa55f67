import { createHash, randomInt } from 'node:crypto';

// Crockford's base32 alphabet: no i, l, o or u, so codes read aloud or copied by hand stay unambiguous.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 3;
const GROUP_LENGTH = 4;
export const RECOVERY_CODE_COUNT = 10;

/** One code: 12 symbols of 5 bits each, 60 bits of entropy, shown as `xxxx-xxxx-xxxx`. */
export function generateRecoveryCode(): string {
  const symbols = Array.from({ length: GROUPS * GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return symbols.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
}

/** Accepts what a person types: any case, with or without hyphens and spaces. Undefined when it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | undefined {
  const symbols = input.toLowerCase().replace(/[\s-]/g, '');
  const pattern = new RegExp(`^[${ALPHABET}]{${GROUPS * GROUP_LENGTH}}$`);
  return pattern.test(symbols) ? symbols : undefined;
}

/**
 * The stored form. A fast hash is enough here: each code carries 60 random bits, so guessing one from its hash
 * costs ~2^59 hashes, unlike a password whose low entropy would call for a slow hash; online guessing is capped by
 * the second-factor lockout. The user id is mixed in so one stolen table cannot be attacked as a single pool of
 * every user's codes at once (which would cut the work by the number of codes stored).
 */
export function hashRecoveryCode(userId: string, normalizedCode: string): string {
  return createHash('sha256').update(`${userId}:${normalizedCode}`).digest('hex');
}
