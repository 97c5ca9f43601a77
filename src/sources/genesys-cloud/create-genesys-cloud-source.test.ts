// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { ANNA, BEN, iso, SALES, seedFloor, SKILL, SUPPORT } from './test-support/gc-floor.ts';
import { createGcRig, gcSpec, keyOf, type GcRig } from './test-support/source-rig.ts';

describe('createGenesysCloudSource', () => {
  let rig: GcRig;
  afterEach(async () => {
    await rig.source.stop();
  });

  async function started(specs = [gcSpec('queue', SALES, 'Current_In_Queue')]): Promise<GcRig> {
    rig = createGcRig();
    seedFloor(rig.gc, rig.time.now());
    rig.source.watch(specs);
    rig.source.start();
    await rig.time.advance(100);
    return rig;
  }

  it('should go live with the first values of queues, totals, agents and skills', async () => {
    rig = createGcRig();
    seedFloor(rig.gc, rig.time.now());
    const t0 = rig.time.now();
    rig.source.watch([
      ...['Current_In_Queue', 'CurrMaxCallWaitingTime', 'LongestIdleTime', 'CurrentReadyAgents', 'CurrNumberInCall', 'CurrentNotReadyAgents', 'gc-interacting', 'gc-on-queue-agents'].map((s) =>
        gcSpec('queue', SALES, s),
      ),
      ...['ServiceLevel', 'Total_Answered', 'Total_Abandoned', 'AverageWaitingTime', 'gc-offered'].map((s) => gcSpec('queue', SALES, s)),
      gcSpec('agent', ANNA, 'CurrentAgentState'),
      gcSpec('agent', BEN, 'CurrentAgentState'),
      ...['CurrentReadyAgents', 'CurrentNotReadyAgents', 'CurrNumberInCall', 'LongestIdleTime'].map((s) => gcSpec('skill', SKILL, s)),
    ]);
    rig.source.start();
    expect(rig.sink.state()).toBe('connecting');
    await rig.time.advance(100);
    expect(rig.sink.connections.map((c) => c.state)).toEqual(['connecting', 'live']);
    const queue = (s: string): unknown => rig.value('queue', SALES, s);
    expect([queue('Current_In_Queue'), queue('CurrMaxCallWaitingTime'), queue('LongestIdleTime')]).toEqual([2, 90, 120]);
    expect([queue('CurrentReadyAgents'), queue('CurrNumberInCall'), queue('CurrentNotReadyAgents'), queue('gc-interacting'), queue('gc-on-queue-agents')]).toEqual([1, 3, 1, 3, 4]);
    expect([queue('ServiceLevel'), queue('Total_Answered'), queue('Total_Abandoned'), queue('AverageWaitingTime'), queue('gc-offered')]).toEqual([81.25, 40, 4, 10, 46]);
    expect(rig.value('agent', ANNA, 'CurrentAgentState')).toEqual({ state: 'ready', since: t0 - 120_000, label: 'Idle' });
    expect(rig.value('agent', BEN, 'CurrentAgentState')).toEqual({ state: 'not-ready', since: t0 - 600_000, label: 'Break' });
    const skill = (s: string): unknown => rig.value('skill', SKILL, s);
    expect([skill('CurrentReadyAgents'), skill('CurrentNotReadyAgents'), skill('CurrNumberInCall'), skill('LongestIdleTime')]).toEqual([1, 1, 0, 120]);
    expect(rig.sink.drops).toEqual([]);
    // Subscribed with the ids the specs carry, on one channel.
    expect([...(rig.gc.channels.values().next().value ?? [])].sort()).toEqual(
      [`v2.analytics.queues.${SALES}.observations`, `v2.users.${ANNA}.routingstatus`, `v2.users.${BEN}.routingstatus`].sort(),
    );
  });

  it('should say a statistic it cannot supply at once, and never ask the platform for it', async () => {
    await started([gcSpec('skill', SKILL, 'Current_In_Queue'), gcSpec('agent', ANNA, 'ServiceLevel'), { ...gcSpec('queue', SALES, 'ServiceLevel'), serviceLevelSeconds: 20 }]);
    expect(rig.sink.status(keyOf('skill', SKILL, 'Current_In_Queue'))).toEqual({
      key: keyOf('skill', SKILL, 'Current_In_Queue'),
      status: 'error',
      reason: 'Genesys Cloud cannot supply Current_In_Queue for a skill',
    });
    expect(rig.sink.status(keyOf('agent', ANNA, 'ServiceLevel'))?.status).toBe('error');
    expect(rig.sink.status(`${keyOf('queue', SALES, 'ServiceLevel')}@20s`)?.reason).toContain("queue's own target");
    expect(rig.gc.count('POST', '/api/v2/analytics')).toBe(0);
  });

  it('should apply pushed observations and routing statuses as they come', async () => {
    await started([gcSpec('queue', SALES, 'Current_In_Queue'), gcSpec('queue', SALES, 'CurrentReadyAgents'), gcSpec('agent', ANNA, 'CurrentAgentState')]);
    const t = rig.time.now();
    rig.gc.pushQueue(SALES, [{ metric: 'oWaiting', stats: { count: 5 } }]);
    rig.gc.pushQueue(SALES, [{ metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 0 } }]);
    rig.gc.pushUser(ANNA, 'INTERACTING', t);
    await rig.time.settle();
    expect(rig.value('queue', SALES, 'Current_In_Queue')).toBe(5);
    expect(rig.value('queue', SALES, 'CurrentReadyAgents')).toBe(0);
    expect(rig.value('agent', ANNA, 'CurrentAgentState')).toEqual({ state: 'on-call', since: t, label: 'Interacting' });
    // Pushed values promise the 60 s re-query; the store marks them stale past two periods.
    expect(rig.sink.latest(keyOf('queue', SALES, 'Current_In_Queue'))?.periodMs).toBe(60_000);
  });

  it('should keep the oldest wait from the query while calls only arrive, and read it again within 10 s when some leave', async () => {
    await started([gcSpec('queue', SALES, 'CurrMaxCallWaitingTime')]);
    const queries = (): number => rig.gc.count('POST', '/api/v2/analytics/queues/observations/query');
    expect(queries()).toBe(1);
    rig.gc.pushQueue(SALES, [{ metric: 'oWaiting', stats: { count: 3 } }]);
    await rig.time.settle();
    expect(rig.value('queue', SALES, 'CurrMaxCallWaitingTime')).toBe(90);
    const now = rig.time.now();
    rig.gc.observations.set(SALES, [{ metric: 'oWaiting', stats: { count: 1 }, observations: [{ observationDate: iso(now - 30_000) }] }]);
    rig.gc.pushQueue(SALES, [{ metric: 'oWaiting', stats: { count: 1 } }]);
    await rig.time.advance(9_000);
    expect(queries()).toBe(1);
    await rig.time.advance(1_000);
    expect(queries()).toBe(2);
    expect(rig.value('queue', SALES, 'CurrMaxCallWaitingTime')).toBe(40);
  });

  it('should forget keys at once when they leave the screen and start them from loading when they come back', async () => {
    await started([gcSpec('queue', SALES, 'Current_In_Queue'), gcSpec('queue', SUPPORT, 'Current_In_Queue')]);
    rig.source.watch([gcSpec('queue', SUPPORT, 'Current_In_Queue')]);
    expect(rig.sink.forgotten).toEqual([[keyOf('queue', SALES, 'Current_In_Queue')]]);
    await rig.time.settle();
    expect([...(rig.gc.channels.values().next().value ?? [])]).toEqual([`v2.analytics.queues.${SUPPORT}.observations`]);
    rig.source.watch([gcSpec('queue', SUPPORT, 'Current_In_Queue'), gcSpec('queue', SALES, 'Current_In_Queue')]);
    expect(rig.sink.status(keyOf('queue', SALES, 'Current_In_Queue'))?.status).toBe('loading');
    await rig.time.advance(2_000);
    expect(rig.sink.latest(keyOf('queue', SALES, 'Current_In_Queue'))).toMatchObject({ value: 2, first: true });
  });

  it('should refuse the statistics of an object the platform does not know, keeping the rest', async () => {
    const ghost = 'deadbeef-0000-5000-8000-000000000000';
    await started([gcSpec('queue', SALES, 'Current_In_Queue'), gcSpec('queue', ghost, 'Current_In_Queue'), gcSpec('agent', ghost, 'CurrentAgentState')]);
    expect(rig.sink.status(keyOf('queue', ghost, 'Current_In_Queue'))).toMatchObject({ status: 'error', reason: expect.stringContaining('not found') });
    expect(rig.sink.status(keyOf('agent', ghost, 'CurrentAgentState'))?.status).toBe('error');
    expect(rig.value('queue', SALES, 'Current_In_Queue')).toBe(2);
    expect(rig.sink.state()).toBe('live');
  });

  it('should give a statistic the answer leaves out as no value, never 0', async () => {
    await started([gcSpec('queue', SUPPORT, 'Total_Answered'), gcSpec('queue', SUPPORT, 'gc-interacting'), gcSpec('queue', SUPPORT, 'Current_In_Queue')]);
    expect(rig.sink.latest(keyOf('queue', SUPPORT, 'Total_Answered'))?.value).toBeNull();
    expect(rig.sink.latest(keyOf('queue', SUPPORT, 'gc-interacting'))?.value).toBeNull();
    expect(rig.value('queue', SUPPORT, 'Current_In_Queue')).toBe(0);
  });

  it('should stay live when a board is first shown after going live with none', async () => {
    rig = createGcRig();
    seedFloor(rig.gc, rig.time.now());
    rig.source.start();
    await rig.time.advance(100);
    expect(rig.sink.state()).toBe('live');
    rig.source.watch([gcSpec('queue', SALES, 'Current_In_Queue')]);
    await rig.time.advance(2_000);
    expect(rig.sink.connections.map((c) => c.state)).toEqual(['connecting', 'live']);
    expect(rig.value('queue', SALES, 'Current_In_Queue')).toBe(2);
  });

  it('should reopen its sockets and read everything again on reconnect(), and tell its last sign of life', async () => {
    await started([gcSpec('queue', SALES, 'Current_In_Queue'), gcSpec('agent', ANNA, 'CurrentAgentState')]);
    const created = rig.time.now() - 100;
    await rig.time.advance(45_000);
    // The heartbeat 30 s after the rig began.
    expect(rig.source.lastActivityAt()).toBe(created + 30_000);
    const queries = rig.gc.count('POST', '/api/v2/analytics/queues/observations/query');
    rig.source.reconnect('watchdog');
    expect(rig.sink.state()).toBe('reconnecting');
    await rig.time.advance(1_000);
    expect(rig.sink.state()).toBe('live');
    expect(rig.gc.sockets.all).toHaveLength(2);
    expect(rig.gc.count('POST', '/api/v2/notifications/channels')).toBe(1);
    expect(rig.gc.count('POST', '/api/v2/analytics/queues/observations/query')).toBe(queries + 1);
    expect(rig.source.lastActivityAt()).toBeGreaterThanOrEqual(rig.time.now() - 1_000);
  });

  it('should refuse only oAlerting when the platform does not take it in an observations query', async () => {
    rig = createGcRig();
    seedFloor(rig.gc, rig.time.now());
    rig.gc.fail(
      (r) => r.path.endsWith('/observations/query') && JSON.stringify(r.body).includes('oAlerting'),
      () => new Response(JSON.stringify({ message: 'Invalid metric "oAlerting"', code: 'bad.request', status: 400 }), { status: 400 }),
      10,
    );
    rig.source.watch([gcSpec('queue', SALES, 'gc-alerting'), gcSpec('queue', SALES, 'Current_In_Queue')]);
    rig.source.start();
    await rig.time.advance(5_000);
    expect(rig.sink.status(keyOf('queue', SALES, 'gc-alerting'))).toMatchObject({ status: 'error', reason: expect.stringContaining('oAlerting') });
    expect(rig.value('queue', SALES, 'Current_In_Queue')).toBe(2);
  });

  it('should stop: sockets closed, subscriptions deleted, nothing more sent', async () => {
    await started();
    const batches = rig.sink.updates.batches.length;
    await rig.source.stop();
    expect(rig.gc.sockets.open()).toEqual([]);
    expect(rig.gc.count('DELETE', '/api/v2/notifications/channels/')).toBe(1);
    const requests = rig.gc.requests.length;
    await rig.time.advance(600_000);
    expect(rig.sink.updates.batches.length).toBe(batches);
    expect(rig.gc.requests.length).toBe(requests);
  });
});
