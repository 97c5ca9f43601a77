import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrendTileConfig } from '../boards/board-schema.ts';
import { keyOf, renderWithProviders, testStatStore, update } from '../boards/test-providers.tsx';
import { createHistoryBuffer } from './history-buffer.ts';
import { TrendTile } from './trend-tile.tsx';

const tile: TrendTileConfig = {
  id: 'trend',
  kind: 'trend',
  statistic: 'Current_In_Queue',
  object: { kind: 'queue', id: '*' },
  format: 'count',
  minutes: 30,
  layout: { x: 0, y: 0, w: 12, h: 3 },
};

describe('TrendTile', () => {
  afterEach(cleanup);

  it("should record each object's value once per server timestamp and load the chart lazily", async () => {
    const buffer = createHistoryBuffer({ maxPoints: 100, maxAgeMs: 3_600_000 });
    const stat = testStatStore();
    renderWithProviders(<TrendTile tile={tile} buffer={buffer} />, { stat });
    await screen.findByRole('region', { name: 'In queue, last 30 min' });
    await vi.waitFor(() => expect(screen.queryByText('Loading queues…')).toBeNull());
    act(() => stat.sink.updates([update('queue', 'sales', 'Current_In_Queue', 2, { timestamp: 10_000 }), update('queue', 'vip', 'Current_In_Queue', null, { timestamp: 10_000 })]));
    act(() => stat.sink.updates([update('queue', 'sales', 'Current_In_Queue', 2, { timestamp: 10_000 })]));
    act(() => stat.sink.updates([update('queue', 'sales', 'Current_In_Queue', 4, { timestamp: 20_000 })]));
    expect(buffer.points(keyOf('queue', 'sales', 'Current_In_Queue'))).toEqual([
      { t: 10_000, v: 2 },
      { t: 20_000, v: 4 },
    ]);
    expect(buffer.points(keyOf('queue', 'vip', 'Current_In_Queue'))).toEqual([{ t: 10_000, v: null }]);
    // The chart's chunk is imported on first use: on a busy 2-core machine that takes seconds, not one.
    await vi.waitFor(() => expect(screen.queryByText('Loading chart…')).toBeNull(), { timeout: 10_000 });
    // A trend is not a statistic tile: browser tests counting tiles never see it.
    expect(screen.queryAllByTestId('tile')).toHaveLength(0);
  });
});
