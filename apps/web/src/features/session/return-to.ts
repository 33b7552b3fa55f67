/**
 * Only paths on this site may be returned to after signing in: "//evil.example" or "https://…" would turn the sign-in
 * page into an open redirect.
 */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Never send someone back into the sign-in flow itself.
  if (value === '/sign-in' || value.startsWith('/sign-in/') || value.startsWith('/sign-in?')) return fallback;
  return value;
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
