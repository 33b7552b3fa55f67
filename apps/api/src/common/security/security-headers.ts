import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'publickey-credentials-create=(self)',
  'publickey-credentials-get=(self)',
].join(', ');

/**
 * A strict CSP: scripts and styles only from our own origin, no inline script anywhere. The interactive API docs
 * (Swagger UI) inject inline styles, so only their path gets 'unsafe-inline' for styles, never for scripts.
 */
export function securityHeaders(): RequestHandler[] {
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'https:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  };
  const common = {
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
    crossOriginResourcePolicy: { policy: 'same-origin' as const },
    hsts: false as const,
  };
  const site = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives } });
  const docs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] },
    },
  });
  return [
    (request: Request, response: Response, next: NextFunction) =>
      request.path.startsWith('/api/docs') ? docs(request, response, next) : site(request, response, next),
    (request: Request, response: Response, next: NextFunction) => {
      response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      // HSTS only means something over https; req.secure honours X-Forwarded-Proto only under TRUST_PROXY.
      if (request.secure) response.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
      next();
    },
  ];
}
