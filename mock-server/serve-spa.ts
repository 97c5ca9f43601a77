import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type RequestHandler } from 'express';

/**
 * The SPA's Content-Security-Policy: no inline script anywhere, so markup smuggled into an object
 * name can never run. Tailwind's build is a file; inline styles stay allowed for charts.
 */
export const SPA_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Serves the built SPA (when `dist/` exists) with index.html for every client-side route. */
export function serveSpa(distDir: string): RequestHandler[] {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    return [
      (_req, res) => {
        res.status(404).type('text/plain').send('The app is not built: run `npm run build` (or `npm start`, which builds it).');
      },
    ];
  }
  const headers: RequestHandler = (_req, res, next) => {
    res.setHeader('content-security-policy', SPA_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  };
  const fallback: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  };
  return [headers, express.static(root, { index: 'index.html', maxAge: '1h' }), fallback];
}
