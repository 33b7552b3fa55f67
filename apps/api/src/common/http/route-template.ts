import type { Request } from 'express';

/**
 * `/api/v1/blueprints/:id`, never the raw path: what metrics label by and rate limits count per, so neither grows
 * with the number of ids. Read once routing has matched (in a guard, or when the response finishes).
 */
export function routePathOf(request: Request): string {
  const routePath = (request.route as { path?: string } | undefined)?.path;
  return routePath ? `${request.baseUrl}${routePath}` : 'unmatched';
}
