/** C0 and C1 controls, and the Unicode line/paragraph separators: URL parsers drop or rewrite them. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;
/** A slash or backslash written as a percent escape: no page of ours has one, and a decoding router would see `//`. */
const ENCODED_SLASH = /%(2f|5c)/i;

/**
 * Where to send the browser after a provider sign-in: only a path on our own origin, so `returnTo` can never be
 * used to bounce someone to another site (open redirect). Anything doubtful becomes `/`.
 *
 * The value is resolved against our origin by the WHATWG URL parser (the one browsers use) and the *normalised*
 * path is what we return, so tricks that only become `//host` after dot segments are resolved (`/.//evil`,
 * `/a/../..//evil`) are judged by what the browser would finally follow.
 */
export function safeReturnTo(value: unknown, appUrl: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) return '/';
  // Only an absolute path: not a URL, not a relative path, and never a backslash (browsers read it as a slash).
  if (!value.startsWith('/') || value.includes('\\') || CONTROL_CHARACTERS.test(value)) return '/';
  const origin = new URL(appUrl).origin;
  let target: URL;
  try {
    target = new URL(value, origin);
  } catch {
    return '/';
  }
  if (target.origin !== origin) return '/';
  const path = target.pathname;
  // `//host` is scheme-relative wherever the result is used as a Location or a link.
  if (path.startsWith('//') || ENCODED_SLASH.test(path)) return '/';
  // The API itself is never a page to come back to.
  if (path === '/api' || path.startsWith('/api/')) return '/';
  return `${path}${target.search}${target.hash}`;
}
