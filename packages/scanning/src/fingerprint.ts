import { createHash, createHmac } from 'node:crypto';

/**
 * Finding id: the first 16 hex digits of SHA-256 (or HMAC-SHA-256 with a key) over the rule, the matched text and
 * its occurrence number among identical matches. Editing elsewhere in the document keeps the id; changing the
 * matched text or its rule makes a new one, so an acknowledgement never carries over to a different secret.
 */
export function findingFingerprint(rule: string, matchedText: string, occurrence: number, key?: string): string {
  const input = `${rule}\u0000${matchedText}\u0000${occurrence}`;
  const hash = key ? createHmac('sha256', key) : createHash('sha256');
  return hash.update(input, 'utf8').digest('hex').slice(0, 16);
}
