/**
 * The few HTTP calls the benchmark makes to the mock besides CometD: a service token, opening a
 * subscription, and the admin endpoints that report server-side state. Plain fetch, no retries:
 * a failure here is a finding to report, not something to hide.
 */

export const API_KEY = 'wallboard-demo-key';
const SERVICE_CLIENT = 'wallboard-service:wallboard-service-secret';
/** No call may hang a step: a server that cannot answer in this time has failed the step anyway. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface StatisticRequest {
  readonly statisticId: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly name: string;
}

export interface OpenedStatistic {
  readonly statisticId: string;
  /** Simulated ms at which the subscription was opened; periodical values are due every period after it. */
  readonly timestamp: number;
}

export interface AdminSessions {
  readonly sessions: ReadonlyArray<{ readonly id: string; readonly queuedMessages: number; readonly statistics: number }>;
  readonly subscriptions: number;
  readonly statistics: number;
}

async function expectJson(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** One client_credentials token per simulated client: the mock binds a cookie-less POST to the only session of its token. */
export async function fetchServiceToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/v3/oauth/token`, {
    method: 'POST',
    headers: {
      'x-api-key': API_KEY,
      authorization: `Basic ${Buffer.from(SERVICE_CLIENT).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await expectJson(response, 'token')) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('token: no access_token');
  return body.access_token;
}

/** POST /statistics/v3/subscriptions (verbose=OFF: the benchmark needs only ids and timestamps). */
export async function openSubscription(
  baseUrl: string,
  token: string,
  subscriptionId: string,
  statistics: readonly StatisticRequest[],
): Promise<OpenedStatistic[]> {
  const response = await fetch(`${baseUrl}/statistics/v3/subscriptions?verbose=OFF`, {
    method: 'POST',
    headers: { 'x-api-key': API_KEY, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ operationId: subscriptionId, data: { statistics } }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await expectJson(response, 'subscription')) as {
    status?: { code?: number; message?: string };
    data?: { statistics?: Array<{ statisticId: string; timestamp: number }> };
  };
  const opened = body.data?.statistics ?? [];
  if (body.status?.code !== 0 || opened.length !== statistics.length) {
    throw new Error(`subscription ${subscriptionId}: status ${JSON.stringify(body.status)}, ${opened.length}/${statistics.length} opened`);
  }
  return opened.map((s) => ({ statisticId: s.statisticId, timestamp: s.timestamp }));
}

export async function fetchAdminSessions(baseUrl: string): Promise<AdminSessions> {
  return (await expectJson(await fetch(`${baseUrl}/mock/admin/sessions`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }), 'admin sessions')) as AdminSessions;
}

/**
 * Real minus simulated time. At speed 1 the simulated clock runs at exactly real pace but starts
 * behind by however long the mock took to boot (it fixes "now" before simulating the day so far),
 * so `receivedAt - timestamp` alone would add that boot time to every lag. `simNow` is the time of
 * the server's last 100 ms tick, so `midpoint - simNow` is the offset plus the time since that
 * tick, give or take half the round trip; the smallest over samples taken at random phases of the
 * tick is the offset within a couple of ms.
 */
export async function measureClockOffset(baseUrl: string, samples = 50): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < samples; i++) {
    const sentAt = Date.now();
    const body = (await expectJson(await fetch(`${baseUrl}/mock/admin/clock`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }), 'admin clock')) as { simNow: number; speed: number };
    const receivedAt = Date.now();
    if (body.speed !== 1) throw new Error(`the mock runs at speed ${body.speed}; lag needs speed 1`);
    best = Math.min(best, (sentAt + receivedAt) / 2 - body.simNow);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
  }
  return Math.round(best);
}
