/**
 * A load-generator process: opens its share of a step's CometD clients and records their updates,
 * driven over IPC by bench/lib/client-pool.ts. Clients live outside the benchmark's own process so
 * their JSON parsing never delays its samplers, and so they can be split over several processes.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { ClientReply, ClientRequest, ProcessWindow } from './client-protocol.ts';
import type { LoadClient } from './load-client.ts';
import { closeClients, openClients } from './open-clients.ts';
import { PERIOD_MS } from './period.ts';
import { createUpdateTracker } from './update-tracker.ts';

const tracker = createUpdateTracker(PERIOD_MS);
let clients: LoadClient[] = [];
let loop: IntervalHistogram | undefined;

function reply(message: ClientReply): void {
  process.send?.(message);
}

/** Measures this process's event-loop delay over exactly the window. */
function watchLoop(start: number, end: number): void {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  loop = histogram;
  setTimeout(() => histogram.enable(), Math.max(0, start - Date.now()));
  setTimeout(() => histogram.disable(), Math.max(0, end - Date.now()));
}

async function handle(request: ClientRequest): Promise<ClientReply> {
  switch (request.type) {
    case 'open':
      clients = await openClients({
        baseUrl: request.baseUrl,
        tag: request.tag,
        firstSession: request.sessionFrom,
        sessions: request.sessionTo - request.sessionFrom,
        statistics: request.statisticsPerSession,
        batchSize: request.batchSize,
        concurrency: request.concurrency,
        setupTimeoutMs: request.setupTimeoutMs,
        tracker,
      });
      return { type: 'opened' };
    case 'window':
      tracker.setWindow(request.start, request.end, request.offset);
      watchLoop(request.start, request.end);
      return { type: 'window-set' };
    case 'result': {
      const window: ProcessWindow = {
        ...tracker.result(),
        // The histogram is in ns and includes its own 10 ms resolution.
        loopDelayP99Ms: (loop?.percentile(99) ?? 0) / 1e6,
        loopDelayMaxMs: (loop?.max ?? 0) / 1e6,
      };
      return { type: 'result', window };
    }
    case 'close': {
      const failedCloses = await closeClients(clients);
      clients = [];
      return { type: 'closed', failedCloses };
    }
  }
}

process.on('message', (request: ClientRequest) => {
  handle(request)
    .then(reply)
    .catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
// The benchmark went away (finished, crashed or killed): so do its clients.
process.on('disconnect', () => process.exit(0));
