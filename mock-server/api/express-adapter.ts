import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiResponse } from './http-types.ts';
import { buildApiRequest, MAX_BODY_BYTES } from './request-body.ts';
import { dispatch, type Router } from './router.ts';

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);

/** Reads the body up to the limit; past it the rest is discarded and the request marked too large. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<{ raw: string; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve({ raw: '', tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ raw: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge }));
    req.on('error', () => resolve({ raw: '', tooLarge }));
  });
}

export function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export function writeResponse(res: ServerResponse, response: ApiResponse): void {
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    res.setHeader(name, typeof value === 'string' ? value : [...value]);
  }
  res.statusCode = response.status;
  if (response.json !== undefined) {
    if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json;charset=utf-8');
    res.end(JSON.stringify(response.json));
  } else {
    res.end(response.text ?? '');
  }
}

/** Mounts a router's APIs on Express; paths the router does not serve fall through. */
export function routerMiddleware(router: Router): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const url = new URL(req.originalUrl, 'http://localhost');
    if (!router.serves(url.pathname) || !METHODS.has(req.method)) {
      next();
      return;
    }
    void (async () => {
      const { raw, tooLarge } = await readBody(req);
      const request = buildApiRequest({
        method: req.method,
        url,
        headers: headersOf(req),
        raw,
        tooLarge,
        origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
      });
      const response = await dispatch(router, request);
      if (!response) {
        next();
        return;
      }
      writeResponse(res, response);
    })().catch(next);
  };
}
