import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { BoardError } from '../boards/board-schema.ts';
import type { BoardActions } from './board-actions.ts';
import { BoardActionError } from './board-action-error.tsx';
import { BoardDeleteDialog } from './board-delete-dialog.tsx';
import { copyText } from './copy-text.ts';
import { KioskLinkNotice } from './kiosk-link-notice.tsx';

export interface BoardMenuProps {
  /** Absent while there is no board to act on (the list of boards is still loading). */
  readonly actions: BoardActions | undefined;
  /** Injected so tests can stand in for the clipboard. */
  readonly copy?: (text: string) => Promise<boolean>;
}

interface Item {
  readonly key: string;
  readonly label: string;
  /** Why the item cannot be used on this board; also its tooltip. */
  readonly unavailable?: string;
  readonly hint?: string;
  readonly run: () => void;
}

const LOCAL_HINT = 'This board is kept in this browser only: to show it on another machine, export it and import the file there first.';

/**
 * "Board ▾": duplicate, export, copy the kiosk link, delete. A menu button in the WAI-ARIA pattern:
 * the arrow keys, Home and End move between items, Escape and Tab close it, focus comes back to the
 * button. Items that do not apply stay in the list, disabled, saying why, so nobody hunts for them.
 */
export function BoardMenu({ actions, copy = copyText }: BoardMenuProps): ReactElement {
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<BoardError | undefined>(undefined);
  const [link, setLink] = useState<{ readonly url: string; readonly copied: boolean; readonly local: boolean } | undefined>(undefined);

  function close(refocus: boolean): void {
    setOpen(false);
    if (refocus) button.current?.focus();
  }

  const items: readonly Item[] = actions
    ? [
        {
          key: 'edit',
          label: actions.local ? 'Edit' : 'Edit a copy',
          ...(!actions.edit && { unavailable: 'The board has not loaded' }),
          run: () => {
            const result = actions.edit?.();
            setError(result && !result.ok ? result.error : undefined);
          },
        },
        {
          key: 'duplicate',
          label: 'Duplicate',
          ...(!actions.duplicate && { unavailable: 'The board has not loaded' }),
          run: () => {
            const result = actions.duplicate?.();
            setError(result && !result.ok ? result.error : undefined);
          },
        },
        {
          key: 'export',
          label: 'Export file',
          ...(!actions.exportFile && { unavailable: 'The board has not loaded' }),
          run: () => actions.exportFile?.(),
        },
        {
          key: 'copy-kiosk-link',
          label: 'Copy kiosk link',
          ...(actions.local && { hint: LOCAL_HINT }),
          run: () => {
            const { kioskLink: url, local } = actions;
            void copy(url).then((copied) => setLink({ url, copied, local }));
          },
        },
        {
          key: 'delete',
          label: 'Delete…',
          ...(!actions.remove && { unavailable: 'A shipped board cannot be deleted; duplicate it to make a board of your own' }),
          run: () => setConfirmDelete(true),
        },
      ]
    : [];

  const itemElements = (): HTMLElement[] => Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    itemElements()[0]?.focus();
    // A press anywhere outside closes the menu, as a native menu does; focus stays where it went.
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target as Node | null;
      if (!list.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const elements = itemElements();
    const at = elements.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number): void => elements[(i + elements.length) % elements.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(elements.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        // Tab leaves the menu for the next control, as from any other popup.
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  }

  function choose(item: Item): void {
    if (item.unavailable) return;
    close(true);
    item.run();
  }

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        data-testid="board-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label="Board actions"
        disabled={!actions}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          // The menu-button pattern: the down arrow opens the menu as Enter and Space do.
          if (event.key === 'ArrowDown' && actions) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className="rounded-md border border-slate-700 px-3 py-1 text-sm font-semibold text-slate-300 hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-50"
      >
        Board <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={list}
          id={menuId}
          role="menu"
          aria-label={`Board “${actions?.boardTitle ?? ''}”`}
          data-testid="board-menu-list"
          onKeyDown={onMenuKeyDown}
          className="absolute left-0 top-full z-40 mt-1 w-60 rounded-lg border border-slate-600 bg-slate-900 py-1 shadow-xl shadow-black/50"
        >
          {items.map((item) => (
            <div
              key={item.key}
              role="menuitem"
              tabIndex={-1}
              data-testid={`board-${item.key}`}
              aria-disabled={item.unavailable ? true : undefined}
              title={item.unavailable ?? item.hint}
              onClick={() => choose(item)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  choose(item);
                }
              }}
              className="mx-1 cursor-pointer rounded-md px-3 py-1.5 text-sm text-slate-200 outline-none hover:bg-slate-800 focus-visible:bg-slate-700 focus-visible:ring-2 focus-visible:ring-sky-400 aria-disabled:cursor-not-allowed aria-disabled:text-slate-500"
            >
              {item.label}
              {item.hint && <span className="block text-xs text-slate-400">Kept in this browser only</span>}
            </div>
          ))}
        </div>
      )}
      {confirmDelete && actions && (
        <BoardDeleteDialog
          title={actions.boardTitle}
          onCancel={() => {
            setConfirmDelete(false);
            button.current?.focus();
          }}
          onConfirm={() => {
            setConfirmDelete(false);
            const result = actions.remove?.();
            setError(result && !result.ok ? result.error : undefined);
            button.current?.focus();
          }}
        />
      )}
      {link && <KioskLinkNotice url={link.url} copied={link.copied} local={link.local} localHint={LOCAL_HINT} onClose={() => setLink(undefined)} />}
      {error && <BoardActionError error={error} onDismiss={() => setError(undefined)} />}
    </div>
  );
}
