import { CometD, type Message, type Transport } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import { fetchServiceToken, openSubscription, API_KEY } from './mock-api.ts';
import { statisticRequest, statisticTarget } from './statistic-mix.ts';
import type { UpdateTracker } from './update-tracker.ts';

const NOTIFICATIONS_PATH = '/statistics/v3/notifications';
const UPDATES_CHANNEL = '/statistics/v3/updates';
/** Longest wait for a handshake/subscribe/disconnect answer before the client counts as failed. */
const REPLY_TIMEOUT_MS = 15_000;

let adapted = false;

/** cometd-nodejs-client installs XMLHttpRequest on a global `window`: once per process. */
function ensureAdapted(): void {
  if (adapted) return;
  adapt();
  adapted = true;
}

export interface LoadClientOptions {
  readonly baseUrl: string;
  /** Distinguishes this client's subscriptions and varies its statistic mix. */
  readonly sessionIndex: number;
  /** Prefix of the subscription ids, unique per step so a late update of a past step is not miscounted. */
  readonly tag: string;
  readonly statistics: number;
  /** Statistics per POST (a wallboard batches its tiles' statistics into few subscriptions). */
  readonly batchSize: number;
  readonly tracker: UpdateTracker;
}

export interface LoadClient {
  readonly clientId: string | null;
  /** `/meta/disconnect`: the mock then closes the session's subscriptions. */
  close(): Promise<void>;
}

function withTimeout<T>(what: string, start: (done: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${REPLY_TIMEOUT_MS} ms`)), REPLY_TIMEOUT_MS);
    start((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** The values of a StatisticUpdate message (docs/vendors/genesys-engage.md §2.9: `data.data.statistics`, tolerating `data.statistics`). */
function statisticsOf(message: Message): ReadonlyArray<{ subscriptionId: string; statisticId: string; timestamp: number }> {
  const data = message.data as { data?: { statistics?: unknown }; statistics?: unknown } | undefined;
  const list = data?.data?.statistics ?? data?.statistics;
  return Array.isArray(list) ? (list as Array<{ subscriptionId: string; statisticId: string; timestamp: number }>) : [];
}

/**
 * One simulated wallboard: its own access token, a long-polling CometD session (with a cookie jar
 * of its own, see below), subscribed to the updates channel BEFORE its statistics are opened, as
 * docs/vendors/genesys-engage.md §2.10 requires; then its statistics in POSTs of `batchSize`.
 */
export async function openLoadClient(options: LoadClientOptions): Promise<LoadClient> {
  ensureAdapted();
  const { baseUrl } = options;
  const token = await fetchServiceToken(baseUrl);
  const cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.unregisterTransport('callback-polling');
  cometd.configure({
    url: `${baseUrl}${NOTIFICATIONS_PATH}`,
    requestHeaders: { 'x-api-key': API_KEY, Authorization: `Bearer ${token}` },
    logLevel: 'warn',
  });
  // cometd-nodejs-client keeps ONE cookie jar per host for the whole process: every client would
  // then share a BAYEUX_BROWSER id, and the server holds one long poll per browser (the others get
  // `multiple-clients` and poll every 2 s). A transport context with its own (empty) store makes
  // each client a separate browser; the mock identifies cookie-less clients by clientId.
  const transport = cometd.findTransport('long-polling') as (Transport & { context?: unknown }) | null;
  if (!transport) throw new Error('no long-polling transport');
  transport.context = { cookieStore: {} };

  try {
    await subscribeAndOpen(cometd, token, options);
  } catch (error) {
    // A half-opened client must not leave a session (and its subscriptions) on the server.
    cometd.disconnect();
    throw error;
  }
  return {
    clientId: cometd.getClientId(),
    async close() {
      if (cometd.isDisconnected()) return;
      await withTimeout<undefined>('disconnect', (done) => cometd.disconnect(() => done(undefined)));
    },
  };
}

async function subscribeAndOpen(cometd: CometD, token: string, options: LoadClientOptions): Promise<void> {
  const { baseUrl, tracker } = options;
  const handshake = await withTimeout<Message>('handshake', (done) => cometd.handshake(done));
  if (!handshake.successful) throw new Error(`handshake failed: ${JSON.stringify(handshake)}`);
  const subscribed = await withTimeout<Message>('subscribe', (done) =>
    cometd.subscribe(
      UPDATES_CHANNEL,
      (message) => {
        const receivedAt = Date.now();
        tracker.noteMessage(receivedAt);
        for (const s of statisticsOf(message)) tracker.record(s.subscriptionId, s.statisticId, s.timestamp, receivedAt);
      },
      done,
    ),
  );
  if (!subscribed.successful) throw new Error(`subscribe failed: ${JSON.stringify(subscribed)}`);

  const batches = Math.ceil(options.statistics / options.batchSize);
  for (let b = 0; b < batches; b++) {
    const subscriptionId = `${options.tag}-c${options.sessionIndex}-b${b}`;
    const count = Math.min(options.batchSize, options.statistics - b * options.batchSize);
    const targets = Array.from({ length: count }, (_, i) => statisticTarget(options.sessionIndex, b * options.batchSize + i));
    const opened = await openSubscription(
      baseUrl,
      token,
      subscriptionId,
      targets.map((t, i) => statisticRequest(t, String(i))),
    );
    // Indexed by statisticId, whatever order the answer lists them in.
    const openedAt = new Array<number>(count).fill(Number.NaN);
    for (const o of opened) openedAt[Number(o.statisticId)] = o.timestamp;
    tracker.register(
      subscriptionId,
      targets.map((t, i) => ({ openedAt: openedAt[i] ?? Number.NaN, periodical: t.periodical })),
    );
  }
}
