import { httpUrl } from '../../shared/safe-url';
import type { BlueprintSummary } from '../blueprints/api/blueprint-types';

/** The profile page of a user or an organization on this instance: `/@handle` (one namespace for both). */
export function profilePath(handle: string): string {
  return `/@${encodeURIComponent(handle)}`;
}

/**
 * The profile of a remote blueprint's author on its own instance, when the API gives one (`origin.authorProfileUrl`,
 * built by the server from the peer's verified origin) and it is an http(s) URL; otherwise undefined.
 */
export function remoteAuthorProfileUrl(origin: BlueprintSummary['origin']): string | undefined {
  if (origin.local) return undefined;
  // Optional in the contract until the blueprint views carry it (docs/blueprints.md, Authors).
  return httpUrl((origin as { authorProfileUrl?: string }).authorProfileUrl);
}
