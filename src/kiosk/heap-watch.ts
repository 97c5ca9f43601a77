/** Chrome's non-standard `performance.memory`; other browsers do not expose the heap. */
export interface HeapSample {
  readonly usedBytes: number;
  readonly limitBytes: number;
}

interface PerformanceWithMemory {
  readonly memory?: { readonly usedJSHeapSize?: unknown; readonly jsHeapSizeLimit?: unknown };
}

export function sampleHeap(performanceLike: unknown = globalThis.performance): HeapSample | undefined {
  const memory = (performanceLike as PerformanceWithMemory | undefined)?.memory;
  const used = memory?.usedJSHeapSize;
  const limit = memory?.jsHeapSizeLimit;
  if (typeof used !== 'number' || typeof limit !== 'number' || !Number.isFinite(used) || !(limit > 0)) return undefined;
  return { usedBytes: used, limitBytes: limit };
}

/**
 * Past this the kiosk reloads softly (back to the same board and position). A wallboard needs
 * tens of MB; a heap ten times that has a leak, and reloading long before the browser runs out
 * beats a tab that dies at 3 a.m.
 */
export const HEAP_BOUND_BYTES = 512 * 1024 * 1024;

export function heapOverBound(sample: HeapSample | undefined, boundBytes = HEAP_BOUND_BYTES): boolean {
  if (!sample) return false;
  return sample.usedBytes > Math.min(boundBytes, sample.limitBytes * 0.7);
}
