import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { HttpProblem, problem } from '../http/problem';

export const CONSOLE_PATH = '/console';

/**
 * The console's Content-Security-Policy: its own scripts only, no inline script, and connections to
 * this service alone (plus the identity provider when officers sign in through one). Mantine sets
 * style attributes, hence 'unsafe-inline' for styles only.
 */
export function consoleContentSecurityPolicy(identityProvider?: string): string {
  const provider = identityProvider ? ` ${new URL(identityProvider).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${provider}`,
    `form-action 'self'${provider}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Serves the built console at /console: hashed assets cached for a year, every other address of the
 * console answered with its index.html (the console routes in the browser). Without a build, the
 * console answers 503 with what to run, and the API is unaffected.
 */
export function serveConsole(app: NestExpressApplication, directory: string): void {
  const index = join(directory, 'index.html');
  const assets = express.static(directory, {
    index: false,
    // /console itself is the page (the router's basename), not a redirect to /console/.
    redirect: false,
    fallthrough: true,
    setHeaders(response, path) {
      response.setHeader(
        'Cache-Control',
        path.includes(`${join(directory, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use(CONSOLE_PATH, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (!existsSync(index)) {
      return next(
        new HttpProblem(
          problem(503, 'CONSOLE.NOT_BUILT', 'The console is not built', `No ${index}: run \`npm run build\` first`),
        ),
      );
    }
    assets(request, response, () => {
      // A missing asset is a 404, not the page: a stale tab must not run HTML as a script.
      if (request.path.startsWith('/assets/')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.type('html').send(readFileSync(index));
    });
  });
}
