import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../sources/stat-source.ts';
import { createSelfHeal, HEAL_SPACING, idleSilenceLimitMs, silenceLimitMs, type HealAction, type HealObservation } from './self-heal.ts';

/** A push source that answers a long poll every 30 s, as Genesys Engage's CometD does. */
const PUSH = { mode: 'push', silenceLimitMs: 35_000 } as const;
const IDLE_SILENCE_LIMIT_MS = 35_000;

const LIMIT = 25_000;

function watch(now: number, lastActivityAt: number, connection: ConnectionState = 'live'): HealObservation {
  return { now, lastActivityAt, connection, watching: true, silenceLimitMs: LIMIT };
}

/** Observes once a second from `from` to `to` with no sign of life after `lastActivityAt`; the actions and when. */
function run(heal: ReturnType<typeof createSelfHeal>, from: number, to: number, lastActivityAt: number): [number, HealAction][] {
  const taken: [number, HealAction][] = [];
  for (let now = from; now <= to; now += 1000) {
    const action = heal.observe(watch(now, lastActivityAt));
    if (action) taken.push([now, action]);
  }
  return taken;
}

describe('silenceLimitMs', () => {
  it('should allow two periods and a margin when periodic statistics are on the board', () => {
    expect(silenceLimitMs(PUSH, 10_000, 'live')).toBe(25_000);
    expect(silenceLimitMs(PUSH, 1000, 'live')).toBe(15_000);
  });

  it('should fall back to the long-poll timeout and a margin when nothing periodic is expected', () => {
    expect(silenceLimitMs(PUSH, undefined, 'live')).toBe(IDLE_SILENCE_LIMIT_MS);
    expect(silenceLimitMs(PUSH, 600_000, 'live')).toBe(IDLE_SILENCE_LIMIT_MS);
    expect(silenceLimitMs(PUSH, 10_000, 'unavailable')).toBe(IDLE_SILENCE_LIMIT_MS);
    // A polling source is silent past two of its periods and a margin; a Genesys Cloud-like push source past its heartbeat limit.
    expect(idleSilenceLimitMs({ mode: 'poll', periodMs: 10_000 })).toBe(25_000);
    expect(silenceLimitMs({ mode: 'push', silenceLimitMs: 75_000 }, undefined, 'live')).toBe(75_000);
  });
});

describe('createSelfHeal', () => {
  it('should do nothing while the server shows signs of life', () => {
    const heal = createSelfHeal(0, () => 0.5);
    for (let now = 0; now < 300_000; now += 1000) expect(heal.observe(watch(now, now - 5000))).toBeUndefined();
    expect(heal.level()).toBe(0);
  });

  it('should reconnect once the silence passes the limit, then restart, then reload, spaced out', () => {
    const heal = createSelfHeal(0, () => 0.5);
    const taken = run(heal, 0, 400_000, 10_000);
    expect(taken.map(([, action]) => action).slice(0, 3)).toEqual(['reconnect', 'restart', 'reload']);
    const [first, second, third] = taken.map(([at]) => at);
    expect(first).toBe(10_000 + LIMIT);
    // Each further step waits the limit again plus a jittered spacing.
    expect(second).toBe((first ?? 0) + LIMIT + Math.floor(0.5 * Math.min(HEAL_SPACING.capMs, HEAL_SPACING.baseMs * 2)));
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThan(LIMIT);
    // Past the top of the ladder it keeps asking for reloads (the hook rate-limits them).
    expect(taken.slice(3).every(([, action]) => action === 'reload')).toBe(true);
  });

  it('should go back to the bottom of the ladder when the server answers again after a step', () => {
    const heal = createSelfHeal(0, () => 0);
    expect(run(heal, 0, 40_000, 0).map(([, a]) => a)).toEqual(['reconnect']);
    // The reconnect worked: a sign of life at 41 s. Later silence starts from reconnect again.
    expect(heal.observe(watch(42_000, 41_000))).toBeUndefined();
    expect(heal.level()).toBe(0);
    expect(run(heal, 43_000, 41_000 + LIMIT, 41_000).map(([, a]) => a)).toEqual(['reconnect']);
  });

  it('should leave a signed-out page and an empty board to others', () => {
    const heal = createSelfHeal(0, () => 0);
    expect(heal.observe({ ...watch(100_000, 0), connection: 'unauthorized' })).toBeUndefined();
    expect(heal.observe({ ...watch(200_000, 0), watching: false })).toBeUndefined();
    // Silence counts from when there was something to watch again.
    expect(heal.observe(watch(200_000 + LIMIT - 1000, 0))).toBeUndefined();
    expect(heal.observe(watch(200_000 + LIMIT, 0))).toBe('reconnect');
  });

  it('should ask for a reload after the page threw', () => {
    const heal = createSelfHeal(0, () => 0);
    heal.pageThrew();
    expect(heal.observe(watch(1000, 1000))).toBe('reload');
    expect(heal.observe(watch(2000, 2000))).toBeUndefined();
  });

  it('should never act twice within the silence limit, whatever the clock and the activity', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5000), fc.boolean()), { maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (steps, r) => {
        const heal = createSelfHeal(0, () => Math.min(r, 0.999));
        let now = 0;
        let last = 0;
        let lastActionAt = -Infinity;
        for (const [dt, alive] of steps) {
          now += dt;
          if (alive) last = now;
          const action = heal.observe(watch(now, last));
          if (action) {
            expect(now - lastActionAt).toBeGreaterThanOrEqual(LIMIT);
            expect(now - last).toBeGreaterThanOrEqual(LIMIT);
            lastActionAt = now;
          }
        }
      }),
    );
  });
});
