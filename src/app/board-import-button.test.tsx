import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBoard, type ParseBoardResult } from '../boards/board-schema.ts';
import { BoardImportButton } from './board-import-button.tsx';

const file = (name = 'board.json'): File => new File(['{}'], name, { type: 'application/json' });

const accepted = (): ParseBoardResult => parseBoard({ version: 2, id: 'mine', title: 'Mine', tiles: [] });

const refused = (path: string, message: string): ParseBoardResult => ({ ok: false, error: { path, message } });

describe('BoardImportButton', () => {
  afterEach(cleanup);

  it('should hand the chosen file to onImport and show nothing when it is accepted', async () => {
    const onImport = vi.fn((_file: File) => Promise.resolve(accepted()));
    render(<BoardImportButton onImport={onImport} />);
    await userEvent.upload(screen.getByTestId('board-import-input'), file('mine.json'));
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(onImport.mock.calls[0]?.[0].name).toBe('mine.json');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should open the file chooser from the button', async () => {
    render(<BoardImportButton onImport={() => Promise.resolve(accepted())} />);
    const input = screen.getByTestId<HTMLInputElement>('board-import-input');
    const click = vi.spyOn(input, 'click');
    await userEvent.click(screen.getByRole('button', { name: 'Import board' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(input.accept).toBe('.json,application/json');
  });

  it('should show a refusal naming the bad field until dismissed', async () => {
    render(<BoardImportButton onImport={() => Promise.resolve(refused('tiles[0].layout.w', 'x + w must not exceed 12 columns'))} />);
    await userEvent.upload(screen.getByTestId('board-import-input'), file());
    expect(screen.getByRole('alert').textContent).toContain('Board file refused — tiles[0].layout.w: x + w must not exceed 12 columns');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should show a refusal of the whole file without a path', async () => {
    render(<BoardImportButton onImport={() => Promise.resolve(refused('', 'not JSON: Unexpected end of JSON input'))} />);
    await userEvent.upload(screen.getByTestId('board-import-input'), file());
    expect(screen.getByTestId('board-import-error').textContent).toContain('Board file refused — not JSON: Unexpected end of JSON input');
  });

  it('should show markup in a message as text, never as elements', async () => {
    const hostile = '"<img src=x onerror=window.__pwned=1>" is the id of a shipped board';
    const { container } = render(<BoardImportButton onImport={() => Promise.resolve(refused('id', hostile))} />);
    await userEvent.upload(screen.getByTestId('board-import-input'), file());
    expect(screen.getByRole('alert').textContent).toContain(hostile);
    expect(container.querySelector('img')).toBeNull();
  });

  it('should clear an earlier refusal when the next file is accepted, and take the same file twice', async () => {
    const results = [refused('version', 'Invalid input: expected 1'), accepted()];
    const onImport = vi.fn(() => Promise.resolve(results.shift() ?? accepted()));
    render(<BoardImportButton onImport={onImport} />);
    const input = screen.getByTestId<HTMLInputElement>('board-import-input');
    const same = file();
    await userEvent.upload(input, same);
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(input.value).toBe('');
    await userEvent.upload(input, same);
    expect(onImport).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should show, not lose, an import that throws against its contract', async () => {
    render(<BoardImportButton onImport={() => Promise.reject(new Error('bug'))} />);
    await userEvent.upload(screen.getByTestId('board-import-input'), file());
    expect(screen.getByRole('alert').textContent).toContain('Board file refused — bug');
    expect(screen.getByRole('button', { name: 'Import board' })).toHaveProperty('disabled', false);
  });

  it('should be disabled when told to', () => {
    render(<BoardImportButton onImport={() => Promise.resolve(accepted())} disabled />);
    expect(screen.getByRole('button', { name: 'Import board' })).toHaveProperty('disabled', true);
  });
});
