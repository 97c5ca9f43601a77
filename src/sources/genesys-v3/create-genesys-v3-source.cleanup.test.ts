// @vitest-environment node
// Node, not jsdom: the mock core reads its files through Node URLs, which jsdom's URL breaks.
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { statKey } from '../stat-spec.ts';
import { createManualTimers, type ManualTimers } from './test-support/manual-timers.ts';
import { API_KEY, createMswTestMock, ORIGIN } from './test-support/msw-mock.ts';
import { createSourceRig, nextTask, spec, type SourceRig } from './test-support/source-rig.ts';

const { core, server, openStatistics, serviceToken } = createMswTestMock();

const serviceLevel = spec('Queue', 'sales', 'ServiceLevel');
const inQueue = spec('Queue', 'sales', 'Current_In_Queue');
const idle = spec('GroupAgents', 'sales', 'LongestIdleTime');
const agentState = spec('Agent', 'agent-01', 'CurrentAgentState');
const supportInQueue = spec('Queue', 'support', 'Current_In_Queue');
const board = [serviceLevel, inQueue, idle, agentState];
const SETTLE_MS = 5000;
const DELETE_URL = `${ORIGIN}/statistics/v3/subscriptions/:id`;
const UPDATES = '/statistics/v3/updates';

/** A StatisticUpdate message's data with these statistics. */
function updateOf(...statistics: ReadonlyArray<{ readonly subscriptionId: string | undefined; readonly statisticId: string | undefined }>): unknown {
  return { name: 'StatisticUpdate', data: { statistics: statistics.map((s) => ({ ...s, value: { intValue: 1, stringValue: '1' }, timestamp: 1 })) } };
}

/** A handler that holds the next request of its kind until released, then lets the mock answer it. */
function gated(): { readonly wait: () => Promise<void>; readonly release: () => void } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { wait: () => gate, release: () => release() };
}

describe('createGenesysV3Source keeps on the server only what is shown (MSW REST, fake CometD)', () => {
  let rig: SourceRig;
  let token = '';
  let timers: ManualTimers;
  let clock = 0;

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    token = await serviceToken();
  });
  afterEach(async () => {
    await rig.source.stop();
    server.resetHandlers();
    core.setServiceState('AVAILABLE');
    core.engine.subscriptions.closeAll();
  });
  afterAll(() => {
    server.close();
    core.stop();
  });

  /** The adapter on manual timers and a manual clock, the board live in one subscription. */
  async function liveBoard(): Promise<string> {
    timers = createManualTimers();
    clock = 1_000_000;
    rig = createSourceRig({
      origin: ORIGIN,
      apiKey: API_KEY,
      token: () => token,
      deps: { ...timers, random: () => 0.5, now: () => clock, settleMs: SETTLE_MS },
    });
    rig.source.start();
    rig.source.watch(board);
    await expect.poll(() => board.map((s) => rig.sink.status(statKey(s))?.status)).toEqual(['live', 'live', 'live', 'live']);
    return rig.creates()[0]?.operationId ?? '';
  }

  describe('DELETE', () => {
    it('should retry a DELETE that failed with 503 or a network error until the server confirms it', async () => {
      const first = await liveBoard();
      server.use(http.delete(DELETE_URL, () => HttpResponse.json({ status: { code: 503, message: 'injected' } }, { status: 503 })));
      rig.source.watch([]);
      await expect.poll(() => timers.pending(1000)).toEqual([{ ms: 500 }]);
      expect(rig.deletes()).toEqual([first]);
      expect(openStatistics()).toBe(4);
      // Still ours until the server confirms: its updates meanwhile are expected, not "unknown", and ask no second DELETE.
      rig.cometd.deliver(UPDATES, updateOf({ subscriptionId: first, statisticId: 's1' }));
      await nextTask();
      expect(rig.sink.drops).toEqual([]);
      expect(rig.deletes()).toEqual([first]);

      server.resetHandlers();
      server.use(http.delete(DELETE_URL, () => HttpResponse.error(), { once: true }));
      timers.fire(1000);
      await expect.poll(() => timers.pending(2000)).toEqual([{ ms: 1000 }]);
      expect(rig.deletes()).toEqual([first, first]);
      expect(openStatistics()).toBe(4);

      timers.fire(2000);
      await expect.poll(() => openStatistics()).toBe(0);
      expect(rig.deletes()).toEqual([first, first, first]);
      await nextTask();
      expect(timers.pending(30_000)).toEqual([]);
    });

    it('should take a 404 as done', async () => {
      await liveBoard();
      server.use(http.delete(DELETE_URL, () => HttpResponse.json({ status: { code: 404, message: 'not found' } }, { status: 404 }), { once: true }));
      rig.source.watch([]);
      await expect.poll(() => rig.deletes()).toHaveLength(1);
      await nextTask();
      expect(timers.pending(30_000)).toEqual([]);
    });

    it.each([
      ['a new server session', (r: SourceRig): void => r.cometd.dropSession()],
      ['UNAVAILABLE', (r: SourceRig): void => r.cometd.serviceState('UNAVAILABLE')],
    ])('should stop retrying DELETEs on %s: the old subscriptions are gone with it', async (_label, reset) => {
      const first = await liveBoard();
      server.use(http.delete(DELETE_URL, () => HttpResponse.json({ status: { code: 503, message: 'injected' } }, { status: 503 })));
      rig.source.watch([]);
      await expect.poll(() => timers.pending(1000)).toEqual([{ ms: 500 }]);
      reset(rig);
      await expect.poll(() => timers.pending(30_000)).toEqual([]);
      await nextTask();
      expect(timers.fire(30_000)).toBe(0);
      expect(rig.deletes()).toEqual([first]);
    });

    it('should DELETE a subscription it does not hold when updates arrive for it, at most once a minute, counting drops per message', async () => {
      await liveBoard();
      const stray = 'left-behind-by-another-tab';
      rig.cometd.deliver(
        UPDATES,
        updateOf({ subscriptionId: stray, statisticId: 's1' }, { subscriptionId: stray, statisticId: 's2' }, { subscriptionId: stray, statisticId: 's3' }),
      );
      expect(rig.sink.drops).toEqual([{ reason: 'unknown statistic', count: 3 }]);
      await expect.poll(() => rig.deletes()).toEqual([stray]);

      // While its DELETE is in flight its updates are expected; once answered they count again, yet ask no second DELETE within the minute.
      const strayUpdate = (): number => {
        rig.cometd.deliver(UPDATES, updateOf({ subscriptionId: stray, statisticId: 's1' }));
        return rig.sink.drops.length;
      };
      await expect.poll(strayUpdate).toBeGreaterThan(1);
      clock += 59_000;
      strayUpdate();
      await nextTask();
      expect(rig.deletes()).toEqual([stray]);
      expect(rig.sink.drops.at(-1)).toEqual({ reason: 'unknown statistic', count: 1 });

      clock += 2000;
      strayUpdate();
      await expect.poll(() => rig.deletes()).toEqual([stray, stray]);
    });

    it('should not take updates for its own subscription whose create is still unanswered for strays', async () => {
      await liveBoard();
      const slow = gated();
      server.use(http.post(`${ORIGIN}/statistics/v3/subscriptions`, async () => void (await slow.wait()), { once: true }));
      rig.source.watch([...board, supportInQueue]);
      await expect.poll(() => rig.creates()).toHaveLength(2);
      const pending = rig.creates()[1]?.operationId;
      rig.cometd.deliver(UPDATES, updateOf({ subscriptionId: pending, statisticId: 's1' }));
      slow.release();
      await expect.poll(() => rig.sink.status(statKey(supportInQueue))?.status).toBe('live');
      expect(rig.sink.drops).toEqual([]);
      expect(rig.deletes()).toEqual([]);
    });
  });

  describe('replacing partly used subscriptions', () => {
    it('should replace a subscription part of whose statistics left the screen, keeping the values shown, once the board settles', async () => {
      const first = await liveBoard();
      rig.source.watch([inQueue, agentState, supportInQueue]);
      await expect.poll(() => rig.sink.status(statKey(supportInQueue))?.status).toBe('live');
      // Not before the board has settled: it may still be assembling.
      expect(openStatistics()).toBe(5);
      expect(timers.pending(SETTLE_MS)).toEqual([{ ms: SETTLE_MS }]);

      clock += SETTLE_MS;
      timers.fire(SETTLE_MS);
      await expect.poll(() => openStatistics()).toBe(3);
      expect(rig.creates()).toHaveLength(3);
      expect(rig.creates()[2]?.data.statistics.map((s) => s.name)).toEqual(['Current_In_Queue', 'CurrentAgentState']);
      expect(rig.deletes()).toEqual([first]);
      // Values from the replacement's answer; never `loading` in between.
      expect(rig.sink.statusesOf(statKey(inQueue))).toEqual(['loading', 'live', 'live']);
      expect(rig.sink.statusesOf(statKey(agentState))).toEqual(['loading', 'live', 'live']);
      expect(rig.sink.updateBatches.at(-1)?.map((u) => u.key)).toEqual([statKey(inQueue), statKey(agentState)]);
      // Updates now come from the replacement; the old one's late updates are ignored, not counted.
      const moved = rig.placeOf(inQueue);
      rig.cometd.deliver(UPDATES, updateOf(moved ?? { subscriptionId: undefined, statisticId: undefined }));
      expect(rig.sink.latest(statKey(inQueue))?.value).toBe(1);
      expect(rig.sink.drops).toEqual([]);
      await nextTask();
      expect(timers.pending(30_000)).toEqual([]);
    });

    it('should not create a replacement twice while it is slow, nor leave a key in two subscriptions', async () => {
      const first = await liveBoard();
      rig.source.watch([inQueue, agentState]);
      const slow = gated();
      server.use(http.post(`${ORIGIN}/statistics/v3/subscriptions`, async () => void (await slow.wait()), { once: true }));
      clock += SETTLE_MS;
      timers.fire(SETTLE_MS);
      await expect.poll(() => rig.creates()).toHaveLength(2);
      // More chances to start it again: a timer, a watch() that changes nothing.
      clock += SETTLE_MS;
      timers.fire(SETTLE_MS);
      rig.source.watch([inQueue, agentState]);
      await nextTask();
      expect(rig.creates()).toHaveLength(2);
      expect(rig.deletes()).toEqual([]);

      slow.release();
      await expect.poll(() => rig.deletes()).toEqual([first]);
      await expect.poll(() => openStatistics()).toBe(2);
      expect(rig.creates()).toHaveLength(2);
      expect(rig.sink.statusesOf(statKey(inQueue))).toEqual(['loading', 'live', 'live']);
    });

    it('should keep the old subscription when its replacement fails, and replace it on the retry', async () => {
      const first = await liveBoard();
      rig.source.watch([inQueue]);
      server.use(http.post(`${ORIGIN}/statistics/v3/subscriptions`, () => HttpResponse.json({ status: { code: 500, message: 'boom' } }, { status: 500 }), { once: true }));
      clock += SETTLE_MS;
      timers.fire(SETTLE_MS);
      await expect.poll(() => timers.pending(1000)).toEqual([{ ms: 500 }]);
      expect(rig.deletes()).toEqual([]);
      expect(openStatistics()).toBe(4);
      expect(rig.sink.status(statKey(inQueue))?.status).toBe('live');

      timers.fire(1000);
      await expect.poll(() => openStatistics()).toBe(1);
      expect(rig.creates()).toHaveLength(3);
      expect(rig.deletes()).toEqual([first]);
    });
  });
});
