import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../../create-mock-server.ts';
import { BUSY_MORNING, startTestServer } from '../../../test-support/test-server.ts';
import { genesysCloudId } from '../../../vendor-ids/vendor-ids.ts';
import { createChannel, gcApi, gcToken, isTopic, openSocket, type ChannelJson } from './notification-test-kit.ts';

const SEED = 1;
const queueTopic = (simId: string): string => `v2.analytics.queues.${genesysCloudId(SEED, 'queue', simId)}.observations`;
const userTopic = (simId: string): string => `v2.users.${genesysCloudId(SEED, 'agent', simId)}.routingStatus`;
const topicIds = (listing: unknown): string[] => (listing as { entities: { id: string }[] }).entities.map((e) => e.id);

describe('the Notifications API channels and subscriptions', () => {
  let server: MockServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ seed: SEED });
    token = await gcToken(server);
  });
  afterAll(() => server.close());

  it('should answer 401 in the platform ErrorBody without a token or with a bad one', async () => {
    const none = await gcApi(server, undefined, 'POST', 'notifications/channels');
    expect(none).toMatchObject({ status: 401, body: { code: 'authentication.required', status: 401 } });
    const bad = await gcApi(server, 'not-a-token', 'GET', 'notifications/channels');
    expect(bad).toMatchObject({ status: 401, body: { code: 'bad.credentials', status: 401 } });
    const channel = await createChannel(server, token);
    expect((await gcApi(server, undefined, 'HEAD', `notifications/channels/${channel.id}`)).status).toBe(401);
    expect((await gcApi(server, undefined, 'PUT', `notifications/channels/${channel.id}/subscriptions`, [])).status).toBe(401);
  });

  it('should create a channel on the mock origin that lives 24 simulated hours, list it, and answer HEAD', async () => {
    const channel = await createChannel(server, token);
    expect(channel.connectUri).toBe(`${server.url.replace('http', 'ws')}/genesys-cloud/notifications/channels/${channel.id}`);
    expect(Date.parse(channel.expires)).toBe(BUSY_MORNING + 24 * 3_600_000);
    const listed = await gcApi(server, token, 'GET', 'notifications/channels');
    expect((listed.body as { entities: ChannelJson[] }).entities).toContainEqual(channel);
    expect((await gcApi(server, token, 'HEAD', `notifications/channels/${channel.id}`)).status).toBe(200);
    expect((await gcApi(server, token, 'HEAD', 'notifications/channels/streaming-0-nope')).status).toBe(404);
  });

  it("should show another user's channel to nobody else", async () => {
    const channel = await createChannel(server, token);
    const kiosk = await gcToken(server, 'kiosk');
    expect((await gcApi(server, kiosk, 'HEAD', `notifications/channels/${channel.id}`)).status).toBe(404);
    expect((await gcApi(server, kiosk, 'GET', `notifications/channels/${channel.id}/subscriptions`)).body).toMatchObject({ code: 'not.found' });
    const listed = await gcApi(server, kiosk, 'GET', 'notifications/channels?includechannels=oauthclient');
    expect(JSON.stringify(listed.body)).not.toContain(channel.id);
  });

  it('should replace with PUT, add with POST, list with GET and clear with DELETE', async () => {
    const { id } = await createChannel(server, token);
    const path = `notifications/channels/${id}/subscriptions`;
    const put = await gcApi(server, token, 'PUT', path, [{ id: queueTopic('sales') }, { id: userTopic('agent-01') }]);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      entities: [
        { id: queueTopic('sales'), state: 'Permitted' },
        { id: userTopic('agent-01'), state: 'Permitted' },
      ],
    });
    await gcApi(server, token, 'POST', path, [{ id: queueTopic('support') }, { id: queueTopic('sales') }]);
    expect(topicIds((await gcApi(server, token, 'GET', path)).body)).toEqual([queueTopic('sales'), userTopic('agent-01'), queueTopic('support')]);
    await gcApi(server, token, 'PUT', path, [{ id: queueTopic('vip') }]);
    expect(topicIds((await gcApi(server, token, 'GET', path)).body)).toEqual([queueTopic('vip')]);
    expect((await gcApi(server, token, 'DELETE', path)).status).toBe(204);
    expect((await gcApi(server, token, 'GET', path)).body).toEqual({ entities: [] });
  });

  it('should refuse unknown topics and missing objects with 400, or list them as Rejected with ignoreErrors', async () => {
    const { id } = await createChannel(server, token);
    const path = `notifications/channels/${id}/subscriptions`;
    for (const topic of ['v2.users.presence', `v2.analytics.queues.${genesysCloudId(SEED + 1, 'queue', 'sales')}.observations`]) {
      const refused = await gcApi(server, token, 'PUT', path, [{ id: queueTopic('sales') }, { id: topic }]);
      expect(refused).toMatchObject({ status: 400, body: { code: 'bad.request', status: 400 } });
    }
    expect((await gcApi(server, token, 'GET', path)).body).toEqual({ entities: [] });
    const lenient = await gcApi(server, token, 'PUT', `${path}?ignoreErrors=true`, [{ id: queueTopic('sales') }, { id: 'v2.users.nobody.routingStatus' }]);
    expect(lenient.status).toBe(200);
    expect(lenient.body).toEqual({
      entities: [
        { id: queueTopic('sales'), state: 'Permitted' },
        { id: 'v2.users.nobody.routingStatus', state: 'Rejected', rejectionReason: expect.any(String) as unknown },
      ],
    });
    expect((await gcApi(server, token, 'PUT', path, { id: queueTopic('sales') })).status).toBe(400);
  });

  it('should keep 20 channels per user and app: a 21st removes the oldest idle one, else the oldest, closing its socket', async () => {
    const user = await gcToken(server, 'kiosk');
    const first = await createChannel(server, user);
    const rest: ChannelJson[] = [];
    for (let i = 0; i < 19; i++) rest.push(await createChannel(server, user));
    const kept = await openSocket(first.connectUri);
    // The oldest channel has a socket: the oldest one without goes first.
    const latest = await createChannel(server, user);
    expect((await gcApi(server, user, 'HEAD', `notifications/channels/${rest[0]?.id ?? ''}`)).status).toBe(404);
    expect((await gcApi(server, user, 'HEAD', `notifications/channels/${first.id}`)).status).toBe(200);
    // Every channel connected: the one used least recently goes, and its socket is warned and closed.
    const sockets = [];
    for (const channel of [...rest.slice(1), latest]) sockets.push(await openSocket(channel.connectUri));
    await createChannel(server, user);
    await kept.next(isTopic('v2.system.socket_closing'));
    expect(await kept.closed).toBe(1000);
    expect((await gcApi(server, user, 'HEAD', `notifications/channels/${first.id}`)).status).toBe(404);
    const owned = await gcApi(server, user, 'GET', 'notifications/channels?includechannels=oauthclient');
    expect((owned.body as { entities: unknown[] }).entities).toHaveLength(20);
    for (const socket of sockets) socket.close();
  });
});

describe('the topic limit of a channel', () => {
  let server: MockServer;

  // 1,600 agents and 6 queues: enough real topics to pass 1,000.
  beforeAll(async () => {
    server = await startTestServer({ seed: SEED, agents: 1600, randomTraffic: false });
  });
  afterAll(() => server.close());

  it('should hold 1,000 topics and refuse a request that would pass them, changing nothing', async () => {
    const token = await gcToken(server);
    const { id } = await createChannel(server, token);
    const path = `notifications/channels/${id}/subscriptions`;
    const agents = Array.from({ length: 1001 }, (_, i) => ({ id: userTopic(`agent-${String(i + 1).padStart(2, '0')}`) }));
    expect((await gcApi(server, token, 'PUT', path, agents.slice(0, 1000))).status).toBe(200);
    const over = await gcApi(server, token, 'POST', path, agents.slice(1000));
    expect(over).toMatchObject({ status: 400, body: { code: 'bad.request' } });
    expect((over.body as { message: string }).message).toContain('1000');
    expect(topicIds((await gcApi(server, token, 'GET', path)).body)).toHaveLength(1000);
    expect((await gcApi(server, token, 'PUT', path, agents)).status).toBe(400);
  });
});
