import { openLoadClient, type LoadClient, type LoadClientOptions } from './load-client.ts';

export interface OpenClientsOptions extends Omit<LoadClientOptions, 'sessionIndex'> {
  /** Index of the first session (each picks its statistic mix and subscription ids by index). */
  readonly firstSession: number;
  readonly sessions: number;
  /** Clients being opened at the same time. */
  readonly concurrency: number;
  /** Give up (and fail the step) when opening takes longer: a server this slow is past its capacity. */
  readonly setupTimeoutMs: number;
}

/** Closes clients, each bounded by its own timeout; reports how many failed to say goodbye. */
export async function closeClients(clients: readonly LoadClient[]): Promise<number> {
  const results = await Promise.allSettled(clients.map((c) => c.close()));
  return results.filter((r) => r.status === 'rejected').length;
}

/**
 * Opens `sessions` load clients, `concurrency` at a time. No pacing: the mock sends every
 * periodical value on one shared 10 s grid, so when the clients arrive does not change the load
 * they put on it. On the first failure, closes what was opened and rethrows, so a step never
 * leaves sessions behind.
 */
export async function openClients(options: OpenClientsOptions): Promise<LoadClient[]> {
  const { firstSession, sessions, concurrency, setupTimeoutMs, ...clientOptions } = options;
  const start = Date.now();
  const opened: LoadClient[] = [];
  let next = 0;
  let failure: unknown;

  async function worker(): Promise<void> {
    while (failure === undefined && next < sessions) {
      if (Date.now() - start > setupTimeoutMs) {
        failure ??= new Error(`opening ${sessions} sessions took over ${setupTimeoutMs / 1000} s (${opened.length} opened)`);
        break;
      }
      const sessionIndex = firstSession + next++;
      try {
        opened.push(await openLoadClient({ ...clientOptions, sessionIndex }));
      } catch (error) {
        failure ??= error;
      }
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, sessions)) }, () => worker()));
  if (failure !== undefined) {
    await closeClients(opened);
    throw failure instanceof Error ? failure : new Error(String(failure));
  }
  return opened;
}
