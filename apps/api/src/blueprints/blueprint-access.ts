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

export interface ReadAccess {
  /** The caller may see drafts and write. */
  isOwner: boolean;
  /** The version this caller reads. */
  version: number;
}

/**
 * The one rule for reading a blueprint, used by every route (web, API token, export, render, fork):
 * - the owner reads the draft (a `production` API token reads the published version, as does `prefer: 'published'`);
 * - anyone else reads the published version of a public or unlisted blueprint;
 * - everything else is "not found", never "forbidden", so a private blueprint's existence does not leak.
 * An API token counts as its owner only with the blueprints:read scope.
 */
export function readAccess(
  blueprint: AccessSubject | null,
  principal: Principal | undefined,
  prefer?: 'published' | 'draft',
): ReadAccess {
  if (!blueprint || blueprint.deletedAt) throw new BlueprintNotFoundError();
  if (isOwner(blueprint, principal)) {
    const wantsPublished =
      prefer === 'published' ||
      (prefer === undefined && principal?.kind === 'token' && principal.environment === 'production');
    if (wantsPublished) {
      if (blueprint.publishedVersion === null) throw new BlueprintNotFoundError();
      return { isOwner: true, version: blueprint.publishedVersion };
    }
    return { isOwner: true, version: blueprint.headVersion };
  }
  if (!readableByOthers(blueprint) || blueprint.publishedVersion === null) throw new BlueprintNotFoundError();
  return { isOwner: false, version: blueprint.publishedVersion };
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

/** The user whose blueprints this principal reads as their owner (see isOwner), if any. */
export function ownerReaderOf(principal: Principal | undefined): string | undefined {
  return principal && isOwner({ ownerId: principal.userId }, principal) ? principal.userId : undefined;
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

export function isOwner(blueprint: Pick<AccessSubject, 'ownerId'>, principal: Principal | undefined): boolean {
  if (!principal || principal.userId !== blueprint.ownerId) return false;
  if (principal.kind === 'session') return principal.state === 'active';
  return principal.scopes.includes('blueprints:read') || principal.scopes.includes('blueprints:write');
}

/** Versions a non-owner may list and view: the published ones. */
export function mayReadVersion(access: ReadAccess, version: { publishedAt: Date | null }): boolean {
  return access.isOwner || version.publishedAt !== null;
}
