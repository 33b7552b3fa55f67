/**
 * What must never reach a log line. Keys that name credentials are replaced wholesale; emails and phone numbers are
 * masked inside any string, including URLs and messages.
 */
const sensitiveKey =
  /authorization|cookie|token|secret|password|passwd|api[-_]?key|private[-_]?key|^key$|credential|session|signature|otp|code_verifier/i;
// Matches start only where a run of local-part characters starts, and local parts are at most 64 characters: without
// both, a long run without '@' (a pasted blueprint, a base64 blob) makes the search quadratic.
const emailPattern =
  /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}/g;
// International numbers (+…) and the common North American (555) 123-4567 form; bare digit runs stay, as they are
// usually ids, counts or timestamps.
const phonePattern = /\+\d{1,3}[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}\b|\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b/g;
const bearerPattern = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

export const REDACTED = '[redacted]';

export function maskString(value: string): string {
  return value
    .replace(bearerPattern, `$1 ${REDACTED}`)
    .replace(emailPattern, (_match, first: string) => `${first}***@***`)
    .replace(phonePattern, '[phone]');
}

/** Masks query values whose names look like credentials (magic-link tokens, codes), then emails and phones. */
export function maskUrl(rawUrl: string): string {
  // The device grant's user code travels in the path (/api/v1/auth/device/requests/<code>/approve).
  // So does an organization invitation's token (/invitations/<token>, API and web page); invitation ids stay.
  const url = rawUrl
    .replace(/(\/auth\/device\/requests\/)[^/?#]+/i, `$1${REDACTED}`)
    .replace(
      /(\/invitations\/)(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:[/?#]|$))[^/?#]+/gi,
      `$1${REDACTED}`,
    );
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return maskString(url);
  const params = new URLSearchParams(url.slice(queryStart + 1));
  const masked = new URLSearchParams();
  // Values are decoded before masking: an encoded email (a%40b.org) must not slip past the pattern.
  for (const [key, value] of params) {
    masked.append(key, sensitiveKey.test(key) || /^(t|code|state|nonce)$/i.test(key) ? REDACTED : maskString(value));
  }
  return `${maskString(url.slice(0, queryStart))}?${masked.toString()}`;
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskString(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: maskString(value.message), stack: value.stack && maskString(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    result[key] = sensitiveKey.test(key) ? REDACTED : redactValue(inner, depth + 1);
  }
  return result;
}
