import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardActions } from './board-actions.ts';
import { BoardMenu } from './board-menu.tsx';

function actions(overrides: Partial<BoardActions> = {}): BoardActions {
  return {
    boardId: 'mine',
    boardTitle: 'Mine',
    local: true,
    kioskLink: 'http://localhost:8080/kiosk?board=mine',
    duplicate: vi.fn(() => ({ ok: true as const })),
    exportFile: vi.fn(),
    remove: vi.fn(() => ({ ok: true as const })),
    ...overrides,
  };
}

describe('BoardMenu', () => {
  afterEach(cleanup);

  it('should open from the keyboard on its button, move with the arrows and close on Escape with focus back', async () => {
    const user = userEvent.setup();
    render(<BoardMenu actions={actions()} copy={() => Promise.resolve(true)} />);
    const button = screen.getByRole('button', { name: 'Board actions' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    button.focus();
    await user.keyboard('{Enter}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Edit', 'Duplicate', 'Export file', 'Copy kiosk linkKept in this browser only', 'Delete…']);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(items[4]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('should run an item chosen with Enter and close', async () => {
    const user = userEvent.setup();
    const a = actions();
    render(<BoardMenu actions={a} copy={() => Promise.resolve(true)} />);
    screen.getByRole('button', { name: 'Board actions' }).focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Edit'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Duplicate');
    await user.keyboard('{Enter}');
    expect(a.duplicate).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('should ask before deleting, keep the board on Cancel and delete on confirm', async () => {
    const user = userEvent.setup();
    const a = actions();
    render(<BoardMenu actions={a} copy={() => Promise.resolve(true)} />);
    await user.click(screen.getByRole('button', { name: 'Board actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “Mine”?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(a.remove).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Board actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Delete board' }));
    expect(a.remove).toHaveBeenCalledTimes(1);
  });

  it('should keep delete in the list for a shipped board, disabled and saying why', async () => {
    const user = userEvent.setup();
    const { remove: _remove, ...shipped } = actions({ local: false });
    render(<BoardMenu actions={shipped} copy={() => Promise.resolve(true)} />);
    await user.click(screen.getByRole('button', { name: 'Board actions' }));
    const item = screen.getByRole('menuitem', { name: 'Delete…' });
    expect(item.getAttribute('aria-disabled')).toBe('true');
    expect(item.title).toContain('shipped board cannot be deleted');
    await user.click(item);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('should say Copied after copying the kiosk link, with the note that an own board lives in this browser', async () => {
    const user = userEvent.setup();
    const copy = vi.fn(() => Promise.resolve(true));
    render(<BoardMenu actions={actions()} copy={copy} />);
    await user.click(screen.getByRole('button', { name: 'Board actions' }));
    await user.click(screen.getByRole('menuitem', { name: /Copy kiosk link/ }));
    expect(copy).toHaveBeenCalledWith('http://localhost:8080/kiosk?board=mine');
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Copied');
    expect(screen.getByTestId('kiosk-link-local-hint').textContent).toContain('import the file there');
  });

  it('should show the link selected in a text field when the clipboard is not available', async () => {
    const user = userEvent.setup();
    render(<BoardMenu actions={actions({ local: false })} copy={() => Promise.resolve(false)} />);
    await user.click(screen.getByRole('button', { name: 'Board actions' }));
    await user.click(screen.getByRole('menuitem', { name: /Copy kiosk link/ }));
    const field = await screen.findByTestId<HTMLInputElement>('kiosk-link-field');
    expect(field.value).toBe('http://localhost:8080/kiosk?board=mine');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
    expect(screen.queryByTestId('kiosk-link-local-hint')).toBeNull();
  });

  it('should be disabled while there is no board to act on', () => {
    render(<BoardMenu actions={undefined} />);
    expect((screen.getByRole('button', { name: 'Board actions' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
