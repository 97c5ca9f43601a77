import { describe, expect, it } from 'vitest';
import { MB, summarizeSoak, warmupMinutes, type SoakEvents, type SoakSample } from './soak-summary.ts';

const SIM_START = 1_800_000_000_000;
const MINUTE = 60_000;
const SPEED = 60;

/** A sample at `minute` real minutes (speed 60: one simulated hour a minute), heap in MB. */
function sample(minute: number, heapMb: number, more: Partial<SoakSample> = {}): SoakSample {
  return {
    minute,
    realMs: minute * MINUTE,
    simNow: SIM_START + minute * MINUTE * SPEED,
    usedHeapBytes: heapMb * MB,
    jsHeapUsedBytes: heapMb * MB,
    nodes: 1000,
    listeners: 50,
    tiles: 12,
    tilesNotLive: 0,
    board: 'queues',
    connection: 'live',
    boardShownMs: 10_000,
    reloads: 0,
    ...more,
  };
}

const CLEAN: SoakEvents = { pageErrors: 0, signInPagesSeen: 0, reloads: 0, liveAtEnd: true, stoppedEarly: null };

describe('warmupMinutes', () => {
  it('should be 2 minutes for the full run and 20 % of a short one', () => {
    expect(warmupMinutes(10)).toBe(2);
    expect(warmupMinutes(60)).toBe(2);
    expect(warmupMinutes(2)).toBeCloseTo(0.4, 12);
  });
});

describe('summarizeSoak', () => {
  it('should fit the heap over simulated hours after warm-up, leaving out the start-up climb', () => {
    // Climbs 10 MB in the first two minutes, then 1 MB per simulated hour.
    const samples = [sample(0, 20), sample(1, 25), ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => sample(m, 30 + (m - 2)))];
    const summary = summarizeSoak(samples, CLEAN, 10, 2);
    expect(summary.warmupMinutes).toBe(2);
    expect(summary.samplesInFit).toBe(9);
    expect(summary.heapFirstMb).toBe(20);
    expect(summary.heapStartMb).toBe(30);
    expect(summary.heapEndMb).toBe(38);
    expect(summary.simulatedHours).toBeCloseTo(8, 12);
    expect(summary.heapMbPerSimulatedHour).toBeCloseTo(1, 9);
    // One simulated hour a real minute: 60 per real hour.
    expect(summary.heapMbPerRealHour).toBeCloseTo(60, 9);
    expect(summary.heapTargetMet).toBe(true);
    expect(summary.failures).toEqual([]);
  });

  it('should take the hours from the mock clock, not from the speed asked for', () => {
    // The clock ran at half the speed: 0.5 simulated hours between samples, so 2 MB/h.
    const samples = [0, 1, 2, 3].map((m) => sample(m, 30 + m, { simNow: SIM_START + m * MINUTE * 30 }));
    const summary = summarizeSoak(samples, CLEAN, 3, 2);
    expect(summary.heapMbPerSimulatedHour).toBeCloseTo(2, 9);
    expect(summary.heapTargetMet).toBe(false);
    // A missed target is a result, not a failed run.
    expect(summary.failures).toEqual([]);
  });

  it('should report the trend of nodes and listeners', () => {
    const samples = [0, 1, 2, 3, 4].map((m) => sample(m, 30, { nodes: 1000 + 100 * m, listeners: 50 + 10 * m }));
    const summary = summarizeSoak(samples, CLEAN, 4, 2);
    expect(summary.nodesPerSimulatedHour).toBeCloseTo(100, 9);
    expect(summary.listenersPerSimulatedHour).toBeCloseTo(10, 9);
    expect(summary.listenersEnd).toBe(90);
  });

  it('should fail the run for page errors, a sign-in page or a board not live at the end', () => {
    const events: SoakEvents = { pageErrors: 2, signInPagesSeen: 1, reloads: 1, liveAtEnd: false, stoppedEarly: 'the page crashed' };
    const summary = summarizeSoak([sample(0, 30), sample(1, 30, { tilesNotLive: 3 })], events, 1, 2);
    expect(summary.failures).toHaveLength(4);
    expect(summary.failures[0]).toContain('the page crashed');
    expect(summary.samplesNotLive).toBe(1);
    expect(summary.reloads).toBe(1);
  });

  it('should give no slope from a single sample', () => {
    const summary = summarizeSoak([sample(0, 30)], CLEAN, 1, 2);
    expect(summary.heapMbPerSimulatedHour).toBeNull();
    expect(summary.heapTargetMet).toBeNull();
  });
});
