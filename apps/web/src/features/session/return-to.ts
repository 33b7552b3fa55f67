/** C0 and C1 controls, and the Unicode line/paragraph separators: URL parsers drop or rewrite them. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;
/** A slash or backslash written as a percent escape: no page of ours has one, and a decoding router would see `//`. */
const ENCODED_SLASH = /%(2f|5c)/i;
/** Any origin will do to resolve a path: only whether the result stays on it matters. */
const BASE = 'https://app.invalid';

/**
 * Only paths on this site may be returned to after signing in: "//evil.example", "/.//evil.example" or "https://…"
 * would turn the sign-in page into an open redirect. The path is normalised the way the browser will (dot segments,
 * tabs and newlines), and the normalised form is what is returned. Same rules as the API's auth/oauth/return-to.ts.
 */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value || value.length > 1024 || !value.startsWith('/')) return fallback;
  if (value.includes('\\') || CONTROL_CHARACTERS.test(value)) return fallback;
  let target: URL;
  try {
    target = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const path = target.pathname;
  if (target.origin !== BASE || path.startsWith('//') || ENCODED_SLASH.test(path)) return fallback;
  // Never send someone back into the sign-in flow itself, nor to the API.
  if (path === '/sign-in' || path.startsWith('/sign-in/')) return fallback;
  if (path === '/api' || path.startsWith('/api/')) return fallback;
  return `${path}${target.search}${target.hash}`;
}

/** `/sign-in?returnTo=…` (or another sign-in step) for the given destination. */
export function signInPath(returnTo: string, step = '/sign-in'): string {
  const target = safeReturnTo(returnTo, '');
  return target && target !== '/' ? `${step}?returnTo=${encodeURIComponent(target)}` : step;
}

const STORAGE_KEY = 'lynxprompt.returnTo';

/**
 * The magic link is opened from the mail client, usually in a new tab, so the destination chosen before the mail was
 * sent is kept in localStorage for the page that follows the link.
 */
export function rememberReturnTo(returnTo: string): void {
  try {
    const target = safeReturnTo(returnTo, '');
    if (target) window.localStorage.setItem(STORAGE_KEY, target);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable: the link still signs in, it just lands on the home page.
  }
}

export function rememberedReturnTo(): string {
  try {
    return safeReturnTo(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return '/';
  }
}

export function forgetReturnTo(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget.
  }
}
