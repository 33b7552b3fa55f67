import { readsDrafts, type Actor } from '../access/actor';
import { can, sharedWithEveryone, type Ownership } from '../access/permissions';
import { BlueprintNotFoundError } from './blueprints.errors';

export { sharedWithEveryone };

/** The fields of a blueprint that decide who may read which of its versions. */
export interface AccessSubject extends Ownership {
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
  /** The caller reads as an owner (the user, or an organization's authors): private content and withheld versions. */
  isOwner: boolean;
  /** The caller may read versions that were never published (drafts). */
  readsDrafts: boolean;
  /** The version this caller reads. */
  version: number;
}

/**
 * The one rule for reading a blueprint, used by every route (web, API token, export, render, download, fork,
 * hierarchy archive). `can` decides who reads as an owner (`content.read-drafts`) and who may read the published
 * version (`content.read`: public and unlisted for everyone, `team` for the organization's members). An owner's
 * session and `development` tokens read the draft (`prefer: 'published'` asks for the published version);
 * `production` tokens read only published versions. Anyone else reads the published version, and of its history only
 * the versions that were published and are not withheld by the secret policy. Everything else is "not found", never
 * "forbidden", so a private blueprint's existence does not leak.
 */
export function readAccess(blueprint: AccessSubject | null, actor: Actor, prefer?: 'published' | 'draft'): ReadAccess {
  if (!blueprint || blueprint.deletedAt) throw new BlueprintNotFoundError();
  if (readsAsOwner(blueprint, actor)) {
    const drafts = readsDrafts(actor);
    if (!drafts || prefer === 'published') {
      if (blueprint.publishedVersion === null) throw new BlueprintNotFoundError();
      return { isOwner: true, readsDrafts: drafts, version: blueprint.publishedVersion };
    }
    return { isOwner: true, readsDrafts: drafts, version: blueprint.headVersion };
  }
  if (!readableBy(blueprint, actor) || blueprint.publishedVersion === null) throw new BlueprintNotFoundError();
  return { isOwner: false, readsDrafts: false, version: blueprint.publishedVersion };
}

/**
 * What a write answers with: the blueprint as it now stands, its latest draft included, for whoever was allowed to
 * make the write (whatever a token's environment; see docs/authentication.md).
 */
export function writerAccess(blueprint: AccessSubject): ReadAccess {
  return { isOwner: true, readsDrafts: true, version: blueprint.headVersion };
}

/** Whether this actor may read the published version (everyone's visibilities, and `team` for members). */
export function readableBy(
  blueprint: Pick<AccessSubject, 'visibility' | 'publishedVersion' | 'deletedAt'> & Ownership,
  actor: Actor,
): boolean {
  return (
    blueprint.deletedAt === null &&
    blueprint.publishedVersion !== null &&
    can(actor, 'content.read', { type: 'content', ...ownershipOf(blueprint), visibility: blueprint.visibility })
  );
}

/**
 * Whether a reader may learn this blueprint's id from another one that points at it (a fork's attribution): only
 * when they could find it anyway, because it is listed or they read it as an owner. An unlisted blueprint's id is its
 * capability (whoever knows it reads it), so nothing else may reveal it.
 */
export function findableBy(
  blueprint: Ownership & { listed: boolean; deletedAt: Date | null; visibility: string },
  actor: Actor,
): boolean {
  return blueprint.deletedAt === null && (blueprint.listed || readsAsOwner(blueprint, actor));
}

/** Reads as an owner: the user, an organization's authors, or a token of theirs with `blueprints:read`. */
export function readsAsOwner(blueprint: Ownership & { visibility: string }, actor: Actor): boolean {
  return can(actor, 'content.read-drafts', {
    type: 'content',
    ...ownershipOf(blueprint),
    visibility: blueprint.visibility,
  });
}

/** Just the owner fields, so a whole row is never spread into a resource. */
export function ownershipOf(owned: Ownership): Ownership {
  return { ownerId: owned.ownerId, organizationId: owned.organizationId };
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
