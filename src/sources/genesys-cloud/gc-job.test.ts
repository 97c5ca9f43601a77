import { describe, expect, it } from 'vitest';
import { createJob, type JobOutcome } from './gc-job.ts';
import { createVirtualTime } from './test-support/virtual-time.ts';

function harness(outcomes: JobOutcome[] = [], period: number | undefined = 60_000) {
  const time = createVirtualTime(0);
  const runs: number[] = [];
  let periodMs: number | undefined = period;
  const job = createJob(time, () => 0.5, {
    run: () => {
      runs.push(time.now());
      return Promise.resolve(outcomes.shift() ?? 'ok');
    },
    periodMs: () => periodMs,
    minGapMs: 1_000,
    retry: { baseMs: 2_000, capMs: 60_000 },
  });
  const setPeriod = (ms: number | undefined): void => {
    periodMs = ms;
  };
  return { time, runs, job, setPeriod };
}

describe('createJob', () => {
  it('should run when asked, then every period', async () => {
    const { time, runs, job } = harness();
    job.soon();
    await time.advance(180_000);
    expect(runs).toEqual([0, 60_000, 120_000, 180_000]);
    job.stop();
  });

  it('should run at most once per gap however often it is asked', async () => {
    const { time, runs, job } = harness([], undefined);
    for (let i = 0; i < 5; i++) job.soon();
    await time.advance(100);
    for (let i = 0; i < 5; i++) job.soon();
    await time.advance(5_000);
    expect(runs).toEqual([0, 1_000]);
    job.stop();
  });

  it('should back off after failures, then go back to its period', async () => {
    const { time, runs, job } = harness(['retry', 'retry', 'retry']);
    job.soon();
    await time.advance(100_000);
    // random() = 0.5: max(2 s, half of 4 s, 8 s, 16 s).
    expect(runs).toEqual([0, 2_000, 6_000, 14_000, 74_000]);
    job.stop();
  });

  it('should stay halted until resumed', async () => {
    const { time, runs, job } = harness(['halt']);
    job.soon();
    await time.advance(300_000);
    job.soon();
    await time.advance(1_000);
    expect(runs).toEqual([0]);
    job.resume();
    await time.advance(1_000);
    expect(runs).toEqual([0, 300_000 + 1_000]);
    job.stop();
  });

  it('should come sooner when its period shrinks', async () => {
    const { time, runs, job, setPeriod } = harness();
    job.soon();
    await time.advance(5_000);
    setPeriod(10_000);
    job.reschedule();
    await time.advance(20_000);
    expect(runs).toEqual([0, 10_000, 20_000]);
    job.stop();
  });
});
