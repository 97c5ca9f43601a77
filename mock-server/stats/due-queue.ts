/**
 * Items waiting for an instant, so a tick touches only what is due. Items are bucketed by their
 * exact due instant (statistics share a handful of instants: whole-second slots of a period) and
 * the instants sit in a min-heap, so taking what is due costs the due items, not all of them.
 */
export interface DueQueue<T> {
  /** Queues `item` for `dueAt`. The caller remembers `dueAt` to delete the item again. */
  add(item: T, dueAt: number): void;
  /** Takes `item` out of the bucket of `dueAt`; false when it is not there. */
  delete(item: T, dueAt: number): boolean;
  /** Removes and returns every item due at or before `now`: earliest instant first, in the order added within one. */
  takeDue(now: number): T[];
  /** Items queued. */
  readonly size: () => number;
}

function siftUp(heap: number[], i: number): void {
  const v = heap[i] as number;
  while (i > 0) {
    const parent = (i - 1) >>> 1;
    const p = heap[parent] as number;
    if (p <= v) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = v;
}

function siftDown(heap: number[], i: number): void {
  const v = heap[i] as number;
  const n = heap.length;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const child = right < n && (heap[right] as number) < (heap[left] as number) ? right : left;
    const c = heap[child] as number;
    if (c >= v) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = v;
}

export function createDueQueue<T>(): DueQueue<T> {
  // One heap entry per bucket: an emptied bucket stays until its instant is taken.
  const buckets = new Map<number, Set<T>>();
  const instants: number[] = [];
  let size = 0;

  function popInstant(): number {
    const top = instants[0] as number;
    const last = instants.pop() as number;
    if (instants.length > 0) {
      instants[0] = last;
      siftDown(instants, 0);
    }
    return top;
  }

  return {
    add(item, dueAt) {
      let bucket = buckets.get(dueAt);
      if (!bucket) {
        bucket = new Set();
        buckets.set(dueAt, bucket);
        instants.push(dueAt);
        siftUp(instants, instants.length - 1);
      }
      if (!bucket.has(item)) size++;
      bucket.add(item);
    },
    delete(item, dueAt) {
      const removed = buckets.get(dueAt)?.delete(item) ?? false;
      if (removed) size--;
      return removed;
    },
    takeDue(now) {
      const due: T[] = [];
      while (instants.length > 0 && (instants[0] as number) <= now) {
        const at = popInstant();
        const bucket = buckets.get(at);
        buckets.delete(at);
        if (!bucket) continue;
        for (const item of bucket) due.push(item);
        size -= bucket.size;
      }
      return due;
    },
    size: () => size,
  };
}
