import type { RequestHandler, Response } from 'express';
import type { FaultState } from './admin/fault-state.ts';

const FAULTY_PREFIXES = ['/auth/v3/', '/statistics/v3/', '/api/v2/'];
const NOTIFICATIONS = '/statistics/v3/notifications';

/** Each API fails in its own dialect: Web Services envelope, OAuth error, a page for the browser, or the v3 envelope. */
function sendInjected503(path: string, res: Response): void {
  res.status(503).setHeader('retry-after', '1');
  if (path.startsWith('/api/v2/')) res.json({ statusCode: 4, statusMessage: 'Service unavailable (injected fault)' });
  else if (path === '/auth/v3/oauth/token') res.json({ error: 'temporarily_unavailable', error_description: 'injected fault' });
  else if (path === '/auth/v3/oauth/authorize') res.type('text/plain').send('Service unavailable (injected fault)');
  else res.json({ status: { code: 503, message: 'Service unavailable (injected fault)' } });
}

/**
 * Injected faults for the vendor APIs (never the admin API): added latency on every call,
 * CometD included, and a share of REST calls answered 503.
 */
export function faultMiddleware(faults: FaultState): RequestHandler {
  return (req, res, next) => {
    const path = req.path;
    if (!FAULTY_PREFIXES.some((p) => path.startsWith(p))) return next();
    const { latencyMs } = faults.get();
    const proceed = (): void => {
      if (!path.startsWith(NOTIFICATIONS) && faults.shouldFail()) {
        sendInjected503(path, res);
        return;
      }
      next();
    };
    if (latencyMs > 0) setTimeout(proceed, latencyMs);
    else proceed();
  };
}
