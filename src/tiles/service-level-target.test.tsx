import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBoard, type Board } from '../boards/board-schema.ts';
import { statSpecFor } from '../boards/stat-spec-for.ts';
import { renderWithProviders, testStatStore } from '../boards/test-providers.tsx';
import { statKey } from '../sources/stat-spec.ts';
import { BoardView } from './board-view.tsx';

const vip = { kind: 'queue', id: 'vip' };

function targetsBoard(): Board {
  const result = parseBoard({
    version: 2,
    id: 'targets',
    title: 'Targets',
    tiles: [
      { id: 'default', statistic: 'ServiceLevel', object: vip, format: 'percent', layout: { x: 0, y: 0, w: 4, h: 2 } },
      { id: 'vip-20', statistic: 'ServiceLevel', object: vip, format: 'percent', layout: { x: 4, y: 0, w: 4, h: 2 }, serviceLevelSeconds: 20 },
      {
        id: 'table',
        kind: 'table',
        object: vip,
        layout: { x: 0, y: 2, w: 12, h: 3 },
        columns: [{ statistic: 'ServiceLevel', format: 'percent', serviceLevelSeconds: 20 }],
      },
    ],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.board;
}

const value = (seconds: number | undefined, v: number): { key: string; value: number; timestamp: number; periodMs: number } => ({
  key: statKey(statSpecFor('genesys-v3', 'queue', 'vip', 'ServiceLevel', seconds)),
  value: v,
  timestamp: Date.now(),
  periodMs: 10_000,
});

describe('service-level targets on tiles', () => {
  afterEach(cleanup);

  it('should show each tile the value of its own answer time, keep data-stat the statistic’s name and say the target in words', async () => {
    const stat = testStatStore();
    renderWithProviders(<BoardView board={targetsBoard()} />, { stat });
    await vi.waitFor(() => expect(screen.getAllByTestId('tile')).toHaveLength(3));
    act(() => stat.sink.updates([value(undefined, 100), value(20, 50)]));

    const [plain, within20, cell] = screen.getAllByTestId('tile');
    expect(plain?.dataset).toMatchObject({ stat: 'ServiceLevel', objectId: 'vip', status: 'live', value: '100' });
    expect(within20?.dataset).toMatchObject({ stat: 'ServiceLevel', objectId: 'vip', status: 'live', value: '50' });
    expect(cell?.dataset).toMatchObject({ stat: 'ServiceLevel', objectId: 'vip', status: 'live', value: '50' });
    expect(plain?.textContent).not.toContain('answered within');
    expect(within20?.textContent).toContain('answered within 20 s');
    const header = within(screen.getByRole('table')).getByRole('columnheader', { name: 'Service level (20 s)' });
    expect(header.getAttribute('title')).toBe('Service level, answered within 20 s');
  });
});
