import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SourceUpdate } from '../sources/stat-source.ts';
import { createStatStore, type StatStore } from './create-stat-store.ts';
import { StatStoreProvider, useStatValue, useStatValues } from './stat-store-context.tsx';

function setup(): { stat: StatStore; frames: (() => void)[]; clock: { t: number } } {
  const frames: (() => void)[] = [];
  const clock = { t: 1_000_000 };
  const stat = createStatStore({ now: () => clock.t, requestFrame: (f) => frames.push(f) });
  stat.sink.connection('live');
  return { stat, frames, clock };
}

const update = (key: string, value: number, periodMs: number | undefined = 10_000): SourceUpdate => ({ key, value, timestamp: 5, periodMs });

describe('stat store', () => {
  it('should apply a burst of updates in one commit on the next frame, keeping the latest per key', () => {
    const { stat, frames } = setup();
    let commits = 0;
    stat.store.subscribe(() => commits++);
    for (let i = 0; i < 5000; i++) stat.sink.updates([update(`k${i % 100}`, i)]);
    expect(frames).toHaveLength(1);
    expect(commits).toBe(0);
    frames[0]?.();
    expect(commits).toBe(1);
    expect(stat.store.getState().values.size).toBe(100);
    expect(stat.store.getState().values.get('k7')).toMatchObject({ value: 4907, status: 'live' });
  });

  it('should keep the value object of keys that did not change', () => {
    const { stat } = setup();
    stat.sink.updates([update('a', 1), update('b', 2)]);
    stat.flush();
    const before = stat.store.getState().values.get('a');
    stat.sink.updates([update('b', 3)]);
    stat.flush();
    expect(stat.store.getState().values.get('a')).toBe(before);
  });

  it('should mark a live value stale once it is older than two periods', () => {
    const { stat, clock } = setup();
    stat.sink.updates([update('a', 1, 10_000), { key: 'state', value: { state: 'ready', since: 1 }, timestamp: 5, periodMs: undefined }]);
    stat.flush();
    clock.t += 20_000;
    stat.checkFreshness();
    expect(stat.store.getState().values.get('a')?.status).toBe('live');
    clock.t += 1;
    stat.checkFreshness();
    expect(stat.store.getState().values.get('a')).toMatchObject({ status: 'stale', value: 1 });
    // Changes-based values promise no period: silence is not staleness.
    expect(stat.store.getState().values.get('state')?.status).toBe('live');
  });

  it('should make every value stale at once when the connection is lost, and never apply new ones as live meanwhile', () => {
    const { stat } = setup();
    stat.sink.updates([update('a', 1), update('b', 2)]);
    stat.flush();
    stat.sink.connection('unavailable');
    expect([...stat.store.getState().values.values()].map((v) => v.status)).toEqual(['stale', 'stale']);
    stat.sink.updates([update('a', 9)]);
    stat.flush();
    expect(stat.store.getState().values.get('a')).toMatchObject({ value: 9, status: 'stale' });
    stat.sink.connection('live');
    stat.sink.updates([update('a', 10)]);
    stat.flush();
    expect(stat.store.getState().values.get('a')).toMatchObject({ value: 10, status: 'live' });
  });

  it('should record a refused statistic as an error with the reason, and count dropped messages', () => {
    const { stat } = setup();
    stat.sink.statuses([{ key: 'x', status: 'error', reason: 'unknown statistic "Nope"' }]);
    stat.flush();
    expect(stat.store.getState().values.get('x')).toMatchObject({ status: 'error', reason: 'unknown statistic "Nope"', value: null });
    stat.sink.dropped('malformed value');
    stat.sink.dropped('malformed value', 3);
    stat.flush();
    expect(stat.store.getState().diagnostics).toMatchObject({ dropped: 4, droppedByReason: { 'malformed value': 4 } });
  });

  it('should re-render a component only when its own key changes', () => {
    const { stat } = setup();
    const renders: Record<string, number> = { a: 0, b: 0 };
    function Probe({ k }: { readonly k: string }): null {
      useStatValue(k);
      renders[k] = (renders[k] ?? 0) + 1;
      return null;
    }
    render(
      <StatStoreProvider store={stat}>
        <Probe k="a" />
        <Probe k="b" />
      </StatStoreProvider>,
    );
    act(() => {
      stat.sink.updates([update('a', 1)]);
      stat.flush();
    });
    act(() => {
      stat.sink.updates([update('a', 2)]);
      stat.flush();
    });
    expect(renders).toEqual({ a: 3, b: 1 });
  });

  it('should read several keys in order, re-rendering only when one of them changes', () => {
    const { stat } = setup();
    const seen: (readonly unknown[])[] = [];
    function Probe(): null {
      seen.push(useStatValues(['a', 'b']));
      return null;
    }
    render(
      <StatStoreProvider store={stat}>
        <Probe />
      </StatStoreProvider>,
    );
    act(() => {
      stat.sink.updates([update('b', 2)]);
      stat.flush();
    });
    act(() => {
      stat.sink.updates([update('c', 9)]);
      stat.flush();
    });
    act(() => {
      stat.sink.updates([update('a', 1)]);
      stat.flush();
    });
    expect(seen.map((values) => values.map((v) => (v as { value?: number } | undefined)?.value))).toEqual([
      [undefined, undefined],
      [undefined, 2],
      [1, 2],
    ]);
  });

  it('should not re-render anything when a periodic notification repeats the same values', () => {
    const { stat } = setup();
    stat.sink.updates([update('a', 1), update('b', 2)]);
    stat.flush();
    const before = stat.store.getState().values;
    stat.sink.updates([update('a', 1), update('b', 2)]);
    stat.flush();
    expect(stat.store.getState().values).toBe(before);
  });

  it('should count an unchanged value as fresh for the staleness check', () => {
    const { stat, clock } = setup();
    stat.sink.updates([update('a', 1, 10_000)]);
    stat.flush();
    clock.t += 15_000;
    stat.sink.updates([update('a', 1, 10_000)]);
    stat.flush();
    clock.t += 15_000;
    stat.checkFreshness();
    expect(stat.store.getState().values.get('a')?.status).toBe('live');
  });

  it('should not roll a value back when an older one arrives after a newer one', () => {
    const { stat } = setup();
    stat.sink.updates([{ key: 'a', value: 5, timestamp: 200, periodMs: 10_000 }]);
    stat.flush();
    stat.sink.updates([{ key: 'a', value: 3, timestamp: 100, periodMs: 10_000 }]);
    stat.flush();
    expect(stat.store.getState().values.get('a')?.value).toBe(5);
  });

  it('should forget keys at once so a tile shown again starts from loading', () => {
    const { stat } = setup();
    stat.sink.updates([update('a', 1)]);
    stat.flush();
    stat.sink.updates([update('a', 2)]);
    stat.sink.forget(['a']);
    expect(stat.store.getState().values.has('a')).toBe(false);
    stat.flush();
    expect(stat.store.getState().values.has('a')).toBe(false);
  });

  it('should tell a key’s listeners about every change to it and nobody else, in every path that changes values', () => {
    const { stat, clock } = setup();
    const calls: string[] = [];
    const seen = (key: string) => () => calls.push(`${key}=${String(stat.store.getState().values.get(key)?.value)}/${stat.store.getState().values.get(key)?.status ?? 'gone'}`);
    const offA = stat.subscribeKey('a', seen('a'));
    stat.subscribeKey('b', seen('b'));
    stat.sink.updates([update('a', 1), update('c', 9)]);
    stat.flush();
    // A repeat of the same value is not a change.
    stat.sink.updates([update('a', 1)]);
    stat.flush();
    stat.sink.updates([update('b', 2, 10_000)]);
    stat.flush();
    clock.t += 20_001;
    stat.checkFreshness();
    stat.sink.connection('reconnecting');
    stat.sink.forget(['b']);
    offA();
    stat.sink.connection('live');
    stat.sink.updates([update('a', 3)]);
    stat.flush();
    expect(calls).toEqual(['a=1/live', 'b=2/live', 'a=1/stale', 'b=2/stale', 'b=undefined/gone']);
  });

  it('should tell a key’s listeners when the connection drops and when a status changes it', () => {
    const { stat } = setup();
    const calls: string[] = [];
    stat.subscribeKey('a', () => calls.push(`a:${stat.store.getState().values.get('a')?.status ?? 'gone'}`));
    stat.subscribeKey('b', () => calls.push(`b:${stat.store.getState().values.get('b')?.status ?? 'gone'}`));
    stat.sink.updates([update('a', 1), update('b', 2)]);
    stat.flush();
    stat.sink.connection('reconnecting'); // both live until now
    stat.sink.connection('live');
    stat.sink.statuses([{ key: 'b', status: 'error', reason: 'refused' }]);
    stat.flush();
    expect(calls).toEqual(['a:live', 'b:live', 'a:stale', 'b:stale', 'b:error']);
  });

  it('should change at most the frame budget’s values per frame, growing it while frames keep time and shrinking it after late ones, losing none', () => {
    const frames: (() => void)[] = [];
    const clock = { t: 1_000_000 };
    const stat = createStatStore({ now: () => clock.t, requestFrame: (f) => frames.push(f), frameBudget: { targetMs: 20, start: 100, minimum: 10, maximum: 1000 } });
    stat.sink.connection('live');
    const applied: number[] = [];
    const runFrame = (afterMs: number): void => {
      clock.t += afterMs;
      const before = stat.store.getState().values.size;
      frames.shift()?.();
      applied.push(stat.store.getState().values.size - before);
    };
    stat.sink.updates(Array.from({ length: 1000 }, (_, i) => update(`k${i}`, i)));
    runFrame(16); // the first frame: the starting budget
    runFrame(16); // on time, and it used its whole budget: up an eighth
    runFrame(16);
    // A newer value of a waiting key replaces it in its place in the line.
    stat.sink.updates([update('k999', -1)]);
    runFrame(40); // late, after a frame that changed values: down a quarter
    runFrame(40);
    expect(applied).toEqual([100, 113, 128, 96, 72]);
    while (frames.length > 0) runFrame(16);
    expect(stat.store.getState().values.size).toBe(1000);
    expect(stat.store.getState().values.get('k999')?.value).toBe(-1);
    expect(stat.store.getState().diagnostics.updatesApplied).toBe(1000);
  });

  it('should not let quiet frames inflate the budget before a burst, nor call a slow screen’s frames late', () => {
    const frames: (() => void)[] = [];
    const clock = { t: 1_000_000 };
    const stat = createStatStore({ now: () => clock.t, requestFrame: (f) => frames.push(f), frameBudget: { targetMs: 20, start: 100, minimum: 10, maximum: 1_000_000 } });
    stat.sink.connection('live');
    for (let frame = 0; frame < 200; frame++) {
      stat.sink.updates([update(`quiet${frame % 5}`, frame)]);
      clock.t += 16;
      frames.shift()?.();
    }
    stat.sink.updates(Array.from({ length: 5000 }, (_, i) => update(`k${i}`, i)));
    clock.t += 16;
    frames.shift()?.();
    expect(stat.store.getState().values.size).toBe(5 + 100);

    // A 30 Hz screen: every frame 33 ms apart is its normal pace, not late.
    const slow = createStatStore({ now: () => clock.t, requestFrame: (f) => frames.splice(0, frames.length, f), frameBudget: { targetMs: 20, start: 100, minimum: 10, maximum: 1_000_000 } });
    slow.sink.connection('live');
    slow.sink.updates(Array.from({ length: 1000 }, (_, i) => update(`k${i}`, i)));
    const sizes: number[] = [];
    for (let frame = 0; frame < 4; frame++) {
      clock.t += 33;
      frames.shift()?.();
      sizes.push(slow.store.getState().values.size);
    }
    expect(sizes).toEqual([100, 213, 341, 485]);
  });

  it('should never show a value as live that a newer status says is not, when the value waited past the budget', () => {
    const frames: (() => void)[] = [];
    const clock = { t: 1_000_000 };
    const stat = createStatStore({ now: () => clock.t, requestFrame: (f) => frames.push(f), frameBudget: { targetMs: 20, start: 1, minimum: 1, maximum: 10 } });
    stat.sink.connection('live');
    stat.sink.updates([update('a', 1), update('b', 2)]);
    clock.t += 16;
    frames.shift()?.();
    expect(stat.store.getState().values.has('b')).toBe(false); // b waits
    stat.sink.statuses([{ key: 'b', status: 'error', reason: 'subscription refused' }]);
    while (frames.length > 0) {
      clock.t += 16;
      frames.shift()?.();
    }
    expect(stat.store.getState().values.get('b')).toMatchObject({ status: 'error', reason: 'subscription refused' });
  });

  it('should leave a store without a budget unlimited', () => {
    const { stat: unbounded } = setup();
    unbounded.sink.updates(Array.from({ length: 5000 }, (_, i) => update(`k${i}`, i)));
    unbounded.flush();
    expect(unbounded.store.getState().values.size).toBe(5000);
  });
});
