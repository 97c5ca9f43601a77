import { describe, expect, it } from 'vitest';
import type { PipelinePath } from './pipeline-paths.ts';
import { measurePaths, median, type MessageSource } from './pipeline-rounds.ts';

interface Recorder {
  now: number;
  /** Set by beforeTurn: the next path to apply a message is the one whose turn it is. */
  turnStarting: boolean;
  readonly turns: string[];
  readonly frames: Record<string, number>;
}

/** A path whose every message costs `msPerMessage` on the fake clock. */
function fakePath(name: string, msPerMessage: number, recorder: Recorder): PipelinePath {
  return {
    name,
    apply: () => {
      if (recorder.turnStarting) recorder.turns.push(name);
      recorder.turnStarting = false;
      recorder.now += msPerMessage;
    },
    frame: () => {
      recorder.frames[name] = (recorder.frames[name] ?? 0) + 1;
    },
    values: () => new Map(),
    updatesApplied: () => 0,
  };
}

describe('measurePaths', () => {
  it('should take the median', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('should time each path for its round in alternating order, preparing every message outside the timing', () => {
    const recorder: Recorder = { now: 0, turnStarting: false, turns: [], frames: {} };
    const prepared: number[] = [];
    const source: MessageSource = {
      messages: ['m0', 'm1', 'm2'],
      updatesIn: () => 100,
      prepare: (i) => {
        prepared.push(i);
        // Time spent preparing must not count.
        recorder.now += 1000;
      },
    };
    let clockReads = 0;
    const clock = (): number => {
      clockReads++;
      return recorder.now;
    };
    const results = measurePaths(
      [fakePath('fast', 1, recorder), fakePath('slow', 10, recorder)],
      source,
      { rounds: 3, roundMs: 20, warmupMs: 5, frameMessages: 2, beforeTurn: () => (recorder.turnStarting = true) },
      clock,
    );
    // 100 updates a message: 1 ms a message is 100,000 updates/s, 10 ms is 10,000.
    expect(results.map((r) => [r.name, r.median, r.rates.length])).toEqual([
      ['fast', 100_000, 3],
      ['slow', 10_000, 3],
    ]);
    expect(recorder.turns).toEqual(['fast', 'slow', 'slow', 'fast', 'fast', 'slow']);
    expect(prepared.slice(0, 4)).toEqual([0, 1, 2, 0]);
    expect(clockReads).toBeGreaterThan(0);
    // A frame after every 2 messages and one closing each turn: fast applies 5 + 3×20 messages.
    expect(recorder.frames.fast).toBe(2 + 1 + 3 * (10 + 1));
  });
});
