/// <reference types="node" />
import { act, cleanup, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBoard, type Board } from '../boards/board-schema.ts';
import { renderWithProviders } from '../boards/test-providers.tsx';
import { BoardView } from './board-view.tsx';
import { TileErrorBoundary } from './tile-error-boundary.tsx';

function shipped(file: string): Board {
  const result = parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/boards', file), 'utf8')));
  if (!result.ok) throw new Error(result.error.message);
  return result.board;
}

function Broken({ message }: { readonly message: string }): never {
  throw new Error(message);
}

describe('BoardView', () => {
  afterEach(cleanup);

  it('should place each tile on the 12-column grid and show the Queues board as tiles', async () => {
    const board = shipped('queues.json');
    const { container } = renderWithProviders(<BoardView board={board} />);
    const grid = container.firstElementChild as HTMLElement;
    expect(grid.style.gridTemplateColumns).toBe('repeat(12, minmax(0, 1fr))');
    expect(grid.style.gridTemplateRows).toBe('repeat(12, minmax(3.5rem, 1fr))');
    expect([...grid.children].map((tile) => (tile as HTMLElement).style.gridColumn)).toEqual(['1 / span 4', '5 / span 4', '9 / span 4', '1 / span 12', '1 / span 12']);
    await screen.findByRole('region', { name: 'Service level' });
    // 3 queues × (service level + in queue tiles + 6 table columns) + 2 skills × longest idle; the trend is no tile root.
    await vi.waitFor(() => expect(screen.getAllByTestId('tile')).toHaveLength(3 * 8 + 2));
  });

  it('should keep the board when one tile throws, and try the tile again when its inputs change', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = (message: string, key: unknown): ReactElement => (
      <>
        <TileErrorBoundary title="Broken tile" resetKeys={[key]}>
          {message ? <Broken message={message} /> : <p>fixed</p>}
        </TileErrorBoundary>
        <TileErrorBoundary title="Fine tile" resetKeys={[]}>
          <p>still here</p>
        </TileErrorBoundary>
      </>
    );
    const { rerender } = render(view('bad statistic', 1));
    expect(screen.getByRole('alert').textContent).toContain('Broken tile could not be shown');
    expect(screen.getByRole('alert').textContent).toContain('bad statistic');
    expect(screen.getByText('still here')).toBeTruthy();
    act(() => rerender(view('', 1)));
    expect(screen.getByRole('alert')).toBeTruthy();
    act(() => rerender(view('', 2)));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('fixed')).toBeTruthy();
    vi.mocked(console.error).mockRestore();
  });
});
