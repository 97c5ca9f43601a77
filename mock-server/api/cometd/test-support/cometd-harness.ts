import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import type { Principal, TokenCheck, TokenVerifier } from '../../auth/auth-types.ts';
import { compileDefinition } from '../../../stats/compile-definition.ts';
import type { ResolvedStatistic } from '../../../stats/stat-engine.ts';
import { createSubscriptionRegistry, type SubscriptionRegistry } from '../../../stats/subscription-registry.ts';
import { createCometdFacade, type CometdFacade, type CometdFacadeOptions } from '../create-cometd-facade.ts';

export const API_KEY = 'test-api-key';
export const NOTIFICATIONS = '/statistics/v3/notifications';

function principal(subject: string, tokenId: string): Principal {
  return { subject, kind: 'user', tenant: 'demo', clientId: 'wallboard', tokenId, expiresAt: Date.now() + 3_600_000 };
}

/** Tokens of the tests: `good` (supervisor), `good2` (kiosk), `good3` (supervisor again), `expired`; anything else is invalid. */
export const fakeTokens: TokenVerifier = {
  verifyAccessToken(token): TokenCheck {
    switch (token) {
      case undefined:
        return { ok: false, reason: 'missing' };
      case 'good':
        return { ok: true, principal: principal('supervisor', 'tok-good') };
      case 'good2':
        return { ok: true, principal: principal('kiosk', 'tok-good2') };
      case 'good3':
        return { ok: true, principal: principal('supervisor', 'tok-good3') };
      case 'expired':
        return { ok: false, reason: 'expired' };
      default:
        return { ok: false, reason: 'invalid' };
    }
  },
};

function queueStatistic(): ResolvedStatistic {
  const compiled = compileDefinition({ category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait' }, 'queue');
  if (!compiled.ok) throw new Error(compiled.message);
  return {
    object: { key: 'queue:q1', kind: 'queue', catalogType: 'QUEUE', id: 'q1' },
    compiled: compiled.statistic,
    // Every second, so each tick after advancing the clock a second emits every statistic.
    notification: { mode: 'Periodical', frequencySec: 1, insensitivity: 0 },
    evalKey: 'test-current-in-queue',
  };
}

export interface TestRegistry extends SubscriptionRegistry {
  /** Moves the fake clock one notification period on and lets the registry emit. */
  advanceAndTick(): void;
  /** Opens a subscription with the given statistic ids. */
  openFor(id: string, owner: string | undefined, tokenId: string, statisticIds: readonly string[]): void;
}

export function createTestRegistry(): TestRegistry {
  let now = 1_700_000_000_000;
  let counter = 0;
  const statistic = queueStatistic();
  const registry = createSubscriptionRegistry({
    current: () => {
      counter++;
      return { value: { intValue: counter, stringValue: String(counter), tag: -1, intervalLength: 0, timestamp: now }, timestamp: now };
    },
    now: () => now,
  });
  return {
    ...registry,
    advanceAndTick() {
      now += 1000;
      registry.tick();
    },
    openFor(id, owner, tokenId, statisticIds) {
      registry.open({
        id,
        owner,
        tokenId,
        tokenExpiresAt: Number.MAX_SAFE_INTEGER,
        subject: 'supervisor',
        statistics: statisticIds.map((statisticId) => ({ statisticId, statistic, name: 'CurrentInQueue', objectId: 'q1', objectType: 'Queue' })),
      });
    },
  };
}

export interface Harness {
  readonly facade: CometdFacade;
  readonly registry: TestRegistry;
  /** `http://localhost:<port>` */
  readonly url: string;
  /** Same server through another host name, so a second CometD client gets its own cookie jar. */
  readonly otherHostUrl: string;
  /** Cookie headers of the requests the server received, in order, with their path. */
  readonly requests: Array<{ readonly path: string; readonly cookie: string | undefined }>;
  close(): Promise<void>;
}

export type HarnessOptions = Partial<Omit<CometdFacadeOptions, 'apiKey' | 'tokens' | 'registry'>> & {
  /** Wraps the facade, e.g. to parse the body first as Express's json parser would. */
  readonly handler?: (facade: CometdFacade) => (req: IncomingMessage, res: ServerResponse) => void;
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { handler, ...facadeOptions } = options;
  const registry = createTestRegistry();
  const facade = createCometdFacade({ apiKey: API_KEY, tokens: fakeTokens, registry, timeoutMs: 5000, ...facadeOptions });
  const handle = handler ? handler(facade) : facade.handle;
  const requests: Array<{ path: string; cookie: string | undefined }> = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({ path, cookie: req.headers.cookie });
    if (path.startsWith(NOTIFICATIONS)) handle(req, res);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    facade,
    registry,
    url: `http://localhost:${port}`,
    otherHostUrl: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      facade.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let adapted = false;

/** A real CometD JS client in Node, long-polling, with the headers Genesys's clients send. */
export interface TestClient {
  readonly cometd: CometD;
  /** Every message received per channel, in order. */
  readonly received: (channel: string) => Message[];
  /** Every message on a meta channel (`/meta/handshake`, `/meta/connect`, …), in order. */
  readonly meta: (channel: string) => Message[];
  handshake(): Promise<Message>;
  subscribe(channel: string): Promise<Message>;
  disconnect(): Promise<void>;
}

export function createTestClient(baseUrl: string, headers: Record<string, string> = { 'x-api-key': API_KEY, Authorization: 'Bearer good' }): TestClient {
  if (!adapted) {
    adapt();
    adapted = true;
  }
  const cometd = new CometD();
  // The mock serves long-polling only (as the browser client is configured, docs/vendors/genesys-engage.md §2.9).
  cometd.unregisterTransport('websocket');
  cometd.unregisterTransport('callback-polling');
  cometd.configure({ url: `${baseUrl}${NOTIFICATIONS}`, requestHeaders: headers, logLevel: 'warn' });
  const channels = new Map<string, Message[]>();
  const metas = new Map<string, Message[]>();
  const listOf = (map: Map<string, Message[]>, channel: string): Message[] => {
    let list = map.get(channel);
    if (!list) {
      list = [];
      map.set(channel, list);
    }
    return list;
  };
  for (const channel of ['/meta/handshake', '/meta/connect', '/meta/subscribe', '/meta/unsuccessful', '/meta/disconnect', '/meta/publish']) {
    cometd.addListener(channel, (message) => listOf(metas, channel).push(message));
  }
  return {
    cometd,
    received: (channel) => listOf(channels, channel),
    meta: (channel) => listOf(metas, channel),
    handshake: () => new Promise((resolve) => cometd.handshake(resolve)),
    subscribe: (channel) =>
      new Promise((resolve) => {
        cometd.subscribe(channel, (message) => listOf(channels, channel).push(message), resolve);
      }),
    disconnect: () =>
      new Promise((resolve) => {
        const status = cometd.getStatus();
        if (status === 'disconnected' || status === 'handshaking') {
          cometd.disconnect();
          resolve();
        } else {
          cometd.disconnect(() => resolve());
        }
      }),
  };
}

export interface RawReply {
  readonly status: number;
  readonly body: unknown;
  readonly setCookies: string[];
}

/** A plain `fetch` POST: no cookie jar, as the Node client libraries that drop cookies behave. */
export async function postRaw(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'x-api-key': API_KEY, authorization: 'Bearer good' },
): Promise<RawReply> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Left as text.
  }
  return { status: res.status, body: parsed, setCookies: res.headers.getSetCookie() };
}

export async function rawHandshake(baseUrl: string): Promise<{ clientId: string; reply: RawReply }> {
  const reply = await postRaw(baseUrl, `${NOTIFICATIONS}/handshake`, [
    { id: '1', channel: '/meta/handshake', version: '1.0', minimumVersion: '1.0', supportedConnectionTypes: ['long-polling'] },
  ]);
  const [message] = reply.body as Array<{ clientId?: string; successful?: boolean }>;
  if (!message?.successful || !message.clientId) throw new Error(`handshake failed: ${JSON.stringify(reply.body)}`);
  return { clientId: message.clientId, reply };
}
