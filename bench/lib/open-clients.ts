import { openLoadClient, type LoadClient, type LoadClientOptions } from './load-client.ts';

export interface OpenClientsOptions extends Omit<LoadClientOptions, 'sessionIndex'> {
  readonly sessions: number;
  /**
   * Spread the clients' start times evenly over this many ms (one notification period spreads
   * their 10 s schedules evenly, the steady state of wallboards opened at random times); 0 opens
   * them all at once (a reconnect storm: every schedule due in the same tick).
   */
  readonly spreadMs: number;
  /** Clients being opened at the same time. */
  readonly concurrency: number;
}

/** Closes clients, each bounded by its own timeout; reports how many failed to say goodbye. */
export async function closeClients(clients: readonly LoadClient[]): Promise<number> {
  const results = await Promise.allSettled(clients.map((c) => c.close()));
  return results.filter((r) => r.status === 'rejected').length;
}

/**
 * Opens `sessions` load clients, client i not before start + i·spreadMs/sessions. On the first
 * failure, closes what was opened and rethrows, so a step never leaves sessions behind.
 */
export async function openClients(options: OpenClientsOptions): Promise<LoadClient[]> {
  const { sessions, spreadMs, concurrency, ...clientOptions } = options;
  const start = Date.now();
  const opened: LoadClient[] = [];
  let next = 0;
  let failure: unknown;

  async function worker(): Promise<void> {
    while (failure === undefined && next < sessions) {
      const sessionIndex = next++;
      const wait = start + (sessionIndex * spreadMs) / sessions - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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
