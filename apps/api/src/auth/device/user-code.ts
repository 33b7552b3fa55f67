import { createHmac, randomInt } from 'node:crypto';

// Consonants only: no vowels (no words), no look-alikes such as 0/O or 1/I (RFC 8628 §6.1).
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
export const USER_CODE_LENGTH = 8;
const USER_CODE_PATTERN = new RegExp(`^[${USER_CODE_ALPHABET}]{${USER_CODE_LENGTH}}$`);

/** 8 characters of a 20-letter alphabet: about 34.6 bits, plenty for a 10-minute code behind a lookup limit. */
export function generateUserCode(): string {
  let code = '';
  for (let index = 0; index < USER_CODE_LENGTH; index += 1) {
    code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  }
  return code;
}

/** What people type, read back: case, spaces and hyphens do not matter. Undefined when it cannot be a code. */
export function normalizeUserCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return USER_CODE_PATTERN.test(code) ? code : undefined;
}

/** XXXX-XXXX, as shown to people. */
export function formatUserCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What is stored for a user code. A plain SHA-256 of 35 bits is reversed in seconds, and a salted slow hash could not
 * be looked up, so it is an HMAC under the server secret: a copy of the database alone reveals no pending code.
 */
export function userCodeDigest(code: string, secret: string): string {
  return createHmac('sha256', secret).update(`device-user-code:${code}`).digest('hex');
}
