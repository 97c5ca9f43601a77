/**
 * Per-frame main-thread time from a Chromium trace (categories `devtools.timeline`,
 * `disabled-by-default-devtools.timeline`, `v8.execute`).
 *
 * Why the trace and not `PerformanceObserver('long-animation-frame')`: LoAF entries exist only for
 * frames over 50 ms, so their script times are a sample of the worst frames, not a distribution
 * over frames. The trace has Chromium's own `AnimationFrame` span for every frame (the same
 * monitor that makes LoAF entries: from the first task after the previous frame to the end of this
 * frame's rendering) and every script entry point, long or short.
 */

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: unknown;
}

export interface TraceThread {
  readonly pid: number;
  readonly tid: number;
}

/** One frame, its span on the trace clock (µs) and what the main thread did in it (ms). */
export interface FrameTime {
  /** End of the previous frame's rendering (or this frame's start, for the first). */
  readonly from: number;
  /** End of this frame's rendering. */
  readonly to: number;
  /** Script entry points (callbacks, event handlers, timers, microtasks), GC inside them included, as LoAF counts it. */
  readonly scriptMs: number;
  /** Style and layout of the frame's rendering (`AnimationFrame::StyleAndLayout`). */
  readonly styleLayoutMs: number;
  /** Paint, pre-paint, layerize and commit on the main thread. */
  readonly paintMs: number;
  /** Tasks of any kind (`RunTask`): the main thread's busy time. */
  readonly busyMs: number;
}

/** Outermost of these is script; nested ones are already inside it. */
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'RunMicrotasks',
  'FireAnimationFrame',
  'TimerFire',
  'EventDispatch',
  'XHRLoad',
  'XHRReadyStateChange',
  'FireIdleCallback',
]);
const PAINT_EVENTS = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);

/** The page's renderer main thread: the `CrRendererMain` with the most frames (other renderers may exist). */
export function rendererMainThread(events: readonly TraceEvent[]): TraceThread | undefined {
  const mains = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: unknown } | undefined)?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  }
  const frames = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'AnimationFrame' && e.ph === 'b' && mains.has(key)) frames.set(key, (frames.get(key) ?? 0) + 1);
  }
  const best = [...frames].sort((a, b) => b[1] - a[1])[0];
  if (!best) return undefined;
  const [pid, tid] = best[0].split(':').map(Number);
  return pid === undefined || tid === undefined ? undefined : { pid, tid };
}

/** Begin/end pairs of an async span that never nests with itself (one frame at a time), in order. */
function spans(events: readonly TraceEvent[], name: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open: number | undefined;
  for (const e of events) {
    if (e.name !== name) continue;
    if (e.ph === 'b') open = e.ts;
    else if (e.ph === 'e' && open !== undefined) {
      out.push([open, e.ts]);
      open = undefined;
    }
  }
  return out;
}

/** Complete (`X`) events of these names, merged so nested and overlapping ones count once; sorted. */
function mergedIntervals(events: readonly TraceEvent[], names: ReadonlySet<string>): Array<[number, number]> {
  const raw = events
    .filter((e) => e.ph === 'X' && names.has(e.name) && (e.dur ?? 0) > 0)
    .map((e): [number, number] => [e.ts, e.ts + (e.dur ?? 0)])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of raw) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Length of the part of sorted, disjoint intervals inside [from, to). A cursor walks the intervals
 * once over all frames (frames come in time order), so the whole trace costs one pass.
 */
function overlapCounter(intervals: ReadonlyArray<readonly [number, number]>): (from: number, to: number) => number {
  let first = 0;
  return (from, to) => {
    while (first < intervals.length && (intervals[first]?.[1] ?? 0) <= from) first++;
    let total = 0;
    for (let i = first; i < intervals.length; i++) {
      const [start, end] = intervals[i] as readonly [number, number];
      if (start >= to) break;
      total += Math.min(end, to) - Math.max(start, from);
    }
    return total;
  };
}

/**
 * Every frame of the thread with its script, style+layout, paint and busy time. Frames partition
 * the timeline: work between one frame's rendering and the next is the next frame's (LoAF's
 * accounting: a frame starts with the first task after the previous rendering).
 */
export function frameTimes(events: readonly TraceEvent[], thread: TraceThread): FrameTime[] {
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid).sort((a, b) => a.ts - b.ts);
  const frames = spans(own, 'AnimationFrame');
  const script = overlapCounter(mergedIntervals(own, SCRIPT_EVENTS));
  const paint = overlapCounter(mergedIntervals(own, PAINT_EVENTS));
  const busy = overlapCounter(mergedIntervals(own, new Set(['RunTask'])));
  const styleLayout = overlapCounter(spans(own, 'AnimationFrame::StyleAndLayout'));
  const out: FrameTime[] = [];
  let previousEnd: number | undefined;
  for (const [start, end] of frames) {
    const from = previousEnd ?? start;
    previousEnd = end;
    out.push({
      from,
      to: end,
      scriptMs: script(from, end) / 1000,
      styleLayoutMs: styleLayout(from, end) / 1000,
      paintMs: paint(from, end) / 1000,
      busyMs: busy(from, end) / 1000,
    });
  }
  return out;
}

/**
 * Top-level script time by entry point over [from, to) (µs): `FireAnimationFrame` is
 * requestAnimationFrame callbacks (the store's flush and React's render of it), `XHRLoad` the
 * CometD long-poll answers (parse and hand to the store), and so on.
 */
export function scriptByEntryPoint(events: readonly TraceEvent[], thread: TraceThread, from: number, to: number): Record<string, number> {
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && SCRIPT_EVENTS.has(e.name)).sort((a, b) => a.ts - b.ts);
  const totals: Record<string, number> = {};
  let outerEnd = Number.NEGATIVE_INFINITY;
  for (const e of own) {
    const end = e.ts + (e.dur ?? 0);
    if (e.ts < outerEnd) continue;
    outerEnd = end;
    if (e.ts < from || e.ts >= to) continue;
    totals[e.name] = (totals[e.name] ?? 0) + (e.dur ?? 0) / 1000;
  }
  return totals;
}

/** Where a page's `console.timeStamp(label)` landed on the trace clock (µs). */
export function timeStampAt(events: readonly TraceEvent[], label: string): number | undefined {
  for (const e of events) {
    if (e.name !== 'TimeStamp') continue;
    const data = (e.args as { data?: { message?: unknown; name?: unknown } } | undefined)?.data;
    if (data?.message === label || data?.name === label) return e.ts;
  }
  return undefined;
}
