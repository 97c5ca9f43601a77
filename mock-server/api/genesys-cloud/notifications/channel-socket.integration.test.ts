import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../../create-mock-server.ts';
import { admin, advanceClock, startTestServer } from '../../../test-support/test-server.ts';
import { genesysCloudId } from '../../../vendor-ids/vendor-ids.ts';
import { createChannel, gcApi, gcToken, isTopic, openSocket, refusedUpgrade, type ChannelJson, type Frame } from './notification-test-kit.ts';

const SEED = 1;
const HOUR = 3_600_000;
const queueTopic = (simId: string): string => `v2.analytics.queues.${genesysCloudId(SEED, 'queue', simId)}.observations`;
const isMessage = (message: string) => (frame: Frame): boolean => frame.topicName === 'channel.metadata' && frame.eventBody?.message === message;
const isReply = (frame: Frame): boolean => frame.result !== undefined;
const head = async (server: MockServer, token: string, channel: ChannelJson): Promise<number> =>
  (await gcApi(server, token, 'HEAD', `notifications/channels/${channel.id}`)).status;

describe('a notification channel WebSocket', () => {
  let server: MockServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ seed: SEED, gcNotifications: { heartbeatMs: 150, closeDelayMs: 100, sweepMs: 20 } });
    token = await gcToken(server);
  });
  afterEach(() => admin(server, 'DELETE', 'faults'));
  afterAll(() => server.close());

  it('should answer a ping with a pong and send heartbeats on its interval', async () => {
    const socket = await openSocket((await createChannel(server, token)).connectUri);
    socket.send({ message: 'ping' });
    await socket.next(isMessage('pong'));
    const first = await socket.next(isMessage('WebSocket Heartbeat'));
    const index = socket.frames.findIndex((f) => f.frame === first);
    await socket.next(isMessage('WebSocket Heartbeat'), { after: index + 1 });
    expect(socket.frames.every((f) => f.frame.topicName === 'channel.metadata')).toBe(true);
    const requests = (await admin(server, 'GET', 'requests')) as Record<string, Record<string, number>>;
    expect(requests['genesys-cloud']).toMatchObject({ openChannels: 1, openWebSockets: 1, 'POST /api/v2/notifications/channels': 1 });
    socket.close();
    await socket.closed;
  });

  it('should subscribe over the socket and answer with the correlation id, or say why not', async () => {
    const channel = await createChannel(server, token);
    const socket = await openSocket(channel.connectUri);
    socket.send({ message: 'subscribe', topics: [queueTopic('sales')], correlationId: 'c-1' });
    expect(await socket.next(isReply)).toEqual({ correlationId: 'c-1', topics: [queueTopic('sales')], result: '200', status: 'subscribed' });
    const listing = await gcApi(server, token, 'GET', `notifications/channels/${channel.id}/subscriptions`);
    expect(listing.body).toEqual({ entities: [{ id: queueTopic('sales'), state: 'Permitted' }] });

    socket.send({ message: 'subscribe', correlationId: 'c-2' });
    expect(await socket.next((f) => f.correlationId === 'c-2')).toMatchObject({
      result: '400',
      status: 'error',
      message: 'Required data missing from subscribe request.',
    });
    socket.send({ message: 'subscribe', topics: ['v2.nothing.here'], correlationId: 'c-3' });
    expect(await socket.next((f) => f.correlationId === 'c-3')).toMatchObject({ result: '400', status: 'failed', topics: [] });
    const count = socket.frames.length;
    socket.send('{not json');
    expect(await socket.next(isReply, { after: count })).toMatchObject({ result: '400', status: 'error' });
    socket.close();
  });

  it('should refuse an upgrade for a channel that does not exist with 404', async () => {
    expect(await refusedUpgrade(`${server.url.replace('http', 'ws')}/genesys-cloud/notifications/channels/streaming-0-nope`)).toBe(404);
  });

  it('should warn with v2.system.socket_closing, close, and keep the channel for a reconnect (admin fault)', async () => {
    const channel = await createChannel(server, token);
    const socket = await openSocket(channel.connectUri);
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', socketClosing: true });
    expect(await socket.next(isTopic('v2.system.socket_closing'))).toMatchObject({ eventBody: {} });
    expect(await socket.closed).toBe(1000);
    expect(await head(server, token, channel)).toBe(200);
    const again = await openSocket(channel.connectUri);
    again.send({ message: 'ping' });
    await again.next(isMessage('pong'));
    again.close();
  });

  it('should end a channel 24 simulated hours after its last subscribe: warned, closed, then 404', async () => {
    const renewed = await createChannel(server, token);
    const left = await createChannel(server, token);
    const socket = await openSocket(left.connectUri);
    await advanceClock(server, 23 * HOUR);
    const put = await gcApi(server, token, 'PUT', `notifications/channels/${renewed.id}/subscriptions`, [{ id: queueTopic('vip') }]);
    expect(put.status).toBe(200);
    const listed = (await gcApi(server, token, 'GET', 'notifications/channels')).body as { entities: ChannelJson[] };
    expect(Date.parse(listed.entities.find((c) => c.id === renewed.id)?.expires ?? '')).toBe(Date.parse(renewed.expires) + 23 * HOUR);

    await advanceClock(server, 2 * HOUR);
    await socket.next(isTopic('v2.system.socket_closing'));
    expect(await socket.closed).toBe(1000);
    expect(await head(server, token, left)).toBe(404);
    expect(await refusedUpgrade(left.connectUri)).toBe(404);
    expect(await head(server, token, renewed)).toBe(200);
  });

  it('should end every channel at once on the expireChannels fault', async () => {
    const channel = await createChannel(server, token);
    const socket = await openSocket(channel.connectUri);
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', expireChannels: true });
    await socket.next(isTopic('v2.system.socket_closing'));
    await socket.closed;
    expect(await head(server, token, channel)).toBe(404);
  });

  it('should close sockets without warning and refuse upgrades with 503 while the vendor is down', async () => {
    const channel = await createChannel(server, token);
    const socket = await openSocket(channel.connectUri);
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', down: true });
    expect(await socket.closed).toBe(1001);
    expect(socket.frames.some((f) => f.frame.topicName === 'v2.system.socket_closing')).toBe(false);
    expect(await refusedUpgrade(channel.connectUri)).toBe(503);
    await admin(server, 'DELETE', 'faults');
    const back = await openSocket(channel.connectUri);
    back.close();
  });
});
