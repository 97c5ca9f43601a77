import { describe, expect, it } from 'vitest';
import { HEAP_BOUND_BYTES, heapOverBound, sampleHeap } from './heap-watch.ts';

describe('heap watch', () => {
  it('should read Chrome performance.memory and nothing from browsers without it', () => {
    expect(sampleHeap({ memory: { usedJSHeapSize: 10, jsHeapSizeLimit: 100 } })).toEqual({ usedBytes: 10, limitBytes: 100 });
    expect(sampleHeap({})).toBeUndefined();
    expect(sampleHeap(undefined)).toBeUndefined();
    expect(sampleHeap({ memory: { usedJSHeapSize: 'a lot', jsHeapSizeLimit: 100 } })).toBeUndefined();
    expect(sampleHeap({ memory: { usedJSHeapSize: 1, jsHeapSizeLimit: 0 } })).toBeUndefined();
  });

  it('should be over the bound past 512 MB, or past 70 % of a smaller browser limit', () => {
    const gb4 = 4 * 1024 ** 3;
    expect(heapOverBound({ usedBytes: HEAP_BOUND_BYTES, limitBytes: gb4 })).toBe(false);
    expect(heapOverBound({ usedBytes: HEAP_BOUND_BYTES + 1, limitBytes: gb4 })).toBe(true);
    expect(heapOverBound({ usedBytes: 360 * 1024 ** 2, limitBytes: 500 * 1024 ** 2 })).toBe(true);
    expect(heapOverBound(undefined)).toBe(false);
  });
});
