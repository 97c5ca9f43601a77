import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimClock } from './sim-clock.ts';
import { createSimulation } from './create-simulation.ts';
import { T0, createTinyContactCenter } from './sim-test-fixtures.ts';

function scriptedSim(): ReturnType<typeof createSimulation> {
  return createSimulation({ seed: 1, startAt: T0, randomTraffic: false, config: createTinyContactCenter() });
}

describe('createSimClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('should advance the simulation by real elapsed time times the speed at every tick', () => {
    const sim = scriptedSim();
    const clock = createSimClock(sim, { speed: 60 });
    clock.start();
    vi.advanceTimersByTime(100);
    expect(sim.now()).toBe(T0 + 6_000);
    vi.advanceTimersByTime(1_000);
    expect(clock.getState()).toEqual({ speed: 60, paused: false, simNow: T0 + 66_000 });
    clock.stop();
    vi.advanceTimersByTime(10_000);
    expect(sim.now()).toBe(T0 + 66_000);
  });

  it('should deliver simulation events while running', () => {
    const sim = scriptedSim();
    const types: string[] = [];
    sim.onEvents((batch) => types.push(...batch.map((e) => e.type)));
    sim.scheduleCall({ queueId: 'q-a', at: T0 + 30_000, talkMs: 60_000 });
    const clock = createSimClock(sim, { speed: 10 });
    clock.start();
    vi.advanceTimersByTime(2_900);
    expect(types).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(types).toEqual(['CallArrived', 'CallDistributed', 'AgentStateChanged', 'CallAnswered', 'AgentStateChanged']);
    clock.stop();
  });

  it('should not advance while paused, but advanceMs still moves the simulation at once', () => {
    const sim = scriptedSim();
    const clock = createSimClock(sim, { speed: 5, paused: true });
    clock.start();
    vi.advanceTimersByTime(5_000);
    expect(sim.now()).toBe(T0);
    expect(clock.set({ advanceMs: 90_000 })).toEqual({ speed: 5, paused: true, simNow: T0 + 90_000 });
    expect(sim.now()).toBe(T0 + 90_000);
    vi.advanceTimersByTime(5_000);
    expect(sim.now()).toBe(T0 + 90_000);
    clock.set({ paused: false });
    vi.advanceTimersByTime(1_000);
    // The paused seconds are not made up for after resuming.
    expect(sim.now()).toBe(T0 + 95_000);
    clock.stop();
  });

  it('should apply a speed change only to time after the change', () => {
    const sim = scriptedSim();
    const clock = createSimClock(sim, { speed: 1 });
    clock.start();
    vi.advanceTimersByTime(1_050);
    // 50 ms since the last tick still count at speed 1 before switching to 100.
    clock.set({ speed: 100 });
    expect(sim.now()).toBe(T0 + 1_050);
    vi.advanceTimersByTime(50);
    expect(sim.now()).toBe(T0 + 1_050 + 5_000);
    clock.stop();
  });

  it('should keep fractions of a simulated millisecond at slow speeds', () => {
    const sim = scriptedSim();
    const clock = createSimClock(sim, { speed: 0.25, tickMs: 1 });
    clock.start();
    vi.advanceTimersByTime(10);
    expect(sim.now()).toBe(T0 + 2);
    vi.advanceTimersByTime(10);
    expect(sim.now()).toBe(T0 + 5);
    clock.stop();
  });

  it('should use injected timers and real clock', () => {
    const sim = scriptedSim();
    let real = 1_000;
    let tick: (() => void) | undefined;
    const cleared: unknown[] = [];
    const clock = createSimClock(sim, {
      speed: 2,
      tickMs: 250,
      now: () => real,
      setInterval: (fn, ms) => {
        expect(ms).toBe(250);
        tick = fn;
        return 'handle';
      },
      clearInterval: (handle) => cleared.push(handle),
    });
    clock.start();
    clock.start();
    real += 400;
    tick?.();
    expect(sim.now()).toBe(T0 + 800);
    clock.stop();
    clock.stop();
    expect(cleared).toEqual(['handle']);
  });

  it('should reject invalid speeds and negative advances', () => {
    const sim = scriptedSim();
    expect(() => createSimClock(sim, { speed: -1 })).toThrow(RangeError);
    const clock = createSimClock(sim, { speed: 1 });
    expect(() => clock.set({ speed: Number.NaN })).toThrow(RangeError);
    expect(() => clock.set({ advanceMs: -5 })).toThrow(RangeError);
    expect(clock.getState()).toEqual({ speed: 1, paused: false, simNow: T0 });
  });
});
