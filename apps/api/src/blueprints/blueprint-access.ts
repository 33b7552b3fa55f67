import type { Principal } from '../auth/principal';
import { BlueprintNotFoundError } from './blueprints.errors';

/** The fields of a blueprint that decide who may read which of its versions. */
export interface AccessSubject {
  ownerId: string;
  visibility: string;
  headVersion: number;
  publishedVersion: number | null;
  deletedAt: Date | null;
}

/** The fields of a version that decide who may read it. */
export interface VersionSubject {
  publishedAt: Date | null;
  withheldAt: Date | null;
}

export interface ReadAccess {
  /** The caller reads as the owner: private blueprints and withheld versions. */
  isOwner: boolean;
  /** The caller may read versions that were never published (drafts). */
  readsDrafts: boolean;
  /** The version this caller reads. */
  version: number;
}

/**
 * The one rule for reading a blueprint, used by every route (web, API token, export, render, download, fork,
 * hierarchy archive):
 * - the owner's active session reads the draft (`prefer: 'published'` asks for the published version);
 * - the owner's API token needs `blueprints:read`: a `development` token reads like the session, a `production` token
 *   reads only published versions, whatever it asks for;
 * - anyone else reads the published version of a public or unlisted blueprint, and of its history only the versions
 *   that were published and are not withheld by the secret policy;
 * - everything else is "not found", never "forbidden", so a private blueprint's existence does not leak.
 */
export function readAccess(
  blueprint: AccessSubject | null,
  principal: Principal | undefined,
  prefer?: 'published' | 'draft',
): ReadAccess {
  if (!blueprint || blueprint.deletedAt) throw new BlueprintNotFoundError();
  if (readsAsOwner(blueprint, principal)) {
    const readsDrafts = principalReadsDrafts(principal);
    if (!readsDrafts || prefer === 'published') {
      if (blueprint.publishedVersion === null) throw new BlueprintNotFoundError();
      return { isOwner: true, readsDrafts, version: blueprint.publishedVersion };
    }
    return { isOwner: true, readsDrafts, version: blueprint.headVersion };
  }
  if (!readableByOthers(blueprint) || blueprint.publishedVersion === null) throw new BlueprintNotFoundError();
  return { isOwner: false, readsDrafts: false, version: blueprint.publishedVersion };
}

/**
 * What a write answers with: the blueprint as it now stands, its latest draft included, for whoever was allowed to
 * make the write (whatever a token's environment; see docs/authentication.md).
 */
export function writerAccess(blueprint: AccessSubject): ReadAccess {
  return { isOwner: true, readsDrafts: true, version: blueprint.headVersion };
}

/** Visibilities whose published version anyone may read (by id; only `public` is also listed). */
export function sharedWithEveryone(visibility: string): boolean {
  return visibility === 'public' || visibility === 'unlisted';
}

/** Whether someone other than the owner may read this blueprint at all. */
export function readableByOthers(
  blueprint: Pick<AccessSubject, 'visibility' | 'publishedVersion' | 'deletedAt'>,
): boolean {
  return (
    blueprint.deletedAt === null && sharedWithEveryone(blueprint.visibility) && blueprint.publishedVersion !== null
  );
}

/** The user whose blueprints this principal reads as their owner (see readsAsOwner), if any. */
export function ownerReaderOf(principal: Principal | undefined): string | undefined {
  return principal && readsAsOwner({ ownerId: principal.userId }, principal) ? principal.userId : undefined;
}

/**
 * Whether a reader may learn this blueprint's id from another one that points at it (a fork's attribution): only
 * when they could find it anyway, because it is listed or theirs. An unlisted blueprint's id is its capability
 * (whoever knows it reads it), so nothing else may reveal it.
 */
export function findableBy(
  blueprint: { listed: boolean; ownerId: string; deletedAt: Date | null },
  readerId: string | undefined,
): boolean {
  return (
    blueprint.deletedAt === null && (blueprint.listed || (readerId !== undefined && blueprint.ownerId === readerId))
  );
}

/** The owner, reading: an active session, or a token with `blueprints:read` (write-only tokens read like anyone). */
export function readsAsOwner(blueprint: Pick<AccessSubject, 'ownerId'>, principal: Principal | undefined): boolean {
  if (!principal || principal.userId !== blueprint.ownerId) return false;
  if (principal.kind === 'session') return principal.state === 'active';
  return principal.scopes.includes('blueprints:read');
}

/** The owner, writing: an active session, or a token with `blueprints:write`. */
export function writesAsOwner(blueprint: Pick<AccessSubject, 'ownerId'>, principal: Principal | undefined): boolean {
  if (!principal || principal.userId !== blueprint.ownerId) return false;
  if (principal.kind === 'session') return principal.state === 'active';
  return principal.scopes.includes('blueprints:write');
}

/** Sessions and `development` tokens read drafts; `production` tokens read published versions only. */
function principalReadsDrafts(principal: Principal | undefined): boolean {
  return principal?.kind === 'session' || (principal?.kind === 'token' && principal.environment === 'development');
}

/**
 * Which versions of a blueprint this caller may list, view and diff: all of them for a reader of drafts; otherwise
 * the published ones, and for anyone but the owner only those the secret policy does not withhold.
 */
export function mayReadVersion(access: ReadAccess, version: VersionSubject): boolean {
  if (access.readsDrafts) return true;
  if (version.publishedAt === null) return false;
  return access.isOwner || version.withheldAt === null;
}
