import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BillingDisabledError } from './billing.errors';

/**
 * Where every billing route lives: /api/v1/billing…, /api/v1/organizations/{slug}/billing… and /api/v1/admin/billing….
 * Case-insensitive and with or without a trailing slash, as Express routes them.
 */
const BILLING_PATHS = [
  /^\/api\/v1\/billing(?:\/|$)/i,
  /^\/api\/v1\/organizations\/[^/]+\/billing(?:\/|$)/i,
  /^\/api\/v1\/admin\/billing(?:\/|$)/i,
];

export function isBillingPath(path: string): boolean {
  return BILLING_PATHS.some((pattern) => pattern.test(path));
}

/**
 * With billing off, every billing route answers 404 BILLING_DISABLED, for everyone alike: mounted as app-level
 * middleware before authentication, so no session is looked up and no route layer is added (a Nest `forRoutes`
 * middleware would add one per route, which the route inventory and the metrics labels would then see).
 */
export function billingDisabledGate(): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    next(isBillingPath(request.path) ? new BillingDisabledError() : undefined);
  };
}
