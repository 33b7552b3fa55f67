import { ApiPaymentRequiredResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../common/errors/error-envelope';

/** Documents the 402 a plan's limit answers on a route (billing on only): which limit, and the details it carries. */
export const ApiPlanLimitResponse = (what: string) =>
  ApiPaymentRequiredResponse({
    type: ErrorResponse,
    description:
      `PLAN_LIMIT_REACHED (only when billing is on): ${what}. details: limit, plan, allowed, used, wanted, ` +
      'upgradeUrl',
  });
