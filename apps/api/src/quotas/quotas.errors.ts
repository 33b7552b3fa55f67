import { AppError } from '../common/errors/app-error';
import type { QuotaDemand } from './quotas.types';

export class QuotaExceededError extends AppError {
  constructor(demand: QuotaDemand, limit: number, used: number) {
    super(
      'QUOTA_EXCEEDED',
      `This would take your ${demand.quota} quota over its limit of ${limit} (in use: ${used}, wanted: ${demand.wanted})`,
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
