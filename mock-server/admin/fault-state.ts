import { z } from 'zod';

/**
 * Faults the admin API injects (CONTRACTS.md): a share of REST calls answered 5xx, added latency,
 * malformed notifications, and (mock additions) statistics the Statistics API refuses and CometD
 * connections that die silently.
 */
export const faultsBodySchema = z
  .object({
    httpErrorRate: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    malformedRate: z.number().min(0).max(1).optional(),
    dropCometdSessions: z.boolean().optional(),
    /** Mock addition, one-shot like `dropCometdSessions`: every CometD session existing now stops being answered. */
    stallCometdSessions: z.boolean().optional(),
    /** Statistic names (as subscribed by `name`) the Statistics API refuses, each with a per-statistic error. */
    refuseStatistics: z.array(z.string().min(1).max(200)).max(200).optional(),
  })
  .strict();

export interface Faults {
  readonly httpErrorRate: number;
  readonly latencyMs: number;
  readonly malformedRate: number;
  readonly refuseStatistics: readonly string[];
}

export const NO_FAULTS: Faults = { httpErrorRate: 0, latencyMs: 0, malformedRate: 0, refuseStatistics: [] };

export interface FaultState {
  get(): Faults;
  set(next: Partial<Faults>): Faults;
  clear(): void;
  /** True when this REST call should fail (drawn from the seeded-free random source). */
  shouldFail(): boolean;
}

export function createFaultState(random: () => number = Math.random): FaultState {
  let faults = NO_FAULTS;
  return {
    get: () => faults,
    set(next) {
      faults = { ...faults, ...next };
      return faults;
    },
    clear() {
      faults = NO_FAULTS;
    },
    shouldFail: () => faults.httpErrorRate > 0 && random() < faults.httpErrorRate,
  };
}
