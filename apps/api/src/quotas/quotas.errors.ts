import { AppError } from '../common/errors/app-error';
import type { QuotaDemand, QuotaName } from './quotas.types';

const LABELS: Record<QuotaName, string> = {
  blueprints: 'blueprints you own',
  storageBytes: 'bytes your blueprints store (every version counts)',
  hierarchies: 'hierarchies you own',
  hierarchyMembers: 'blueprints in this hierarchy',
};

export class QuotaExceededError extends AppError {
  constructor(demand: QuotaDemand, limit: number, used: number) {
    super(
      'QUOTA_EXCEEDED',
      `Quota exceeded: ${LABELS[demand.quota]} may not exceed ${limit}; in use ${used}, this needs ${demand.wanted} ` +
        'more. Delete something first, or ask the instance operator for a higher limit',
      403,
      {
        quota: demand.quota,
        limit,
        used,
        wanted: demand.wanted,
        ...(demand.quota === 'hierarchyMembers' ? { hierarchyId: demand.hierarchyId } : {}),
      },
    );
  }
}
