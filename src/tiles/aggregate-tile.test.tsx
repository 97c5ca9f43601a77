import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AggregateTileConfig } from '../boards/board-schema.ts';
import { keyOf, renderWithProviders, testStatStore, update } from '../boards/test-providers.tsx';
import { AggregateTile } from './aggregate-tile.tsx';
import { StatisticInfoProvider } from './statistic-info.tsx';

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);
const layout = { x: 0, y: 0, w: 3, h: 2 };
const queues = (...ids: string[]): AggregateTileConfig['objects'] => ids.map((id) => ({ kind: 'queue' as const, id }));

const inQueue: AggregateTileConfig = {
  kind: 'aggregate',
  id: 'waiting',
  layout,
  statistic: 'Current_In_Queue',
  format: 'count',
  combine: 'sum',
  objects: queues('sales', 'billing', 'vip'),
  thresholds: [{ when: 'above', value: 5, level: 'warning' }],
};
const serviceLevel: AggregateTileConfig = {
  kind: 'aggregate',
  id: 'sl',
  layout,
  title: 'Service level, all queues',
  statistic: 'ServiceLevel',
  format: 'percent',
  combine: 'weighted-mean',
  objects: queues('sales', 'billing'),
};

const tile = (): HTMLElement => screen.getByTestId('tile');
const sl = (id: string, value: number, answered: number) => [update('queue', id, 'ServiceLevel', value), update('queue', id, 'Total_Answered', answered)];

describe('AggregateTile', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('should carry the attributes browser tests rely on (docs/architecture.md) with the sum as data-value, and say how it was made', () => {
    const stat = testStatStore();
    renderWithProviders(<AggregateTile tile={inQueue} />, { stat });
    act(() => stat.sink.updates([update('queue', 'sales', 'Current_In_Queue', 2), update('queue', 'billing', 'Current_In_Queue', 1), update('queue', 'vip', 'Current_In_Queue', 0)]));
    const root = tile();
    const dataAttributes = root.getAttributeNames().filter((name) => name.startsWith('data-'));
    expect(dataAttributes.sort()).toEqual(['data-level', 'data-object-id', 'data-object-type', 'data-source', 'data-stat', 'data-status', 'data-testid', 'data-value']);
    expect(root.dataset).toMatchObject({ stat: 'Current_In_Queue', objectType: 'queue', objectId: 'sales,billing,vip', status: 'live', value: '3', level: 'ok' });
    expect(screen.getByTestId('tile-value').textContent).toBe('3');
    expect(root.textContent).toContain('In queue');
    expect(screen.getByTestId('aggregate-caption').textContent).toBe('sum of 3 queues');
  });

  it('should stay loading, leave out and count the objects with no value yet, and go live when every one has one', () => {
    const stat = testStatStore();
    renderWithProviders(<AggregateTile tile={inQueue} />, { stat });
    expect(tile().dataset).toMatchObject({ status: 'loading', value: '', level: 'none' });
    act(() => stat.sink.updates([update('queue', 'sales', 'Current_In_Queue', 4)]));
    expect(tile().dataset).toMatchObject({ status: 'loading', value: '4' });
    expect(screen.getByTestId('aggregate-missing').textContent).toBe('2 of 3 queues: no value yet');
    act(() => stat.sink.updates([update('queue', 'billing', 'Current_In_Queue', 1), update('queue', 'vip', 'Current_In_Queue', 2)]));
    expect(tile().dataset).toMatchObject({ status: 'live', value: '7', level: 'warning' });
    expect(screen.queryByTestId('aggregate-missing')).toBeNull();
  });

  it('should weight a service level by answered calls (the default weight), not take a plain mean of percentages', () => {
    const stat = testStatStore();
    renderWithProviders(<AggregateTile tile={serviceLevel} />, { stat });
    act(() => stat.sink.updates([...sl('sales', 90, 200), ...sl('billing', 10, 2)]));
    const expected = (90 * 200 + 10 * 2) / 202;
    expect(Number(tile().dataset.value)).toBeCloseTo(expected, 10);
    expect(tile().dataset).toMatchObject({ stat: 'ServiceLevel', status: 'live', objectId: 'sales,billing' });
    expect(screen.getByTestId('tile-value').textContent).toBe('89%');
    expect(screen.getByTestId('aggregate-caption').textContent).toBe('2 queues, weighted by answered calls');
    expect(tile().textContent).toContain('Service level, all queues');
  });

  it('should name the weight the board chose, and leave out a queue that answered nothing', () => {
    const stat = testStatStore();
    // A source's own statistic is named in its own words.
    const catalogs = new Map([['genesys-v3', { objectKinds: [], statistics: [{ id: 'InboundCalls', label: 'Inbound calls', meaning: '', format: 'count', kinds: ['queue'] }] } as const]]);
    renderWithProviders(
      <StatisticInfoProvider catalogs={catalogs}>
        <AggregateTile tile={{ ...serviceLevel, weightStatistic: 'InboundCalls' }} />
      </StatisticInfoProvider>,
      { stat },
    );
    act(() =>
      stat.sink.updates([
        update('queue', 'sales', 'ServiceLevel', 80),
        update('queue', 'sales', 'InboundCalls', 10),
        update('queue', 'billing', 'ServiceLevel', null),
        update('queue', 'billing', 'InboundCalls', 0),
      ]),
    );
    expect(tile().dataset).toMatchObject({ status: 'live', value: '80' });
    expect(screen.getByTestId('aggregate-caption').textContent).toBe('2 queues, weighted by inbound calls');
    expect(screen.getByTestId('aggregate-missing').textContent).toBe('1 of 2 queues: no value yet');
  });

  it('should show stale when one part is stale and error, with its reason, when one part failed', () => {
    const stat = testStatStore();
    renderWithProviders(<AggregateTile tile={inQueue} />, { stat });
    act(() => stat.sink.updates(['sales', 'billing', 'vip'].map((q) => update('queue', q, 'Current_In_Queue', 1))));
    act(() => stat.sink.statuses([{ key: keyOf('queue', 'vip', 'Current_In_Queue'), status: 'stale', reason: 'subscription dropped' }]));
    expect(tile().dataset).toMatchObject({ status: 'stale', value: '3' });
    expect(tile().textContent).toContain('stale');
    expect(tile().className).toContain('opacity-60');
    act(() => stat.sink.statuses([{ key: keyOf('queue', 'billing', 'Current_In_Queue'), status: 'error', reason: 'unknown object "billing"' }]));
    expect(tile().dataset.status).toBe('error');
    expect(tile().textContent).toContain('unknown object "billing"');
  });

  it('should hold a breach of the combined number inside the band and say since when', () => {
    const stat = testStatStore();
    renderWithProviders(<AggregateTile tile={{ ...inQueue, objects: queues('sales', 'vip') }} />, { stat });
    const levels: string[] = [];
    for (const [a, b] of [[2, 2], [3, 3], [3, 2], [2, 2]] as const) {
      act(() => stat.sink.updates([update('queue', 'sales', 'Current_In_Queue', a), update('queue', 'vip', 'Current_In_Queue', b)]));
      levels.push(tile().dataset.level ?? '');
      if (levels.length === 2) expect(screen.getByTestId('breached-since').textContent).toMatch(/^since \d{1,2}:\d{2}/);
    }
    // Above 5 warns; the default band for a count is one call, so 5 keeps the warning and 4 clears it.
    expect(levels).toEqual(['ok', 'warning', 'warning', 'ok']);
  });

  it('should tick the longest of several waits between notifications while data-value stays raw', () => {
    const stat = testStatStore();
    renderWithProviders(<AggregateTile tile={{ ...inQueue, statistic: 'CurrMaxCallWaitingTime', format: 'duration', combine: 'max', thresholds: undefined }} />, { stat });
    act(() => stat.sink.updates([update('queue', 'sales', 'CurrMaxCallWaitingTime', 10), update('queue', 'billing', 'CurrMaxCallWaitingTime', 20), update('queue', 'vip', 'CurrMaxCallWaitingTime', 0)]));
    expect(screen.getByTestId('tile-value').textContent).toBe('0:20');
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('tile-value').textContent).toBe('0:23');
    expect(tile().dataset.value).toBe('20');
    expect(screen.getByTestId('aggregate-caption').textContent).toBe('highest of 3 queues');
  });

  it('should combine every queue of "*" once, even one also named by id', async () => {
    vi.useRealTimers();
    const stat = testStatStore();
    renderWithProviders(<AggregateTile tile={{ ...inQueue, objects: [{ kind: 'queue', id: 'vip' }, { kind: 'queue', id: '*' }] }} />, { stat });
    expect(tile().dataset).toMatchObject({ status: 'loading', objectId: 'vip,*' });
    await waitFor(() => expect(screen.getByTestId('aggregate-caption').textContent).toBe('sum of 3 queues'));
    act(() => stat.sink.updates(['sales', 'billing', 'vip'].map((q) => update('queue', q, 'Current_In_Queue', 2))));
    expect(tile().dataset).toMatchObject({ status: 'live', value: '6' });
  });

  it('should re-render for its own keys only', () => {
    const stat = testStatStore();
    const onRender = vi.fn();
    renderWithProviders(
      <Profiler id="aggregate" onRender={onRender}>
        <AggregateTile tile={inQueue} />
      </Profiler>,
      { stat },
    );
    act(() => stat.sink.updates(['sales', 'billing', 'vip'].map((q) => update('queue', q, 'Current_In_Queue', 1))));
    const renders = onRender.mock.calls.length;
    act(() => stat.sink.updates([update('queue', 'sales', 'ServiceLevel', 50), update('queue', 'other', 'Current_In_Queue', 9)]));
    expect(onRender.mock.calls.length).toBe(renders);
    act(() => stat.sink.updates([update('queue', 'vip', 'Current_In_Queue', 4)]));
    expect(onRender.mock.calls.length).toBe(renders + 1);
    expect(tile().dataset.value).toBe('6');
  });
});
