/**
 * The mock's benchmark load (`/mock/admin/firehose`, docs/mock-server.md): synthetic
 * StatisticUpdates over the open subscriptions, round-robin, each stamped with `Date.now()`.
 */

export interface FirehoseStatus {
  readonly running: boolean;
  readonly updatesPerSecond: number;
  /** Updates emitted since the mock started (all runs of the firehose together). */
  readonly sent: number;
}

const TIMEOUT_MS = 10_000;

async function call(baseUrl: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<FirehoseStatus> {
  const response = await fetch(`${baseUrl}/mock/admin/firehose`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`firehose ${method}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as FirehoseStatus;
}

export function startFirehose(baseUrl: string, updatesPerSecond: number): Promise<FirehoseStatus> {
  return call(baseUrl, 'POST', { updatesPerSecond });
}

/** The answer's `sent` is final: the mock clears its timer before it answers. */
export function stopFirehose(baseUrl: string): Promise<FirehoseStatus> {
  return call(baseUrl, 'DELETE');
}

export function firehoseStatus(baseUrl: string): Promise<FirehoseStatus> {
  return call(baseUrl, 'GET');
}
