/**
 * Where to send the browser after a provider sign-in: only a path on our own origin, so `returnTo` can never be
 * used to bounce someone to another site (open redirect). Anything doubtful becomes `/`.
 */
export function safeReturnTo(value: unknown, appUrl: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) return '/';
  // `//host` and `/\host` are scheme-relative to browsers; control characters are stripped by URL parsers.
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if ([...value].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)) return '/';
  const base = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(value, base.origin);
  } catch {
    return '/';
  }
  if (target.origin !== base.origin) return '/';
  // The API itself is never a page to come back to.
  if (target.pathname === '/api' || target.pathname.startsWith('/api/')) return '/';
  return `${target.pathname}${target.search}${target.hash}`;
}
