import { queueObservationsTopic, userRoutingStatusTopic } from '../gc-frames.ts';
import { createFakeSockets, type FakeSockets } from './fake-sockets.ts';

export interface FakeUser {
  readonly id: string;
  readonly name: string;
  skills: string[];
  status: string;
  startTime: number;
  presence: string;
}

export interface LoggedRequest {
  /** The server's clock when it came. */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

type Respond = () => Response | 'network';
interface Override {
  readonly match: (r: LoggedRequest) => boolean;
  readonly respond: Respond;
  times: number;
}

/**
 * A small Genesys Cloud in memory for unit tests: the REST calls the source makes, answered in the
 * platform's shapes from state the test sets, with faults on demand, and its channels' sockets.
 */
export interface FakeGc {
  readonly fetch: (input: string, init?: RequestInit) => Promise<Response>;
  readonly sockets: FakeSockets;
  readonly requests: LoggedRequest[];
  readonly queues: Array<{ id: string; name: string }>;
  readonly skills: Array<{ id: string; name: string }>;
  readonly users: FakeUser[];
  /** `data` of the voice group of each queue in `observations/query` answers. */
  readonly observations: Map<string, unknown[]>;
  /** `metrics` of each queue's group in aggregates answers (absent: no group). */
  readonly aggregates: Map<string, unknown[]>;
  /** Topics of each channel. */
  readonly channels: Map<string, Set<string>>;
  /** Answers `expand=routingStatus,presence` (the platform's expand is best effort). */
  expand: boolean;
  /** The server's clock. */
  serverNow: () => number;
  /** The next `times` requests that match get this answer instead. */
  fail(match: (r: LoggedRequest) => boolean, respond: Respond, times?: number): void;
  /** Ends every failure set with `fail`. */
  heal(): void;
  count(method: string, pathStart: string): number;
  /** Sends an event to the open sockets of channels subscribed to the topic. */
  push(topic: string, eventBody: unknown): void;
  pushQueue(queueId: string, metrics: unknown[]): void;
  pushUser(userId: string, status: string, startTime: number): void;
  heartbeat(): void;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(status === 204 || body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const gcError = (status: number, message: string, headers?: Record<string, string>): Response => json(status, { message, code: 'x', status }, headers);

function listing(items: readonly unknown[], query: URLSearchParams): unknown {
  const pageSize = Number(query.get('pageSize') ?? 25);
  const pageNumber = Number(query.get('pageNumber') ?? 1);
  return { entities: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize), pageSize, pageNumber, total: items.length, pageCount: Math.max(1, Math.ceil(items.length / pageSize)) };
}

export function createFakeGc(): FakeGc {
  const sockets = createFakeSockets();
  const overrides: Override[] = [];
  let nextChannel = 1;
  const fake: FakeGc = {
    sockets,
    requests: [],
    queues: [],
    skills: [],
    users: [],
    observations: new Map(),
    aggregates: new Map(),
    channels: new Map(),
    expand: true,
    serverNow: () => Date.UTC(2026, 10, 23, 10, 30),
    fail(match, respond, times = 1) {
      overrides.push({ match, respond, times });
    },
    heal: () => void overrides.splice(0),
    count: (method, pathStart) => fake.requests.filter((r) => r.method === method && r.path.startsWith(pathStart)).length,
    push(topic, eventBody) {
      for (const [id, topics] of fake.channels) {
        if (!topics.has(topic.toLowerCase())) continue;
        for (const s of sockets.open()) if (s.url.endsWith(`/${id}`)) s.deliver({ topicName: topic.toLowerCase(), version: '2', eventBody });
      }
    },
    pushQueue: (queueId, metrics) =>
      fake.push(queueObservationsTopic(queueId), { group: { queueId, mediaType: 'voice' }, data: [{ interval: 'x/y', metrics }] }),
    pushUser: (userId, status, startTime) => fake.push(userRoutingStatusTopic(userId), { id: userId, routingStatus: { status, startTime: new Date(startTime).toISOString() } }),
    heartbeat() {
      for (const s of sockets.open()) s.deliver({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
    },
    async fetch(input, init = {}) {
      const method = init.method ?? 'GET';
      const url = new URL(input, 'https://api.fake');
      const request: LoggedRequest = { at: fake.serverNow(), method, path: `${url.pathname}${url.search}`, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
      fake.requests.push(request);
      const override = overrides.find((o) => o.times > 0 && o.match(request));
      if (override) {
        override.times--;
        const answer = override.respond();
        if (answer === 'network') throw new TypeError('fetch failed');
        return answer;
      }
      return route(method, url, request.body);
    },
  };

  function userJson(u: FakeUser, expand: readonly string[]): unknown {
    return {
      id: u.id,
      name: u.name,
      ...(expand.includes('skills') ? { skills: u.skills.map((id) => ({ id, state: 'active' })) } : {}),
      ...(fake.expand && expand.includes('routingStatus') ? { routingStatus: { status: u.status, startTime: new Date(u.startTime).toISOString() } } : {}),
      ...(fake.expand && expand.includes('presence') ? { presence: { presenceDefinition: { systemPresence: u.presence } } } : {}),
    };
  }

  function queueIdsOf(body: unknown): string[] {
    const predicates = (body as { filter?: { predicates?: Array<{ value: string }> } }).filter?.predicates ?? [];
    return predicates.map((p) => p.value.toLowerCase());
  }

  function route(method: string, url: URL, body: unknown): Response {
    const path = url.pathname;
    const q = url.searchParams;
    if (method === 'GET' && path === '/api/v2/date') return json(200, { currentDate: new Date(fake.serverNow()).toISOString() });
    if (method === 'GET' && path === '/api/v2/routing/queues') return json(200, listing(fake.queues, q));
    if (method === 'GET' && path === '/api/v2/routing/skills') return json(200, listing(fake.skills, q));
    if (method === 'GET' && path === '/api/v2/users') {
      const ids = q.getAll('id').map((id) => id.toLowerCase());
      const expand = (q.get('expand') ?? '').split(',');
      const users = ids.length > 0 ? fake.users.filter((u) => ids.includes(u.id.toLowerCase())) : fake.users;
      return json(200, listing(users.map((u) => userJson(u, expand)), q));
    }
    const status = /^\/api\/v2\/users\/([^/]+)\/routingstatus$/.exec(path);
    if (method === 'GET' && status) {
      const u = fake.users.find((x) => x.id.toLowerCase() === decodeURIComponent(status[1] ?? '').toLowerCase());
      return json(200, { userId: status[1], status: u?.status ?? 'OFF_QUEUE', startTime: new Date(u?.startTime ?? 0).toISOString() });
    }
    if (method === 'POST' && path === '/api/v2/analytics/queues/observations/query') {
      const results = queueIdsOf(body).flatMap((id) => {
        const data = fake.observations.get(id);
        return data ? [{ group: { queueId: id, mediaType: 'voice' }, data }] : [];
      });
      return json(200, { results });
    }
    if (method === 'POST' && path === '/api/v2/analytics/conversations/aggregates/query') {
      const results = queueIdsOf(body).flatMap((id) => {
        const metrics = fake.aggregates.get(id);
        return metrics ? [{ group: { queueId: id }, data: [{ interval: (body as { interval: string }).interval, metrics }] }] : [];
      });
      return json(200, { results });
    }
    if (method === 'POST' && path === '/api/v2/notifications/channels') {
      const id = `streaming-0-${nextChannel++}`;
      fake.channels.set(id, new Set());
      return json(200, { id, connectUri: `wss://streaming.fake/channels/${id}`, expires: new Date(fake.serverNow() + 24 * 3_600_000).toISOString() });
    }
    const channel = /^\/api\/v2\/notifications\/channels\/([^/]+)(\/subscriptions)?$/.exec(path);
    if (channel) {
      const topics = fake.channels.get(channel[1] ?? '');
      if (!topics) return gcError(404, 'The requested resource was not found.');
      if (method === 'HEAD') return new Response(null, { status: 200 });
      if (method === 'DELETE') {
        topics.clear();
        return json(204, undefined);
      }
      if (method === 'PUT') {
        const asked = (body as Array<{ id: string }>).map((t) => t.id.toLowerCase());
        const known = (t: string): boolean =>
          fake.queues.some((x) => t === queueObservationsTopic(x.id).toLowerCase()) || fake.users.some((u) => t === userRoutingStatusTopic(u.id).toLowerCase());
        topics.clear();
        for (const t of asked.filter(known)) topics.add(t);
        const rejected = asked.filter((t) => !known(t)).map((id) => ({ id, state: 'Rejected', rejectionReason: `${id} was not found` }));
        return json(200, { entities: [...[...topics].map((id) => ({ id, state: 'Permitted' })), ...rejected] });
      }
    }
    return gcError(404, `no route ${method} ${path}`);
  }

  return fake;
}
