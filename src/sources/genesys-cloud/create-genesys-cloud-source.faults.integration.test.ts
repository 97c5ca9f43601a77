// @vitest-environment node
// The real mock's Genesys Cloud faults: maintenance closes, expired channels, an outage.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gcToken } from '../../../mock-server/api/genesys-cloud/notifications/notification-test-kit.ts';
import { gcIdOf, snapshotWithIds } from '../../../mock-server/api/genesys-cloud/gc-test-snapshot.ts';
import type { MockServer } from '../../../mock-server/create-mock-server.ts';
import { admin, advanceClock, startTestServer } from '../../../mock-server/test-support/test-server.ts';
import type { StatSource } from '../stat-source.ts';
import { statKey, type StatSpec } from '../stat-spec.ts';
import { createGenesysCloudSource } from './create-genesys-cloud-source.ts';
import { wsSocket } from './test-support/ws-socket.ts';
import { createRecordingSink, type RecordingSink } from './test-support/recording-sink.ts';

interface Counts {
  readonly 'genesys-cloud'?: Readonly<Record<string, number>>;
}

describe('createGenesysCloudSource through the real mock’s faults', () => {
  let server: MockServer;
  let token: string;
  let sink: RecordingSink;
  let source: StatSource;
  let inQueue: StatSpec;

  const counts = async (): Promise<Readonly<Record<string, number>>> => ((await admin(server, 'GET', 'requests')) as Counts)['genesys-cloud'] ?? {};
  const waiting = async (): Promise<number> => (await snapshotWithIds(server)).queues.find((q) => q.id === 'support')?.waiting.length ?? -1;

  beforeAll(async () => {
    server = await startTestServer();
    token = await gcToken(server);
    const truth = await snapshotWithIds(server);
    const support = truth.queues.find((q) => q.id === 'support');
    if (!support) throw new Error('no support queue');
    inQueue = { source: 'cloud', kind: 'queue', objectId: gcIdOf(support), statistic: 'Current_In_Queue' };
    sink = createRecordingSink();
    source = createGenesysCloudSource({
      authorizedFetch: (input, init = {}) => {
        const headers = new Headers(init.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(`${server.url}/genesys-cloud${input}`, { ...init, headers });
      },
      getAccessToken: () => token,
      onTokenChange: () => () => undefined,
      handleUnauthorized: () => Promise.resolve(false),
      sink,
      openSocket: wsSocket,
      timeZone: 'UTC',
    });
    source.watch([inQueue]);
    source.start();
    await vi.waitFor(() => expect(sink.state()).toBe('live'), { timeout: 5000 });
  });
  afterAll(async () => {
    await source.stop();
    await server.close();
  });

  /** A call arrives in support: the pushed count must follow. */
  async function followsThePush(): Promise<void> {
    await admin(server, 'POST', 'calls', { queueId: 'support', delayMs: 0, talkMs: 600_000 });
    await advanceClock(server, 1_000);
    const expected = await waiting();
    await expect.poll(() => sink.latest(statKey(inQueue))?.value, { timeout: 5000 }).toBe(expected);
  }

  it('should move to a new socket on the same channel when warned of a maintenance close', async () => {
    const before = await counts();
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', socketClosing: true });
    await expect.poll(async () => (await counts())['POST /api/v2/analytics/queues/observations/query'] ?? 0, { timeout: 5000 }).toBeGreaterThan(
      before['POST /api/v2/analytics/queues/observations/query'] ?? 0,
    );
    const after = await counts();
    expect(after['POST /api/v2/notifications/channels']).toBe(before['POST /api/v2/notifications/channels']);
    expect(sink.connections.map((c) => c.state)).toEqual(['connecting', 'live']);
    await followsThePush();
  });

  it('should make a new channel and subscribe it when the old one expires', async () => {
    const before = await counts();
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', expireChannels: true });
    await expect.poll(async () => (await counts())['POST /api/v2/notifications/channels'] ?? 0, { timeout: 5000 }).toBe((before['POST /api/v2/notifications/channels'] ?? 0) + 1);
    await expect.poll(() => sink.state(), { timeout: 5000 }).toBe('live');
    await followsThePush();
  });

  it('should say unavailable through an outage and come back live on its own', async () => {
    await admin(server, 'POST', 'faults', { vendor: 'genesys-cloud', down: true });
    await expect.poll(() => sink.state(), { timeout: 15_000 }).toBe('unavailable');
    await admin(server, 'DELETE', 'faults?vendor=genesys-cloud');
    await expect.poll(() => sink.state(), { timeout: 70_000 }).toBe('live');
    await followsThePush();
  }, 90_000);
});
