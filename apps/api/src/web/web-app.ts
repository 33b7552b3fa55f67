import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';

/** Paths that belong to the server; the SPA fallback must never answer them with HTML. */
const SERVER_PATHS = /^\/(api|\.well-known|metrics|nodeinfo|mcp)(\/|$)/;
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the built web app: content-hashed assets cached for a year, index.html never cached (so a deploy is picked
 * up at once), and index.html for client routes. Everything else falls through to the API's 404.
 */
export function webAppHandlers(distDir: string, logger: Logger): RequestHandler[] {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    logger.warn({ distDir }, 'the web app is not built; serving the API only (run npm run build)');
    return [];
  }
  // Rooted at distDir so request paths keep their /assets/ prefix; a missing asset is a 404, never index.html.
  const assets = express.static(distDir, {
    immutable: true,
    maxAge: ONE_YEAR_SECONDS * 1000,
    index: false,
    fallthrough: false,
  });
  const rootFiles = express.static(distDir, { index: false, maxAge: 3600 * 1000 });
  const spaFallback = (request: Request, response: Response, next: NextFunction) => {
    const wantsPage = request.method === 'GET' || request.method === 'HEAD';
    if (
      !wantsPage ||
      SERVER_PATHS.test(request.path) ||
      request.path.startsWith('/assets/') ||
      !request.accepts('html')
    ) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  };
  return [
    (request, response, next) => (request.path.startsWith('/assets/') ? assets(request, response, next) : next()),
    (request, response, next) =>
      SERVER_PATHS.test(request.path) || request.path === '/index.html' ? next() : rootFiles(request, response, next),
    spaFallback,
  ];
}
