import type { RequestHandler, Response } from 'express';
import type { FaultState, FaultVendor } from './admin/fault-state.ts';
import { requestKey, vendorOfPath, type RequestCounts } from './admin/request-counts.ts';
import { writeResponse } from './api/express-adapter.ts';
import { serviceUnavailable, tooManyRequests } from './api/genesys-cloud/gc-errors.ts';
import type { HttpMethod } from './api/http-types.ts';
import type { Router } from './api/router.ts';

const NOTIFICATIONS = '/statistics/v3/notifications';

/** Each API fails in its own dialect: Web Services envelope, OAuth error, a page for the browser, or the v3 envelope. */
function sendEngage503(path: string, res: Response): void {
  res.status(503).setHeader('retry-after', '1');
  if (path.startsWith('/api/v2/') || path.startsWith('/api/v1/')) res.json({ statusCode: 4, statusMessage: 'Service unavailable (injected fault)' });
  else if (path === '/auth/v3/oauth/token') res.json({ error: 'temporarily_unavailable', error_description: 'injected fault' });
  else if (path === '/auth/v3/oauth/authorize') res.type('text/plain').send('Service unavailable (injected fault)');
  else res.json({ status: { code: 503, message: 'Service unavailable (injected fault)' } });
}

function send503(vendor: FaultVendor, path: string, res: Response): void {
  switch (vendor) {
    case 'genesys-v3':
    case 'gws':
      sendEngage503(path, res);
      return;
    case 'genesys-cloud':
      if (path.startsWith('/genesys-cloud/login/oauth/token')) {
        res.status(503).setHeader('retry-after', '1');
        res.json({ error: 'temporarily_unavailable', error_description: 'injected fault' });
      } else if (path.startsWith('/genesys-cloud/login/')) {
        res.status(503).type('text/plain').send('Service unavailable (injected fault)');
      } else {
        writeResponse(res, serviceUnavailable());
      }
      return;
    case '8x8':
      res.status(503).setHeader('retry-after', '1');
      res.type('text/plain').send('Service Unavailable');
      return;
  }
}

export interface FaultMiddlewareOptions {
  /** Tells the route pattern of a request answered here, for the request counts. */
  readonly router?: Router;
  readonly requests?: RequestCounts;
}

/**
 * Injected faults for the vendor facades (never the admin API), per vendor: added latency on every
 * call (CometD included), a share of REST calls answered 503, a facade that is down (503 on every
 * route, notifications included), and Genesys Cloud's rate limit per token (429 + Retry-After).
 * Requests answered here are counted as the routes count the ones they answer; CometD messages too.
 */
export function faultMiddleware(faults: FaultState, options: FaultMiddlewareOptions = {}): RequestHandler {
  const { router, requests } = options;
  return (req, res, next) => {
    const path = req.path;
    const owner = vendorOfPath(path);
    if (!owner) return next();
    const { vendor } = owner;
    const notifications = path === NOTIFICATIONS || path.startsWith(`${NOTIFICATIONS}/`);
    const countHere = (): void => {
      if (!requests) return;
      if (notifications) requests.count(vendor, `${req.method} ${NOTIFICATIONS}`);
      else {
        const found = router?.match(req.method as HttpMethod, path);
        if (found) requests.count(vendor, requestKey(req.method, found.route.path, owner.root));
      }
    };
    const proceed = (): void => {
      if (faults.isDown(vendor) || (!notifications && faults.shouldFailFor(vendor))) {
        countHere();
        send503(vendor, path, res);
        return;
      }
      const caller = req.headers.authorization;
      if (vendor === 'genesys-cloud' && caller !== undefined) {
        const admitted = faults.admit(vendor, caller);
        if (!admitted.ok) {
          countHere();
          writeResponse(res, tooManyRequests(admitted.retryAfterSec));
          return;
        }
      }
      // CometD is not a route of the router: it is counted here, routes count themselves.
      if (notifications) countHere();
      next();
    };
    const { latencyMs } = faults.forVendor(vendor);
    if (latencyMs > 0) setTimeout(proceed, latencyMs);
    else proceed();
  };
}
