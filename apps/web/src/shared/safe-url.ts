/**
 * The URL as a link target when it is an absolute http(s) URL, otherwise undefined. Addresses that come from other
 * instances are untrusted: a `javascript:` or `data:` URL must never become a link.
 */
export function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
