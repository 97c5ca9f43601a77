import type { RequestHandler } from 'express';
import type { FaultState } from './admin/fault-state.ts';

const FAULTY_PREFIXES = ['/auth/v3/', '/statistics/v3/', '/api/v2/'];
const NOTIFICATIONS = '/statistics/v3/notifications';

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
        res.status(503).json({ status: { code: 503, message: 'Service unavailable (injected fault)' } });
        return;
      }
      next();
    };
    if (latencyMs > 0) setTimeout(proceed, latencyMs);
    else proceed();
  };
}
