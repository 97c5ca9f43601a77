import { fetchAdminSessions } from './mock-api.ts';
import { readRssMb } from './proc-stats.ts';

export interface ServerSamples {
  readonly samples: number;
  readonly maxRssMb: number | undefined;
  /** Largest total of messages waiting for sessions' next long poll (a backlog means the server cannot keep up). */
  readonly maxQueuedMessages: number;
  readonly maxQueuedPerSession: number;
  /** Admin reads that failed (a busy server may answer slowly, but not fail). */
  readonly errors: number;
}

export interface ServerSampler {
  stop(): Promise<ServerSamples>;
}

/**
 * Samples the mock's RSS (from /proc) and its CometD backlog (GET /mock/admin/sessions) every
 * `intervalMs` until stopped. One request at a time: a slow answer delays the next sample rather
 * than piling requests onto a server that is already behind.
 */
export function startServerSampler(baseUrl: string, pid: number, intervalMs: number): ServerSampler {
  let running = true;
  let samples = 0;
  let errors = 0;
  let maxRssMb: number | undefined;
  let maxQueued = 0;
  let maxQueuedPerSession = 0;
  let wake: (() => void) | undefined;
  // Interruptible, so stop() does not wait out a whole interval.
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (running) {
      const rss = readRssMb(pid);
      if (rss !== undefined) maxRssMb = Math.max(maxRssMb ?? 0, rss);
      try {
        const admin = await fetchAdminSessions(baseUrl);
        let total = 0;
        for (const s of admin.sessions) {
          total += s.queuedMessages;
          maxQueuedPerSession = Math.max(maxQueuedPerSession, s.queuedMessages);
        }
        maxQueued = Math.max(maxQueued, total);
      } catch {
        errors++;
      }
      samples++;
      if (running) await sleep(intervalMs);
    }
  })();

  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      return { samples, maxRssMb, maxQueuedMessages: maxQueued, maxQueuedPerSession, errors };
    },
  };
}
