import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Threshold } from '../boards/board-schema.ts';
import { keyOf, renderWithProviders, testStatStore, update } from '../boards/test-providers.tsx';
import { StatTile, type StatTileProps } from './stat-tile.tsx';
import { tickerListenerCount } from './ticker.ts';

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);
const SL_THRESHOLDS: Threshold[] = [
  { when: 'below', value: 90, level: 'warning' },
  { when: 'below', value: 80, level: 'critical' },
];

const serviceLevel: StatTileProps = {
  statistic: 'ServiceLevel',
  source: 'genesys-v3',
  kind: 'queue',
  objectId: 'sales',
  heading: 'Service level',
  caption: 'Sales',
  format: 'percent',
  thresholds: SL_THRESHOLDS,
};
const longestIdle: StatTileProps = { statistic: 'LongestIdleTime', source: 'genesys-v3', kind: 'skill', objectId: 'sales', heading: 'Longest idle', format: 'duration' };

const tile = (): HTMLElement => screen.getByTestId('tile');

describe('StatTile', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('should carry exactly the attributes browser tests rely on (docs/architecture.md), with the raw value, and show it formatted', () => {
    const stat = testStatStore();
    renderWithProviders(<StatTile {...serviceLevel} />, { stat });
    act(() => stat.sink.updates([update('queue', 'sales', 'ServiceLevel', 83.33)]));
    const root = tile();
    const dataAttributes = root.getAttributeNames().filter((name) => name.startsWith('data-'));
    expect(dataAttributes.sort()).toEqual(['data-level', 'data-object-id', 'data-object-type', 'data-source', 'data-stat', 'data-status', 'data-testid', 'data-value']);
    expect(root.dataset).toMatchObject({ stat: 'ServiceLevel', source: 'genesys-v3', objectType: 'queue', objectId: 'sales', status: 'live', value: '83.33', level: 'warning' });
    expect(root.textContent).toContain('83%');
    expect(root.textContent).toContain('Service level');
    expect(root.textContent).toContain('Sales');
  });

  it('should hold a breach while the value stays inside the band, say since when, and clear past the band', () => {
    const stat = testStatStore();
    const queue: StatTileProps = { statistic: 'Current_In_Queue', source: 'genesys-v3', kind: 'queue', objectId: 'vip', heading: 'In queue', format: 'count', thresholds: [{ when: 'above', value: 3, level: 'warning' }] };
    renderWithProviders(<StatTile {...queue} />, { stat });
    const levels: string[] = [];
    for (const n of [2, 4, 3, 4, 3, 2]) {
      act(() => stat.sink.updates([update('queue', 'vip', 'Current_In_Queue', n)]));
      levels.push(tile().dataset.level ?? '');
      if (n === 4 && levels.length === 2) expect(screen.getByTestId('breached-since').textContent).toMatch(/^since \d{1,2}:\d{2}/);
    }
    expect(levels).toEqual(['ok', 'warning', 'warning', 'warning', 'warning', 'ok']);
    expect(screen.queryByTestId('breached-since')).toBeNull();
  });

  it('should keep a breach and its time when the tile is shown again, and flash only when it begins', () => {
    const stat = testStatStore();
    const queue: StatTileProps = { statistic: 'Current_In_Queue', source: 'genesys-v3', kind: 'queue', objectId: 'vip', heading: 'In queue', format: 'count', thresholds: [{ when: 'above', value: 3, level: 'warning' }] };
    const first = renderWithProviders(<StatTile {...queue} />, { stat });
    act(() => stat.sink.updates([update('queue', 'vip', 'Current_In_Queue', 4)]));
    expect(tile().className).toContain('breach-flash-warning');
    const since = screen.getByTestId('breached-since').textContent;
    first.unmount();
    // A board round later (a kiosk playlist), the queue is still over its line.
    act(() => vi.setSystemTime(T0 + 10 * 60_000));
    act(() => stat.sink.updates([update('queue', 'vip', 'Current_In_Queue', 5, { timestamp: 20_000 })]));
    renderWithProviders(<StatTile {...queue} />, { stat });
    expect(tile().dataset.level).toBe('warning');
    expect(screen.getByTestId('breached-since').textContent).toBe(since);
    expect(tile().className).not.toContain('breach-flash');
  });

  it('should show the level with a shape and its name, not by colour alone', () => {
    const stat = testStatStore();
    renderWithProviders(<StatTile {...serviceLevel} />, { stat });
    act(() => stat.sink.updates([update('queue', 'sales', 'ServiceLevel', 70)]));
    expect(tile().dataset.level).toBe('critical');
    expect(screen.getByRole('img', { name: 'Critical' }).textContent).toContain('◆');
    act(() => stat.sink.updates([update('queue', 'sales', 'ServiceLevel', 95)]));
    expect(tile().dataset.level).toBe('ok');
    expect(screen.getByRole('img', { name: 'OK' }).textContent).toContain('●');
  });

  it('should say loading, with no value and no level, before the first value', () => {
    renderWithProviders(<StatTile {...serviceLevel} />);
    expect(tile().dataset).toMatchObject({ status: 'loading', value: '', level: 'none' });
    expect(tile().textContent).toContain('–');
    expect(tile().textContent).toContain('loading…');
  });

  it('should show "no value" rather than 0 when the server has none', () => {
    const stat = testStatStore();
    renderWithProviders(<StatTile {...serviceLevel} />, { stat });
    act(() => stat.sink.updates([update('queue', 'sales', 'ServiceLevel', null)]));
    expect(tile().dataset).toMatchObject({ status: 'live', value: '', level: 'none' });
    expect(tile().textContent).toContain('–');
    expect(tile().textContent).not.toContain('0%');
  });

  it('should dim a stale value and say how old it is', () => {
    const stat = testStatStore();
    renderWithProviders(<StatTile {...serviceLevel} />, { stat });
    act(() => stat.sink.updates([update('queue', 'sales', 'ServiceLevel', 92)]));
    vi.setSystemTime(T0 + 2 * 60_000 + 5_000);
    act(() => stat.sink.connection('unavailable'));
    expect(tile().dataset).toMatchObject({ status: 'stale', value: '92' });
    expect(tile().textContent).toContain('stale · 2m');
    expect(tile().className).toContain('opacity-60');
  });

  it("should show the server's reason for an error as text", () => {
    const stat = testStatStore();
    renderWithProviders(<StatTile {...serviceLevel} />, { stat });
    act(() => stat.sink.statuses([{ key: keyOf('queue', 'sales', 'ServiceLevel'), status: 'error', reason: 'unknown statistic "ServiceLevel"' }]));
    expect(tile().dataset).toMatchObject({ status: 'error', value: '', level: 'none' });
    expect(tile().textContent).toContain('unknown statistic "ServiceLevel"');
  });

  it('should tick a running duration every second between notifications while data-value stays raw', () => {
    const stat = testStatStore();
    renderWithProviders(<StatTile {...longestIdle} />, { stat });
    act(() => stat.sink.updates([update('skill', 'sales', 'LongestIdleTime', 70)]));
    expect(tile().textContent).toContain('1:10');
    act(() => vi.advanceTimersByTime(3000));
    expect(tile().textContent).toContain('1:13');
    expect(tile().dataset.value).toBe('70');
    // The next notification replaces the estimate with the server's value.
    act(() => stat.sink.updates([update('skill', 'sales', 'LongestIdleTime', 72)]));
    expect(tile().textContent).toContain('1:12');
  });

  it('should not tick nobody idle (0), a stale clock, or a statistic that is not a duration', () => {
    const stat = testStatStore();
    renderWithProviders(
      <>
        <StatTile {...longestIdle} />
        <StatTile {...serviceLevel} />
      </>,
      { stat },
    );
    act(() => stat.sink.updates([update('skill', 'sales', 'LongestIdleTime', 0), update('queue', 'sales', 'ServiceLevel', 90)]));
    act(() => vi.advanceTimersByTime(5000));
    const [idle, level] = screen.getAllByTestId('tile') as [HTMLElement, HTMLElement];
    expect(idle.textContent).toContain('0:00');
    expect(level.textContent).toContain('90%');
    act(() => stat.sink.updates([update('skill', 'sales', 'LongestIdleTime', 30)]));
    act(() => stat.sink.connection('unavailable'));
    act(() => vi.advanceTimersByTime(5000));
    expect(idle.textContent).toContain('0:30');
  });

  it('should drive every ticking tile from one shared interval', () => {
    const stat = testStatStore();
    const { unmount } = renderWithProviders(
      <>
        {['sales', 'support', 'billing'].map((id) => (
          <StatTile key={id} {...longestIdle} objectId={id} />
        ))}
      </>,
      { stat },
    );
    act(() => stat.sink.updates(['sales', 'support', 'billing'].map((id) => update('skill', id, 'LongestIdleTime', 5))));
    expect(tickerListenerCount()).toBe(3);
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(1000));
    for (const t of screen.getAllByTestId('tile')) expect(t.textContent).toContain('0:06');
    unmount();
    expect(tickerListenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
