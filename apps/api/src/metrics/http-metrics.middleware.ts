import type { NextFunction, Request, Response } from 'express';
import { routePathOf } from '../common/http/route-template';
import type { MetricsService } from './metrics.service';

/** Labels by route template (`/api/v1/blueprints/:id`), never by raw path, so label cardinality stays bounded. */
export function httpMetricsMiddleware(metrics: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const stopTimer = metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const route = routePathOf(request);
      stopTimer({ method: request.method, route });
      metrics.httpRequests.inc({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  };
}
