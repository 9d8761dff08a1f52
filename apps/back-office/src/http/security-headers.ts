import { CONSOLE_PATH, consoleContentSecurityPolicy } from '../console/serve-console';
import type { NextFunction, Request, Response } from 'express';

/**
 * The response headers a government service sends on every answer (no framework needed for six
 * headers); the console's policy names the identity provider officers sign in at, if any.
 */
export function securityHeadersWith(identityProvider: string | undefined) {
  return (request: Request, response: Response, next: NextFunction): void => {
    setSecurityHeaders(request, response, identityProvider);
    next();
  };
}

function setSecurityHeaders(request: Request, response: Response, identityProvider?: string): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // Swagger UI needs its own inline styles and scripts; the console has its own policy (ADR 30); the
  // API itself serves no page.
  const docs = request.path.startsWith('/docs');
  const console = request.path === CONSOLE_PATH || request.path.startsWith(`${CONSOLE_PATH}/`);
  response.setHeader(
    'Content-Security-Policy',
    docs
      ? "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:"
      : console
        ? consoleContentSecurityPolicy(identityProvider)
        : "default-src 'none'; frame-ancestors 'none'",
  );
  if (!docs && !console) response.setHeader('Cache-Control', 'no-store');
}
