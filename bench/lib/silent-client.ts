import { API_KEY, fetchServiceToken, openSubscription } from './mock-api.ts';
import { statisticRequest, statisticTarget } from './statistic-mix.ts';

const NOTIFICATIONS_PATH = '/statistics/v3/notifications';
const UPDATES_CHANNEL = '/statistics/v3/updates';
const REQUEST_TIMEOUT_MS = 15_000;

export interface SilentClient {
  readonly clientId: string;
  /** `/meta/disconnect`, so the mock closes its session and subscription. */
  close(): Promise<void>;
}

async function bayeux(baseUrl: string, path: string, token: string, messages: readonly Record<string, unknown>[]): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${baseUrl}${NOTIFICATIONS_PATH}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=UTF-8', 'x-api-key': API_KEY, authorization: `Bearer ${token}` },
    body: JSON.stringify(messages),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path || '/'}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as Array<Record<string, unknown>>;
}

/**
 * A client that stops polling, as a frozen tab or a laptop gone to sleep does: it hand-shakes,
 * subscribes to the updates channel, opens its statistics, and then never sends `/meta/connect`,
 * so everything the mock has for it waits in the session's outbox.
 */
export async function openSilentClient(baseUrl: string, statistics: number): Promise<SilentClient> {
  const token = await fetchServiceToken(baseUrl);
  const [handshake] = await bayeux(baseUrl, '/handshake', token, [
    { id: '1', channel: '/meta/handshake', version: '1.0', minimumVersion: '1.0', supportedConnectionTypes: ['long-polling'] },
  ]);
  const clientId = handshake?.clientId;
  if (handshake?.successful !== true || typeof clientId !== 'string') throw new Error(`silent client: handshake failed ${JSON.stringify(handshake)}`);
  const [subscribed] = await bayeux(baseUrl, '', token, [{ id: '2', channel: '/meta/subscribe', clientId, subscription: UPDATES_CHANNEL }]);
  if (subscribed?.successful !== true) throw new Error(`silent client: subscribe failed ${JSON.stringify(subscribed)}`);
  // The POST carries no session cookie: the mock gives the subscription to the one session of this token.
  const targets = Array.from({ length: statistics }, (_, i) => statisticRequest(statisticTarget(999, i), String(i)));
  await openSubscription(baseUrl, token, 'silent-client', targets);
  return {
    clientId,
    async close() {
      await bayeux(baseUrl, '', token, [{ id: '3', channel: '/meta/disconnect', clientId }]).catch(() => undefined);
    },
  };
}
