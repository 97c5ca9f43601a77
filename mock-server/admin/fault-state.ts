import { z } from 'zod';
import { createRateLimiter, type RateLimiter } from './rate-limiter.ts';

/**
 * Faults the admin API injects (docs/mock-server.md "Admin API"): a share of REST calls answered 5xx, added latency,
 * malformed notifications, and (mock additions) statistics the Statistics API refuses and CometD
 * connections that die silently. Faults name a vendor facade (`vendor`, absent: Genesys Engage, as
 * before vendors existed); `down` makes a facade answer 503 everywhere and `rateLimitPerMinute`
 * (Genesys Cloud) answers 429 past that many requests per minute per token.
 */
const VENDOR_NAMES = ['genesys-v3', 'genesys-cloud', '8x8', 'gws'] as const;
export type FaultVendor = (typeof VENDOR_NAMES)[number];
/** Faults that belong to the Statistics API and its CometD notifications. */
const ENGAGE_ONLY = ['malformedRate', 'dropCometdSessions', 'stallCometdSessions', 'refuseStatistics'] as const;
/** One-shot faults of Genesys Cloud's notification channels. */
const GENESYS_CLOUD_ONLY = ['socketClosing', 'expireChannels'] as const;

export const faultsBodySchema = z
  .object({
    /** Which facade the faults are for; absent: `genesys-v3` (Auth v3, Statistics v3, listings). */
    vendor: z.enum(VENDOR_NAMES).optional(),
    httpErrorRate: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    /** The vendor answers 503 on every route of its facade (its notifications too). */
    down: z.boolean().optional(),
    /** Genesys Cloud: requests past this many per minute per token get 429 + Retry-After; 0 lifts the limit. */
    rateLimitPerMinute: z.number().int().min(0).max(1_000_000).optional(),
    malformedRate: z.number().min(0).max(1).optional(),
    dropCometdSessions: z.boolean().optional(),
    /** Mock addition, one-shot like `dropCometdSessions`: every CometD session existing now stops being answered. */
    stallCometdSessions: z.boolean().optional(),
    /** Statistic names (as subscribed by `name`) the Statistics API refuses, each with a per-statistic error. */
    refuseStatistics: z.array(z.string().min(1).max(200)).max(200).optional(),
    /** Genesys Cloud, one-shot: every notification socket gets `v2.system.socket_closing` and closes a moment later. */
    socketClosing: z.boolean().optional(),
    /** Genesys Cloud, one-shot: every notification channel expires now. */
    expireChannels: z.boolean().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const vendor = body.vendor ?? 'genesys-v3';
    for (const key of ENGAGE_ONLY) {
      if (body[key] !== undefined && vendor !== 'genesys-v3') ctx.addIssue({ code: 'custom', path: [key], message: 'only for vendor genesys-v3' });
    }
    for (const key of GENESYS_CLOUD_ONLY) {
      if (body[key] !== undefined && vendor !== 'genesys-cloud') ctx.addIssue({ code: 'custom', path: [key], message: 'only for vendor genesys-cloud' });
    }
    if (body.rateLimitPerMinute !== undefined && vendor !== 'genesys-cloud') {
      ctx.addIssue({ code: 'custom', path: ['rateLimitPerMinute'], message: 'only for vendor genesys-cloud' });
    }
  });

/** Genesys Engage's faults, as `GET /mock/admin/faults` has always shown them. */
export interface Faults {
  readonly httpErrorRate: number;
  readonly latencyMs: number;
  readonly malformedRate: number;
  readonly refuseStatistics: readonly string[];
}

export const NO_FAULTS: Faults = { httpErrorRate: 0, latencyMs: 0, malformedRate: 0, refuseStatistics: [] };

/** Faults any facade can have. */
export interface VendorFaults {
  readonly httpErrorRate: number;
  readonly latencyMs: number;
  readonly down: boolean;
  /** 0: no limit. */
  readonly rateLimitPerMinute: number;
}

export const NO_VENDOR_FAULTS: VendorFaults = { httpErrorRate: 0, latencyMs: 0, down: false, rateLimitPerMinute: 0 };

export interface FaultState {
  /** Genesys Engage's faults. */
  get(): Faults;
  set(next: Partial<Faults>): Faults;
  /** Every vendor's faults. */
  clear(): void;
  /** True when this Engage REST call should fail (drawn from the seeded-free random source). */
  shouldFail(): boolean;
  forVendor(vendor: FaultVendor): VendorFaults;
  setVendor(vendor: FaultVendor, next: Partial<VendorFaults>): VendorFaults;
  clearVendor(vendor: FaultVendor): void;
  /** Whether the vendor's facade answers 503 everywhere (notifications ask this for their sockets). */
  isDown(vendor: FaultVendor): boolean;
  shouldFailFor(vendor: FaultVendor): boolean;
  /** One request of `caller` (e.g. its token) to the vendor, counted against its rate limit. */
  admit(vendor: FaultVendor, caller: string): { readonly ok: true } | { readonly ok: false; readonly retryAfterSec: number };
  /** Called after every change, e.g. to close a downed vendor's sockets at once. */
  onChange(listener: () => void): () => void;
}

export function createFaultState(random: () => number = Math.random, realNow: () => number = Date.now): FaultState {
  let engage = { malformedRate: 0, refuseStatistics: [] as readonly string[] };
  const vendors = new Map<FaultVendor, VendorFaults>();
  const limiters = new Map<FaultVendor, RateLimiter>();
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const forVendor = (vendor: FaultVendor): VendorFaults => vendors.get(vendor) ?? NO_VENDOR_FAULTS;
  const limiterOf = (vendor: FaultVendor): RateLimiter => {
    let limiter = limiters.get(vendor);
    if (!limiter) {
      limiter = createRateLimiter(realNow);
      limiters.set(vendor, limiter);
    }
    return limiter;
  };
  const get = (): Faults => {
    const { httpErrorRate, latencyMs } = forVendor('genesys-v3');
    return { httpErrorRate, latencyMs, ...engage };
  };
  const setVendor = (vendor: FaultVendor, next: Partial<VendorFaults>): VendorFaults => {
    const given = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as Partial<VendorFaults>;
    const merged = { ...forVendor(vendor), ...given };
    vendors.set(vendor, merged);
    if (next.rateLimitPerMinute !== undefined) limiters.get(vendor)?.reset();
    return merged;
  };
  return {
    get,
    set(next) {
      const { httpErrorRate, latencyMs, ...rest } = next;
      setVendor('genesys-v3', { httpErrorRate, latencyMs });
      engage = { ...engage, ...rest };
      changed();
      return get();
    },
    clear() {
      engage = { malformedRate: 0, refuseStatistics: [] };
      vendors.clear();
      for (const limiter of limiters.values()) limiter.reset();
      changed();
    },
    shouldFail: () => forVendor('genesys-v3').httpErrorRate > 0 && random() < forVendor('genesys-v3').httpErrorRate,
    forVendor,
    setVendor(vendor, next) {
      const merged = setVendor(vendor, next);
      changed();
      return merged;
    },
    clearVendor(vendor) {
      vendors.delete(vendor);
      limiters.get(vendor)?.reset();
      if (vendor === 'genesys-v3') engage = { malformedRate: 0, refuseStatistics: [] };
      changed();
    },
    isDown: (vendor) => forVendor(vendor).down,
    shouldFailFor: (vendor) => forVendor(vendor).httpErrorRate > 0 && random() < forVendor(vendor).httpErrorRate,
    admit(vendor, caller) {
      const limit = forVendor(vendor).rateLimitPerMinute;
      return limit > 0 ? limiterOf(vendor).admit(caller, limit) : { ok: true };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
