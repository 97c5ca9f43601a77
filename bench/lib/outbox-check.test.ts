import { describe, expect, it } from 'vitest';
import { judgeOutbox, type OutboxSample } from './outbox-check.ts';

const sample = (atS: number, silentQueued: number | undefined, rssMb: number): OutboxSample => ({ atMs: atS * 1000, silentQueued, healthyQueuedMax: 0, rssMb });

describe('judgeOutbox', () => {
  it('should pass a queue that levels off at the bound, and report the RSS', () => {
    const result = judgeOutbox([sample(0, 0, 100), sample(10, 500, 110), sample(20, 1000, 120), sample(40, 1000, 121)], 1000);
    expect(result.pass).toBe(true);
    expect(result.reachedBoundAtMs).toBe(20_000);
    expect(result.verdict).toBe('queue held at 1000 ≤ 1000 messages from 20 s on; mock RSS 100.0 MB at the start, 120.0 MB once full, 121.0 MB at the end');
  });

  it('should judge the heap after a full GC once the queue is full: flat passes, growing fails', () => {
    const withHeap = (heapEnd: number): OutboxSample[] => [
      { ...sample(0, 0, 100), heapAfterGcMb: 17 },
      { ...sample(20, 1000, 120), heapAfterGcMb: 35 },
      sample(30, 1000, 121),
      { ...sample(40, 1000, 122), heapAfterGcMb: heapEnd },
    ];
    expect(judgeOutbox(withHeap(34), 1000)).toMatchObject({ pass: true, heapAtBoundMb: 35, heapEndMb: 34 });
    expect(judgeOutbox(withHeap(34), 1000).verdict).toMatch(/heap after a full GC 17.0 MB at the start, 35.0 MB once full, 34.0 MB at the end \(mock RSS/);
    expect(judgeOutbox(withHeap(60), 1000)).toMatchObject({ pass: false });
  });

  it('should fail a queue over the bound', () => {
    expect(judgeOutbox([sample(0, 0, 100), sample(10, 1500, 150)], 1000)).toMatchObject({ pass: false, maxQueued: 1500 });
  });

  it('should fail when the queue never filled or the session went away, as the bound was not shown', () => {
    expect(judgeOutbox([sample(0, 0, 100), sample(10, 300, 110)], 1000).verdict).toMatch(/reached only 300 of 1000/);
    expect(judgeOutbox([sample(0, 0, 100), sample(10, 1000, 110), sample(20, undefined, 90)], 1000).verdict).toMatch(/gone/);
  });
});
