import platformClient from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from './create-mock-server.ts';
import { gcIdOf as gcId, snapshotWithIds, type SnapshotWithIds as Snapshot } from './api/genesys-cloud/gc-test-snapshot.ts';
import { startTestServer } from './test-support/test-server.ts';

/**
 * Genesys's official SDK drives the Genesys Cloud facade as it would drive a real tenant, pointed at
 * the mock with its documented gateway setting (docs/vendors/genesys-cloud.md "What the mock serves").
 */
describe('the Genesys Cloud facade with purecloud-platform-client-v2', () => {
  let server: MockServer;
  let truth: Snapshot;

  beforeAll(async () => {
    server = await startTestServer();
    const client = platformClient.ApiClient.instance;
    client.setGateway({ host: '127.0.0.1', port: Number(new URL(server.url).port), protocol: 'http', path_params_login: 'genesys-cloud/login', path_params_api: 'genesys-cloud' });
    await client.loginClientCredentialsGrant('wallboard-service', 'wallboard-service-secret');
    truth = await snapshotWithIds(server);
  });
  afterAll(() => server.close());

  it('should list queues, users with skills and skills', async () => {
    const routing = new platformClient.RoutingApi();
    const queues = await routing.getRoutingQueues({ pageSize: 100 });
    expect(queues.total).toBe(truth.queues.length);
    expect(queues.entities?.map((q) => q.id).sort()).toEqual(truth.queues.map(gcId).sort());
    expect(queues.entities?.[0]?.mediaSettings?.call?.serviceLevel).toEqual({ percentage: 0.8, durationMs: 20000 });
    const users = await new platformClient.UsersApi().getUsers({ pageSize: 500, expand: ['skills'] });
    const agent = truth.agents[0];
    const user = users.entities?.find((u) => u.id === (agent && gcId(agent)));
    expect(user?.name).toBe(agent?.name);
    expect(user?.skills).toHaveLength(agent?.skills.length ?? -1);
    expect((await routing.getRoutingSkills({ pageSize: 25 })).total).toBe(server.core.sim.config.skills.length);
    const members = await routing.getRoutingQueueMembers(gcId(truth.queues[0] as Snapshot['queues'][number]), { pageSize: 100 });
    expect(members.entities?.length).toBeGreaterThan(0);
  });

  it('should answer observation, aggregate and routing activity queries', async () => {
    const analytics = new platformClient.AnalyticsApi();
    const queueIds = truth.queues.map(gcId);
    const observed = await analytics.postAnalyticsQueuesObservationsQuery({
      filter: { type: 'or', predicates: queueIds.map((value) => ({ dimension: 'queueId', value })) },
      metrics: ['oWaiting', 'oOnQueueUsers', 'oInteracting'],
    });
    for (const queue of truth.queues) {
      const voice = observed.results?.find((r) => r.group?.queueId === gcId(queue) && r.group.mediaType === 'voice');
      expect(voice?.data?.find((d) => d.metric === 'oWaiting')?.stats?.count).toBe(queue.waiting.length);
    }
    const dayStart = truth.now - (truth.now % 86_400_000);
    const aggregates = await analytics.postAnalyticsConversationsAggregatesQuery({
      interval: `${new Date(dayStart).toISOString()}/${new Date(dayStart + 86_400_000).toISOString()}`,
      granularity: 'PT30M',
      groupBy: ['queueId'],
      metrics: ['nOffered', 'tAnswered', 'oServiceLevel'],
    });
    expect(aggregates.results?.length).toBe(truth.queues.length);
    expect(aggregates.results?.[0]?.data?.[0]?.interval).toMatch(/^\d{4}-\d\d-\d\dT\d\d:[03]0:00\.000Z\/\d{4}-\d\d-\d\dT\d\d:[03]0:00\.000Z$/);
    const activity = await analytics.postAnalyticsRoutingActivityQuery({
      groupBy: ['queueId'],
      filter: { type: 'or', predicates: [{ dimension: 'queueId', value: queueIds[0] ?? '' }] },
      metrics: [{ metric: 'oUserRoutingStatuses', details: true }],
    });
    expect(activity.results?.[0]?.entities?.every((e) => typeof e.routingStatusDate === 'string')).toBe(true);
  });

  it('should give an agent\'s routing status, and reject a bad query with the platform\'s error body', async () => {
    const agent = truth.agents.find((a) => a.state === 'WaitForNextCall') as Snapshot['agents'][number];
    const status = await new platformClient.UsersApi().getUserRoutingstatus(gcId(agent));
    expect(status).toEqual({ userId: gcId(agent), status: 'IDLE', startTime: new Date(agent.since).toISOString() });
    await expect(
      new platformClient.AnalyticsApi().postAnalyticsQueuesObservationsQuery({ filter: { type: 'or', predicates: [{ dimension: 'queueId', value: gcId(truth.queues[0] as Snapshot['queues'][number]) }] }, metrics: ['oBogus'] }),
    ).rejects.toMatchObject({ status: 400, code: 'bad.request' });
  });

  it('should open a notification channel and subscribe to a queue\'s observations', async () => {
    const notifications = new platformClient.NotificationsApi();
    const channel = await notifications.postNotificationsChannels();
    expect(channel.connectUri).toMatch(/^ws:\/\//);
    const topic = `v2.analytics.queues.${gcId(truth.queues[0] as Snapshot['queues'][number])}.observations`;
    const subscribed = await notifications.putNotificationsChannelSubscriptions(channel.id ?? '', [{ id: topic }]);
    expect(subscribed.entities?.map((e) => e.id)).toEqual([topic]);
  });
});
