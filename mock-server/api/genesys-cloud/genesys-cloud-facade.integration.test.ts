import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../create-mock-server.ts';
import { API_KEY } from '../../test-support/http-sign-in.ts';
import { admin, advanceClock, startTestServer } from '../../test-support/test-server.ts';
import { gcApi, gcToken } from './notifications/notification-test-kit.ts';
import { routingStatusOf } from './gc-status.ts';
import { gcIdOf, snapshotWithIds, type SnapshotWithIds } from './gc-test-snapshot.ts';

type Snapshot = SnapshotWithIds;
interface Listing {
  readonly entities: readonly Record<string, unknown>[];
  readonly pageSize: number;
  readonly pageNumber: number;
  readonly total: number;
  readonly pageCount: number;
  readonly firstUri: string;
  readonly selfUri: string;
  readonly nextUri?: string;
  readonly previousUri?: string;
  readonly lastUri: string;
}
interface ErrorBody {
  readonly message: string;
  readonly code: string;
  readonly status: number;
}
interface Datum {
  readonly metric: string;
  readonly qualifier?: string;
  readonly stats: { readonly count?: number };
  readonly observations?: readonly { readonly observationDate: string }[];
}
interface ObservationResults {
  readonly results: readonly { readonly group: { readonly queueId: string; readonly mediaType?: string }; readonly data: readonly Datum[] }[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

describe('the Genesys Cloud facade against the real mock', () => {
  let server: MockServer;
  let token: string;
  let truth: Snapshot;

  beforeAll(async () => {
    server = await startTestServer();
    token = await gcToken(server);
    // More calls than the queue's idle agents: some wait.
    for (let i = 0; i < 15; i++) await admin(server, 'POST', 'calls', { queueId: 'support', delayMs: i * 10, talkMs: 600_000 });
    await advanceClock(server, 1000);
    truth = await snapshotWithIds(server);
  });
  afterAll(() => server.close());

  const skillOf = (queueId: string): string => server.core.sim.config.queues.find((q) => q.id === queueId)?.skillId ?? '';

  it('should answer a missing, a wrong and an Engage token with 401 in the platform dialect, and ask for no API key', async () => {
    const missing = await gcApi(server, undefined, 'GET', 'routing/queues');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ code: 'authentication.required', status: 401 });
    expect((await gcApi(server, 'not-a-token', 'GET', 'routing/queues')).body).toMatchObject({ code: 'bad.credentials', status: 401 });
    const engage = await fetch(`${server.url}/auth/v3/oauth/token`, {
      method: 'POST',
      headers: {
        'x-api-key': API_KEY,
        authorization: `Basic ${Buffer.from('wallboard-service:wallboard-service-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const engageToken = ((await engage.json()) as { access_token: string }).access_token;
    expect((await gcApi(server, engageToken, 'GET', 'routing/queues')).status).toBe(401);
    expect((await gcApi(server, token, 'GET', 'routing/queues')).status).toBe(200);
  });

  it('should list queues with their service level, by the ids and names of the snapshot', async () => {
    await admin(server, 'POST', 'names', { type: 'queue', id: 'vip', name: 'VIP <b>Gold</b>' });
    const { status, body } = await gcApi(server, token, 'GET', 'routing/queues?pageSize=100');
    await admin(server, 'DELETE', 'names');
    expect(status).toBe(200);
    const listing = body as Listing;
    expect(listing).toMatchObject({ total: 6, pageCount: 1, pageNumber: 1, pageSize: 100 });
    const byId = new Map(listing.entities.map((q) => [q.id, q]));
    for (const queue of truth.queues) {
      const entity = byId.get(gcIdOf(queue));
      expect(entity?.name).toBe(queue.id === 'vip' ? 'VIP <b>Gold</b>' : queue.name);
      expect(entity?.mediaSettings).toMatchObject({ call: { serviceLevel: { percentage: 0.8, durationMs: 20000 } } });
      expect(entity?.memberCount).toBe(truth.agents.filter((a) => a.skills.includes(skillOf(queue.id))).length);
    }
    const one = await gcApi(server, token, 'GET', `routing/queues/${gcIdOf(truth.queues[0] as Snapshot['queues'][number])}`);
    expect(one.body).toMatchObject({ id: gcIdOf(truth.queues[0] as Snapshot['queues'][number]), name: truth.queues[0]?.name });
  });

  it('should page users as the platform pages, with skills on request', async () => {
    const { body } = await gcApi(server, token, 'GET', 'users?pageSize=10&pageNumber=2&expand=skills');
    const page = body as Listing;
    const total = truth.agents.length + 2; // the agents and the two demo users who sign in
    expect(page).toMatchObject({ pageSize: 10, pageNumber: 2, total, pageCount: Math.ceil(total / 10) });
    expect(page.selfUri).toBe('/api/v2/users?pageSize=10&pageNumber=2&expand=skills');
    expect(page.nextUri).toBe('/api/v2/users?pageSize=10&pageNumber=3&expand=skills');
    expect(page.previousUri).toBe('/api/v2/users?pageSize=10&pageNumber=1&expand=skills');
    expect(page.lastUri).toBe(`/api/v2/users?pageSize=10&pageNumber=${Math.ceil(total / 10)}&expand=skills`);
    const agent = truth.agents[10];
    expect(page.entities[0]).toMatchObject({ id: agent && gcIdOf(agent), name: agent?.name, state: 'active' });
    const skillIds = (await gcApi(server, token, 'GET', 'routing/skills')).body as Listing;
    const skillName = new Map(skillIds.entities.map((s) => [s.id, s.name]));
    const skills = (page.entities[0]?.skills ?? []) as { id: string; name: string }[];
    expect(skills.map((s) => s.name)).toEqual(agent?.skills.map((id) => server.core.sim.config.skills.find((s) => s.id === id)?.name));
    expect(skills.every((s) => skillName.get(s.id) === s.name)).toBe(true);
    expect((await gcApi(server, token, 'GET', 'users?pageSize=501')).body).toMatchObject({ status: 400, code: 'bad.request' });
  });

  it('should list a queue\'s members: the agents with its skill, each with a routing status', async () => {
    const queue = truth.queues[1] as Snapshot['queues'][number];
    const { body } = await gcApi(server, token, 'GET', `routing/queues/${gcIdOf(queue)}/members?pageSize=100`);
    const members = (body as Listing).entities;
    const expected = truth.agents.filter((a) => a.skills.includes(skillOf(queue.id)));
    expect(members.map((m) => m.id).sort()).toEqual(expected.map(gcIdOf).sort());
    for (const agent of expected) {
      const member = members.find((m) => m.id === gcIdOf(agent));
      expect(member?.routingStatus).toMatchObject({ status: routingStatusOf(agent.state) });
    }
    const unknown = await gcApi(server, token, 'GET', 'routing/queues/00000000-0000-5000-8000-000000000000/members');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'not.found', status: 404 });
  });

  it('should tell a user from a client on users/me', async () => {
    expect((await gcApi(server, await gcToken(server, 'supervisor'), 'GET', 'users/me')).body).toMatchObject({ name: 'Sam Supervisor', state: 'active' });
    expect((await gcApi(server, token, 'GET', 'users/me')).status).toBe(400);
  });

  it('should observe each queue as the snapshot shows it: waiting calls oldest first, idle agents', async () => {
    const predicates = truth.queues.map((q) => ({ dimension: 'queueId', value: gcIdOf(q) }));
    const query = { filter: { type: 'or', predicates }, metrics: ['oWaiting', 'oOnQueueUsers', 'oInteracting'], detailMetrics: ['oWaiting'] };
    const { status, body } = await gcApi(server, token, 'POST', 'analytics/queues/observations/query', query);
    expect(status).toBe(200);
    const results = (body as ObservationResults).results;
    expect(truth.queues.some((q) => q.waiting.length > 0)).toBe(true);
    for (const queue of truth.queues) {
      const voice = results.find((r) => r.group.queueId === gcIdOf(queue) && r.group.mediaType === 'voice');
      const waiting = voice?.data.find((d) => d.metric === 'oWaiting');
      expect(waiting?.stats.count).toBe(queue.waiting.length);
      expect(waiting?.observations?.map((o) => o.observationDate)).toEqual(queue.waiting.map((w) => iso(w.since)));
      const users = results.find((r) => r.group.queueId === gcIdOf(queue) && r.group.mediaType === undefined);
      const idle = users?.data.find((d) => d.metric === 'oOnQueueUsers' && d.qualifier === 'IDLE')?.stats.count ?? 0;
      expect(idle).toBe(truth.agents.filter((a) => a.state === 'WaitForNextCall' && a.skills.includes(skillOf(queue.id))).length);
    }
  });

  it('should refuse bad observation queries with 400 bad.request naming the problem', async () => {
    const queueId = gcIdOf(truth.queues[0] as Snapshot['queues'][number]);
    const filter = { type: 'or', predicates: [{ dimension: 'queueId', value: queueId }] };
    const unknownMetric = await gcApi(server, token, 'POST', 'analytics/queues/observations/query', { filter, metrics: ['oWaiting', 'oNotAMetric'] });
    expect(unknownMetric.status).toBe(400);
    expect((unknownMetric.body as ErrorBody).message).toContain('oNotAMetric');
    const many = { type: 'or', predicates: Array.from({ length: 101 }, (_, i) => ({ dimension: 'queueId', value: `${queueId.slice(0, -3)}${String(i).padStart(3, '0')}` })) };
    expect((await gcApi(server, token, 'POST', 'analytics/queues/observations/query', { filter: many, metrics: ['oWaiting'] })).body).toMatchObject({ status: 400, code: 'bad.request' });
    const badDimension = await gcApi(server, token, 'POST', 'analytics/queues/observations/query', { filter: { type: 'or', predicates: [{ dimension: 'userId', value: 'x' }] }, metrics: ['oWaiting'] });
    expect((badDimension.body as ErrorBody).message).toContain('dimension');
    const raw = await fetch(`${server.url}/genesys-cloud/api/v2/analytics/queues/observations/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"filter":',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ code: 'bad.request', status: 400 });
  });

  it('should report each agent\'s routing status since the snapshot\'s time in state', async () => {
    for (const agent of truth.agents) {
      const { status, body } = await gcApi(server, token, 'GET', `users/${gcIdOf(agent)}/routingstatus`);
      expect(status).toBe(200);
      const routing = body as { userId: string; status: string; startTime: string };
      expect(routing.userId).toBe(gcIdOf(agent));
      expect(routing.status).toBe(routingStatusOf(agent.state));
      // IDLE and ringing always follow another routing status; the others may continue an earlier state's.
      if (agent.state === 'WaitForNextCall' || agent.state === 'CallRinging') expect(routing.startTime).toBe(iso(agent.since));
      else expect(Date.parse(routing.startTime)).toBeLessThanOrEqual(agent.since);
    }
    expect((await gcApi(server, token, 'GET', 'users/00000000-0000-5000-8000-000000000000/routingstatus')).status).toBe(404);
  });

  it('should give the longest idle agent of a queue through routing activity', async () => {
    const queue = truth.queues.find((q) => truth.agents.some((a) => a.state === 'WaitForNextCall' && a.skills.includes(skillOf(q.id)))) as Snapshot['queues'][number];
    const idle = truth.agents.filter((a) => a.state === 'WaitForNextCall' && a.skills.includes(skillOf(queue.id)));
    const query = { groupBy: ['queueId'], filter: { type: 'and', predicates: [{ dimension: 'queueId', value: gcIdOf(queue) }] }, metrics: [{ metric: 'oOnQueueUsers', details: true }] };
    const { body } = await gcApi(server, token, 'POST', 'analytics/routing/activity/query', query);
    const [result] = (body as { results: { group: unknown; data: Datum[]; entities: { userId: string; routingStatus: string; routingStatusDate: string }[] }[] }).results;
    expect(result?.group).toEqual({ queueId: gcIdOf(queue) });
    expect(result?.data.find((d) => d.qualifier === 'IDLE')).toMatchObject({ count: idle.length });
    const idleEntities = result?.entities.filter((e) => e.routingStatus === 'IDLE') ?? [];
    expect(idleEntities.map((e) => e.userId).sort()).toEqual(idle.map(gcIdOf).sort());
    expect(idleEntities[0]?.routingStatusDate).toBe(iso(Math.min(...idle.map((a) => a.since))));
  });

  it('should count today\'s answered and abandoned calls as the statistics engine does', async () => {
    const engineValue = (queueId: string, name: string): number => {
      const resolved = server.core.engine.resolve({ objectType: 'Queue', objectId: queueId, name });
      if (!resolved.ok) throw new Error(resolved.message);
      return server.core.engine.current(resolved.statistic).value.intValue;
    };
    for (const step of [0, 1_800_000]) {
      await advanceClock(server, step);
      const now = server.core.sim.now();
      const dayStart = now - (now % 86_400_000);
      const query = { interval: `${iso(dayStart)}/${iso(dayStart + 86_400_000)}`, groupBy: ['queueId'], metrics: ['tAnswered', 'tAbandon', 'nOffered'] };
      const { status, body } = await gcApi(server, token, 'POST', 'analytics/conversations/aggregates/query', query);
      expect(status).toBe(200);
      const results = (body as { results: { group: { queueId: string }; data: { metrics: { metric: string; stats: { count: number } }[] }[] }[] }).results;
      for (const queue of truth.queues) {
        const metrics = results.find((r) => r.group.queueId === gcIdOf(queue))?.data[0]?.metrics ?? [];
        const count = (metric: string): number => metrics.find((m) => m.metric === metric)?.stats.count ?? 0;
        expect(count('tAnswered')).toBe(engineValue(queue.id, 'Total_Answered'));
        expect(count('tAbandon')).toBe(engineValue(queue.id, 'Total_Abandoned'));
        expect(count('tAnswered')).toBeGreaterThan(0);
      }
    }
    const bad = await gcApi(server, token, 'POST', 'analytics/conversations/aggregates/query', { interval: 'today', metrics: ['nOffered'] });
    expect(bad.body).toMatchObject({ status: 400, code: 'bad.request' });
    const unknown = await gcApi(server, token, 'POST', 'analytics/conversations/aggregates/query', { interval: '2026-11-23T00:00:00Z/2026-11-24T00:00:00Z', metrics: ['nConnected'] });
    expect((unknown.body as ErrorBody).message).toContain('nConnected');
  });
});
