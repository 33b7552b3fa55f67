import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../../audit/audit.service';
import { userIdOf, type Principal, type UserPrincipal } from '../../auth/principal';
import { requestContext } from '../../auth/sessions/session.service';
import { BlueprintNotFoundError } from '../../blueprints/blueprints.errors';
import { CacheInvalidationBus } from '../../http-cache/cache-invalidation-bus';
import { blueprintTag, CATALOGUE_TAG } from '../../http-cache/cache-tags';
import { AdminRequiredError } from '../../users/users.errors';
import { UsersService } from '../../users/users.service';
import { hostOf } from '../peers/domain-name';
import { PeersService } from '../peers/peers.service';
import { isRemoteBlueprintId } from './remote-blueprint-rules';
import type { RemoteBlueprintModeration } from './remote-blueprints.dto';
import { RemoteBlueprintsRepository, type RemoteBlueprintRow } from './remote-blueprints.repository';

/**
 * Other instances' blueprints as the crawler stored them. Read-only here: the crawler writes them, admins may only
 * hide them, and the peers service keeps `listed` in step with silencing and blocking (PeersService.enforcePolicy).
 */
@Injectable()
export class RemoteBlueprintsService {
  constructor(
    private readonly repository: RemoteBlueprintsRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly sharedResponses: CacheInvalidationBus,
    private readonly peers: PeersService,
  ) {}

  /**
   * The remote blueprint this caller may read, or null. A hidden one is readable by admins only; one of a silenced
   * peer stays readable by id (silence keeps it out of listings only); one of a blocked peer is about to be purged.
   */
  async findReadable(id: string, principal: Principal | undefined): Promise<RemoteBlueprintRow | null> {
    if (!isRemoteBlueprintId(id)) return null;
    const row = await this.repository.findById(id);
    if (!row || row.peer.status === 'blocked') return null;
    const userId = userIdOf(principal);
    if (row.hiddenAt && !(userId && (await this.isAdmin(userId)))) return null;
    return row;
  }

  async hide(request: Request, principal: UserPrincipal, id: string): Promise<RemoteBlueprintModeration> {
    const admin = await this.users.requireAdmin(principal.userId);
    if (!isRemoteBlueprintId(id) || !(await this.repository.hide(id, admin.id))) throw new BlueprintNotFoundError();
    return this.afterModeration(request, admin.id, id, 'federation.remote_blueprint_hidden');
  }

  async unhide(request: Request, principal: UserPrincipal, id: string): Promise<RemoteBlueprintModeration> {
    const admin = await this.users.requireAdmin(principal.userId);
    const row = isRemoteBlueprintId(id) ? await this.repository.findById(id) : null;
    if (!row) throw new BlueprintNotFoundError();
    const peerListed =
      row.peer.status !== 'blocked' && (await this.peers.verdict(hostOf(row.peer.domain))) === 'federate';
    await this.repository.unhide(id, peerListed);
    return this.afterModeration(request, admin.id, id, 'federation.remote_blueprint_unhidden');
  }

  private async afterModeration(
    request: Request,
    adminId: string,
    id: string,
    action: string,
  ): Promise<RemoteBlueprintModeration> {
    const row = await this.repository.findById(id);
    if (!row) throw new BlueprintNotFoundError();
    // Kept pages showing it go; an admin's rare decision also refreshes every listing, so an unhidden one is back at once.
    this.sharedResponses.invalidate([blueprintTag(id), CATALOGUE_TAG]);
    await this.audit.record(
      { type: 'user', id: adminId },
      action,
      { type: 'remote_blueprint', id },
      requestContext(request),
      { peer: row.peer.domain, canonicalUrl: row.canonicalUrl },
    );
    return { id, hidden: row.hiddenAt !== null, listed: row.listed, hiddenAt: row.hiddenAt?.toISOString() ?? null };
  }

  private async isAdmin(userId: string): Promise<boolean> {
    try {
      await this.users.requireAdmin(userId);
      return true;
    } catch (error) {
      if (error instanceof AdminRequiredError) return false;
      throw error;
    }
  }
}
