import { describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.ts';
import { createRng } from './rng.ts';
import { T0, recordEvents } from './sim-test-fixtures.ts';
import type { SimEvent, Simulation } from './sim-types.ts';

const HOUR = 3_600_000;
/** 07:30 local: shift logins, the morning ramp and the first breaks all happen in the window. */
const START = T0 + 7.5 * HOUR;

function runInSteps(seed: number, targets: readonly number[], script?: (sim: Simulation) => void): SimEvent[] {
  const sim = createSimulation({ seed, startAt: START });
  const { events } = recordEvents(sim);
  for (const t of targets) {
    sim.advanceTo(t);
    script?.(sim);
  }
  return events;
}

function steps(from: number, to: number, size: number): number[] {
  const out: number[] = [];
  for (let t = from + size; t < to; t += size) out.push(t);
  out.push(to);
  return out;
}

describe('simulation determinism', () => {
  it('should emit the same events for one advanceTo(+2h) as for 7200 one-second steps', () => {
    const once = runInSteps(1, [START + 2 * HOUR]);
    const chunked = runInSteps(1, steps(START, START + 2 * HOUR, 1_000));
    expect(once.length).toBeGreaterThan(500);
    expect(chunked).toEqual(once);
  });

  it('should emit the same events for a whole day however time is sliced', () => {
    const end = START + 24 * HOUR;
    const once = runInSteps(7, [end]);
    const rng = createRng(99);
    const irregular: number[] = [];
    for (let t = START; t < end; ) {
      t = Math.min(end, t + rng.uniformInt(0, 10 * 60_000));
      irregular.push(t);
    }
    expect(runInSteps(7, irregular)).toEqual(once);
    expect(runInSteps(7, steps(START, end, HOUR))).toEqual(once);
  });

  it('should emit the same events for the same scripted commands whatever the slicing', () => {
    const checkpoint = START + 30 * 60_000;
    const script = (sim: Simulation): void => {
      if (sim.now() !== checkpoint) return;
      sim.scheduleCall({ queueId: 'vip', at: checkpoint + 5_000, talkMs: 120_000 });
      const idle = sim.snapshot().agents.find((a) => a.state === 'WaitForNextCall');
      if (idle) sim.setAgentStatus(idle.id, 'NotReadyForNextCall', 'Coaching');
    };
    const coarse = runInSteps(4, [checkpoint, START + HOUR], script);
    const fine = runInSteps(4, [...steps(START, checkpoint, 7_000), ...steps(checkpoint, START + HOUR, 3_000)], script);
    expect(coarse.some((e) => e.type === 'AgentStateChanged' && e.reason === 'Coaching' && e.at === checkpoint)).toBe(true);
    expect(fine).toEqual(coarse);
  });

  it('should reproduce a run with the same seed and differ with another seed', () => {
    const end = START + 3 * HOUR;
    const a = runInSteps(123, [end]);
    const b = runInSteps(123, [end]);
    const c = runInSteps(124, [end]);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(c.length).toBeGreaterThan(0);
  });

  it('should emit every batch in non-decreasing time order', () => {
    const sim = createSimulation({ seed: 5, startAt: START });
    let last = -Infinity;
    let ordered = true;
    sim.onEvents((batch) => {
      for (const e of batch) {
        if (e.at < last) ordered = false;
        last = e.at;
      }
    });
    for (const t of steps(START, START + 6 * HOUR, 90_000)) {
      sim.advanceTo(t);
      expect(last).toBeLessThanOrEqual(t);
    }
    expect(ordered).toBe(true);
  });
});
