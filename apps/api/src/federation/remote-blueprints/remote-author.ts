/**
 * A handle as LynxPrompt instances spell them (users and organizations share it): 2–39 letters, digits or single
 * inner hyphens. A peer's author handle that does not fit is not a path we would build a link from.
 */
const REMOTE_HANDLE = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,38}$/i;

/**
 * Where a remote blueprint's author has their profile: `/@handle` on the peer's own origin, the one its manifest was
 * verified at (peers.base_url) — never a URL the peer supplies, so a peer cannot make us link somewhere else. Null
 * when the peer published no handle (legacy peers), the handle is not one, or the origin is not http(s).
 */
export function remoteAuthorProfileUrl(peerBaseUrl: string, authorHandle: string | null): string | null {
  if (authorHandle === null || !REMOTE_HANDLE.test(authorHandle)) return null;
  let origin: URL;
  try {
    origin = new URL(peerBaseUrl);
  } catch {
    return null;
  }
  if (origin.protocol !== 'https:' && origin.protocol !== 'http:') return null;
  return `${origin.origin}/@${authorHandle.toLowerCase()}`;
}
