import type { NextFunction, Request, Response } from 'express';

/** The response headers a government service sends on every answer (no framework needed for six headers). */
export default function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // Swagger UI needs its own inline styles and scripts; the API itself serves none.
  const ui = request.path.startsWith('/docs');
  response.setHeader(
    'Content-Security-Policy',
    ui
      ? "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:"
      : "default-src 'none'; frame-ancestors 'none'",
  );
  if (!ui) response.setHeader('Cache-Control', 'no-store');
  next();
}
