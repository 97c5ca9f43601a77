import { describe, expect, it } from 'vitest';
import { frameTimes, rendererMainThread, scriptByEntryPoint, timeStampAt, type TraceEvent } from './trace-frames.ts';

const PID = 10;
const TID = 11;
const at = (name: string, ph: string, ts: number, dur?: number, args?: unknown): TraceEvent => ({ name, ph, ts, pid: PID, tid: TID, ...(dur === undefined ? {} : { dur }), ...(args === undefined ? {} : { args }) });
const thread = { pid: PID, tid: TID };

/** Two frames (µs): the second's script is an XHR load before its rendering, its rAF (a call nested in it) and the microtasks after it. */
const events: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid: TID, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 20, tid: 21, args: { name: 'CrRendererMain' } },
  { name: 'AnimationFrame', ph: 'b', ts: 0, pid: 20, tid: 21 },
  at('AnimationFrame', 'b', 1000),
  at('RunTask', 'X', 1000, 3000),
  at('FireAnimationFrame', 'X', 1000, 1000),
  at('AnimationFrame::StyleAndLayout', 'b', 2000),
  at('AnimationFrame::StyleAndLayout', 'e', 3000),
  at('Paint', 'X', 3000, 1000),
  at('AnimationFrame', 'e', 4000),
  at('RunTask', 'X', 6000, 2000),
  at('XHRLoad', 'X', 6000, 2000),
  at('FunctionCall', 'X', 6500, 1000),
  at('AnimationFrame', 'b', 10_000),
  at('RunTask', 'X', 10_000, 8000),
  at('FireAnimationFrame', 'X', 10_000, 5000),
  at('FunctionCall', 'X', 11_000, 1000),
  at('RunMicrotasks', 'X', 15_000, 1000),
  at('AnimationFrame::StyleAndLayout', 'b', 16_000),
  at('AnimationFrame::StyleAndLayout', 'e', 17_500),
  at('Layerize', 'X', 17_500, 500),
  at('AnimationFrame', 'e', 18_000),
  at('TimeStamp', 'I', 5000, undefined, { data: { message: 'bench:mark' } }),
];

describe('rendererMainThread', () => {
  it('should pick the renderer main thread with the most frames', () => {
    expect(rendererMainThread(events)).toEqual(thread);
  });

  it('should say undefined when no renderer drew a frame', () => {
    expect(rendererMainThread(events.filter((e) => e.name !== 'AnimationFrame'))).toBeUndefined();
  });
});

describe('frameTimes', () => {
  const frames = frameTimes(events, thread);

  it('should give one entry per frame with its script, style+layout, paint and busy time', () => {
    expect(frames).toHaveLength(2);
    expect(frames[0]).toEqual({ from: 1000, to: 4000, scriptMs: 1, styleLayoutMs: 1, paintMs: 1, busyMs: 3 });
  });

  it('should give work between two renderings to the next frame, and count nested script once', () => {
    // XHR load 2 ms (its FunctionCall is inside it) + rAF 5 ms + microtasks 1 ms.
    expect(frames[1]).toMatchObject({ from: 4000, to: 18_000, scriptMs: 8, styleLayoutMs: 1.5, paintMs: 0.5, busyMs: 10 });
  });
});

describe('scriptByEntryPoint', () => {
  it('should add up outermost script events by name inside the range', () => {
    expect(scriptByEntryPoint(events, thread, 4000, 20_000)).toEqual({ XHRLoad: 2, FireAnimationFrame: 5, RunMicrotasks: 1 });
  });
});

describe('timeStampAt', () => {
  it('should find a console.timeStamp mark by its label', () => {
    expect(timeStampAt(events, 'bench:mark')).toBe(5000);
    expect(timeStampAt(events, 'other')).toBeUndefined();
  });
});
