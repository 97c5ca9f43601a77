/**
 * Min-priority queue of timed items. Ties in time are broken by insertion order, so that events
 * scheduled for the same millisecond are always processed in the same order — a requirement for
 * the simulation's determinism (a plain heap would order equal keys arbitrarily).
 */

interface Entry<T> {
  readonly time: number;
  readonly seq: number;
  readonly item: T;
}

export interface EventQueue<T> {
  readonly size: number;
  push(time: number, item: T): void;
  /** Time of the earliest item, or Infinity when empty. */
  peekTime(): number;
  /** Removes and returns the earliest item with its time; undefined when empty. */
  pop(): { readonly time: number; readonly item: T } | undefined;
}

export function createEventQueue<T>(): EventQueue<T> {
  const heap: Entry<T>[] = [];
  let nextSeq = 0;

  const before = (x: Entry<T>, y: Entry<T>): boolean => x.time < y.time || (x.time === y.time && x.seq < y.seq);

  const siftUp = (start: number): void => {
    let i = start;
    const entry = heap[i] as Entry<T>;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex] as Entry<T>;
      if (!before(entry, parent)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = entry;
  };

  const siftDown = (start: number): void => {
    const n = heap.length;
    let i = start;
    const entry = heap[i] as Entry<T>;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(heap[right] as Entry<T>, heap[left] as Entry<T>)) child = right;
      const childEntry = heap[child] as Entry<T>;
      if (!before(childEntry, entry)) break;
      heap[i] = childEntry;
      i = child;
    }
    heap[i] = entry;
  };

  return {
    get size() {
      return heap.length;
    },
    push(time, item) {
      if (Number.isNaN(time)) throw new RangeError('Event time must be a number');
      heap.push({ time, seq: nextSeq++, item });
      siftUp(heap.length - 1);
    },
    peekTime() {
      return heap[0]?.time ?? Infinity;
    },
    pop() {
      const top = heap[0];
      if (!top) return undefined;
      const last = heap.pop() as Entry<T>;
      if (heap.length > 0) {
        heap[0] = last;
        siftDown(0);
      }
      return { time: top.time, item: top.item };
    },
  };
}
