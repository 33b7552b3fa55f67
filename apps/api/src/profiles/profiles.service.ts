import { Inject, Injectable } from '@nestjs/common';
import { ANONYMOUS } from '../access/actor';
import { summaryOf } from '../blueprints/blueprint-views';
import { decodeCursor, encodeCursor, parseLimit } from '../blueprints/catalog.service';
import type { BlueprintPage } from '../blueprints/dto/blueprint-responses.dto';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Profile } from './profiles.dto';
import { ProfileNotFoundError } from './profiles.errors';
import type { Ownership } from '../access/permissions';
import { ProfilesRepository } from './profiles.repository';

/**
 * Wider than the handle and slug rules (which the users and organizations capabilities enforce): anything outside it
 * cannot name an account, so it is answered 404 without a query — long, non-ASCII or path-like input included.
 */
const HANDLE_SHAPE = /^[a-z0-9](?:[a-z0-9-]{0,62})$/;

/** The lookup key of `/profiles/:handle`: case-insensitive, an optional leading `@` (as in `/@ada`). */
function handleKey(raw: string): string | null {
  const handle = raw.replace(/^@/, '').toLowerCase();
  return HANDLE_SHAPE.test(handle) ? handle : null;
}

/** Public profiles of users and organizations: `/@handle`. Everything shown is what the public may already see. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly repository: ProfilesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async profile(raw: string): Promise<Profile> {
    const { owner, view } = await this.resolve(raw);
    const counts = await this.repository.counts(owner);
    return { ...view, counts, profileUrl: `${this.config.http.appUrl}/@${view.handle}` };
  }

  async blueprints(raw: string, cursor: string | undefined, rawLimit: string | undefined): Promise<BlueprintPage> {
    const limit = parseLimit(rawLimit);
    const { owner, view } = await this.resolve(raw);
    // Bound to the account, so a cursor from another profile (or the catalogue) is refused, not misread.
    const scope = `profile:${view.kind}:${owner.organizationId ?? owner.ownerId}`;
    const after = decodeCursor(scope, cursor, 'timestamp');
    const rows = await this.repository.listed(owner, {
      limit: limit + 1,
      after: after ? { publishedAt: new Date(after.value), id: after.id } : undefined,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      // Read as anyone would, whoever asks: the answer is shared (cached) and a profile is never a member's view.
      items: page.map((row) => summaryOf(row, this.config.instance.domain, ANONYMOUS)),
      nextCursor:
        rows.length > limit && last?.firstPublishedAt
          ? encodeCursor(scope, { value: last.firstPublishedAt.toISOString(), id: last.id })
          : null,
    };
  }

  /** The account a handle names, for other capabilities' public per-account documents (agent-skills discovery). */
  async ownerOf(raw: string): Promise<Ownership> {
    return (await this.resolve(raw)).owner;
  }

  /** The account a handle names, with its public name and profile URL (no counts: those cost queries). */
  async identityOf(raw: string): Promise<{ owner: Ownership; handle: string; name: string; profileUrl: string }> {
    const { owner, view } = await this.resolve(raw);
    return { owner, handle: view.handle, name: view.name, profileUrl: `${this.config.http.appUrl}/@${view.handle}` };
  }

  /** Users first, then organizations: the database keeps the two namespaces disjoint, so at most one answers. */
  private async resolve(raw: string): Promise<{ owner: Ownership; view: Omit<Profile, 'counts' | 'profileUrl'> }> {
    const handle = handleKey(raw);
    if (!handle) throw new ProfileNotFoundError();
    const user = await this.repository.userByHandle(handle);
    if (user) {
      return {
        owner: { ownerId: user.id, organizationId: null },
        view: {
          kind: 'user',
          handle: user.handle,
          name: user.displayName,
          bio: user.bio,
          avatarUrl: user.avatarUrl,
          websiteUrl: null,
          createdAt: user.createdAt.toISOString(),
        },
      };
    }
    const organization = await this.repository.organizationBySlug(handle);
    if (!organization) throw new ProfileNotFoundError();
    return {
      owner: { ownerId: null, organizationId: organization.id },
      view: {
        kind: 'organization',
        handle: organization.slug,
        name: organization.name,
        bio: organization.description,
        avatarUrl: organization.avatarUrl,
        websiteUrl: organization.websiteUrl,
        createdAt: organization.createdAt.toISOString(),
      },
    };
  }
}
