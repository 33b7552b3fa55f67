import { Injectable } from '@nestjs/common';
import type { Ownership } from '../access/permissions';
import { accountOfOwner } from '../billing/billing-account';
import { PlanLimitReachedError } from '../billing/billing.errors';
import { EntitlementService, limitOf } from '../billing/entitlements.service';
import { ownershipOf } from './blueprint-access';
import { VersionNotFoundError } from './blueprints.errors';

/** The fields of a blueprint that place its history window. */
export interface HistorySubject extends Ownership {
  headVersion: number;
  publishedVersion: number | null;
}

/**
 * Which of a blueprint's versions its owner's plan lists (`versionHistory`): the newest N by number, plus the
 * published version (what the blueprint shows is never hidden). Older ones are held back, not deleted: an upgrade
 * lists them again.
 */
export class HistoryWindow {
  constructor(
    private readonly blueprint: HistorySubject,
    /** Versions numbered below this are held back; null: every version is listed. */
    private readonly floor: number | null,
    private readonly refusal?: { plan: string; keep: number; upgradeUrl: () => Promise<string> },
  ) {}

  heldBack(number: number): boolean {
    return this.floor !== null && number < this.floor && number !== this.blueprint.publishedVersion;
  }

  /**
   * Refuses a held-back version asked for by number: the owner hears 402 PLAN_LIMIT_REACHED (an upgrade shows it
   * again); anyone else, who cannot change the owner's plan, hears that there is no such version.
   */
  async assertListed(number: number, isOwner: boolean): Promise<void> {
    if (!this.heldBack(number)) return;
    if (!isOwner || !this.refusal) throw new VersionNotFoundError(number);
    const { plan, keep, upgradeUrl } = this.refusal;
    const url = await upgradeUrl();
    throw new PlanLimitReachedError(
      {
        limit: 'versionHistory',
        plan,
        allowed: keep,
        used: this.blueprint.headVersion,
        wanted: this.blueprint.headVersion - number + 1,
        version: number,
        upgradeUrl: url,
      },
      `The ${plan} plan lists the newest ${keep} versions of a blueprint; version ${number} is older and held ` +
        `back (nothing was deleted). Upgrade at ${url} to see it again`,
    );
  }
}

@Injectable()
export class VersionHistory {
  constructor(private readonly entitlements: EntitlementService) {}

  async window(blueprint: HistorySubject): Promise<HistoryWindow> {
    const account = accountOfOwner(ownershipOf(blueprint));
    const current = await this.entitlements.planOf(account);
    const keep = current ? limitOf(current, 'versionHistory') : null;
    if (!current || keep === null) return new HistoryWindow(blueprint, null);
    // The head version is the blueprint itself: a plan keeps at least that one.
    const kept = Math.max(1, keep);
    const floor = blueprint.headVersion > kept ? blueprint.headVersion - kept + 1 : null;
    return new HistoryWindow(blueprint, floor, {
      plan: current.plan.name,
      keep: kept,
      upgradeUrl: () => this.entitlements.upgradeUrl(account),
    });
  }
}
