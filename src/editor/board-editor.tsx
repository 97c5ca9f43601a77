import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import type { Board, BoardError, BoardTile } from '../boards/board-schema.ts';
import type { LocalBoards } from '../boards/local-boards.ts';
import { addTile, firstFreePlace, freeTileId, removeTile, renameBoard, replaceTile, setSound } from './board-edits.ts';
import { EditorGrid } from './editor-grid.tsx';
import { defaultSize, draftToTile, emptyDraft, tileToDraft, type TileDraft } from './tile-draft.ts';
import { TileForm } from './tile-form.tsx';
import { tileName } from './tile-name.ts';
import { useBoardEditor } from './use-board-editor.ts';

export interface BoardEditorProps {
  /** One of the user's own boards: shipped boards are edited as a copy. */
  readonly board: Board;
  readonly localBoards: LocalBoards;
  /** The runtime config's service-level target: the pre-filled warning line of a service level. */
  readonly serviceLevelTargetPercent: number;
  readonly onDone: () => void;
}

type Panel = { readonly mode: 'add'; readonly key: number } | { readonly mode: 'edit'; readonly id: string } | { readonly mode: 'none' };

const button = 'rounded-md border border-slate-600 px-3 py-1.5 text-sm font-semibold text-slate-200 hover:bg-slate-800 disabled:cursor-not-allowed disabled:opacity-60';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A tile id from what it shows: `sl-vip`, `current-in-queue`; readable in an exported file. */
function idFor(tile: BoardTile): string {
  const base = ('statistic' in tile ? tile.statistic : tile.kind).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return base || 'tile';
}

/**
 * The board editor: the board on its grid, live, with tiles to select, move and resize; a side panel
 * with the selected tile's settings or a new tile's; undo and redo. Every edit is saved at once.
 */
export function BoardEditor({ board: initial, localBoards, serviceLevelTargetPercent, onDone }: BoardEditorProps): ReactElement {
  const editor = useBoardEditor(initial, localBoards);
  const { board } = editor;
  const [panel, setPanel] = useState<Panel>({ mode: 'none' });
  const [announcement, setAnnouncement] = useState('');
  const helpId = useId();
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const tilesSection = useRef<HTMLElement>(null);

  const selectedTile = panel.mode === 'edit' ? board.tiles.find((t) => t.id === panel.id) : undefined;
  // A tile undone away, or deleted, closes its panel.
  const shownPanel: Panel = panel.mode === 'edit' && !selectedTile ? { mode: 'none' } : panel;

  function select(id: string): void {
    editor.select(id);
    setPanel({ mode: 'edit', id });
  }

  function addFrom(draft: TileDraft): BoardError | undefined {
    const size = defaultSize(draft.kind);
    const probe = draftToTile(draft, 'new', { x: 0, y: 0, ...size });
    if (!probe.ok) return probe.error;
    const id = freeTileId(board, idFor(probe.tile));
    const placed = { ...probe.tile, id, layout: firstFreePlace(board, size) } as BoardTile;
    editor.apply((b) => addTile(b, placed), id);
    setPanel({ mode: 'edit', id });
    setAnnouncement(`${tileName(placed)} added at column ${placed.layout.x + 1}, row ${placed.layout.y + 1}.`);
    return undefined;
  }

  function applyTo(tile: BoardTile, draft: TileDraft): BoardError | undefined {
    const result = draftToTile(draft, tile.id, tile.layout);
    if (!result.ok) return result.error;
    editor.apply((b) => replaceTile(b, result.tile));
    setAnnouncement(`${tileName(result.tile)} updated.`);
    return undefined;
  }

  // On the window, not the editor: after a Delete the focused tile is gone and focus is on the body,
  // and Ctrl+Z must still bring the tile back.
  const { undo, redo } = editor;
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent): void {
      if (isTextField(event.target) || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);

  function commitTitle(input: HTMLInputElement): void {
    const next = renameBoard(board, input.value);
    // An empty title is no title: the field shows the board's again.
    if (next === board) input.value = board.title;
    else editor.apply(() => next);
  }

  return (
    <div data-testid="board-editor" data-board={board.id} className="flex h-full min-h-0 flex-col">
      <div role="toolbar" aria-label="Board editor" className="flex flex-wrap items-end gap-3 border-b border-slate-800 px-4 py-2">
        <label className="flex flex-col gap-1 text-xs font-semibold text-slate-300">
          Board title
          <input
            // Uncontrolled, keyed by the title: undo and redo of a rename show in the field.
            key={board.title}
            data-testid="editor-title"
            defaultValue={board.title}
            onBlur={(e) => commitTitle(e.currentTarget)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitTitle(e.currentTarget);
            }}
            className="w-64 rounded border border-slate-600 bg-slate-900 px-2 py-1 text-sm text-slate-100"
          />
        </label>
        <button ref={addButton} type="button" data-testid="editor-add-tile" className={button} onClick={() => setPanel({ mode: 'add', key: Date.now() })}>
          Add tile
        </button>
        <button type="button" data-testid="editor-undo" className={button} disabled={!editor.canUndo} onClick={editor.undo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" data-testid="editor-redo" className={button} disabled={!editor.canRedo} onClick={editor.redo} aria-keyshortcuts="Control+Shift+Z Control+Y">
          Redo
        </button>
        <label className="flex items-center gap-2 self-center text-sm text-slate-200">
          <input
            type="checkbox"
            data-testid="editor-sound"
            checked={board.sound === true}
            onChange={(e) => {
              const on = e.target.checked;
              editor.apply((b) => setSound(b, on));
            }}
          />
          Sound on breach
        </label>
        <span className="self-center text-xs text-slate-400">Saved in this browser as you go</span>
        <button type="button" data-testid="editor-done" className="ml-auto rounded-md bg-sky-300 px-3 py-1.5 text-sm font-semibold text-slate-950 hover:bg-sky-200" onClick={onDone}>
          Done
        </button>
      </div>
      {editor.saveError && (
        <p role="alert" data-testid="editor-save-error" className="px-4 py-2 text-sm text-red-300">
          Not saved: {editor.saveError.message}
        </p>
      )}
      <p id={helpId} className="px-4 pt-2 text-xs text-slate-400">
        Select a tile to change its settings. Arrow keys move the focused tile, Shift+arrow keys resize it, Delete removes it; or drag it, and its corner to resize. Ctrl+Z undoes, Ctrl+Shift+Z redoes.
      </p>
      <div className="flex min-h-0 flex-1 gap-4 p-4">
        <section ref={tilesSection} aria-label="Tiles" className="min-h-0 min-w-0 flex-1 overflow-auto focus:outline-none" tabIndex={-1}>
          {board.tiles.length === 0 && (
            <p data-testid="editor-empty" className="pb-2 text-sm text-slate-300">
              This board has no tiles yet: “Add tile” starts one.
            </p>
          )}
          <EditorGrid
            board={board}
            selected={editor.selected}
            onSelect={select}
            onEdit={(edit) => editor.apply(edit)}
            // A deleted tile took focus with it: keep it in the editor, where the next key is meant.
            onFocusLost={() => tilesSection.current?.focus()}
            announce={setAnnouncement}
            helpId={helpId}
          />
        </section>
        {shownPanel.mode !== 'none' && (
          <aside aria-labelledby={headingId} data-testid="editor-panel" className="flex w-96 shrink-0 flex-col gap-3 overflow-auto rounded-lg border border-slate-700 bg-slate-900 p-4">
            <h2 id={headingId} className="text-base font-bold text-slate-100">
              {shownPanel.mode === 'add' ? 'New tile' : `Tile: ${selectedTile ? tileName(selectedTile) : ''}`}
            </h2>
            {shownPanel.mode === 'add' && (
              <TileForm
                key={shownPanel.key}
                mode="add"
                headingId={headingId}
                initial={emptyDraft('stat')}
                serviceLevelTargetPercent={serviceLevelTargetPercent}
                onSubmit={addFrom}
                onCancel={() => {
                  setPanel({ mode: 'none' });
                  addButton.current?.focus();
                }}
              />
            )}
            {shownPanel.mode === 'edit' && selectedTile && (
              <TileForm
                // A new draft when another tile is chosen, or this one changes by undo or redo.
                key={`${selectedTile.id}|${JSON.stringify({ ...selectedTile, layout: undefined })}`}
                mode="edit"
                headingId={headingId}
                initial={tileToDraft(selectedTile)}
                serviceLevelTargetPercent={serviceLevelTargetPercent}
                onSubmit={(draft) => applyTo(selectedTile, draft)}
                onCancel={() => setPanel({ mode: 'none' })}
                onDelete={() => {
                  editor.apply((b) => removeTile(b, selectedTile.id));
                  setAnnouncement(`${tileName(selectedTile)} deleted. Undo brings it back.`);
                  setPanel({ mode: 'none' });
                  tilesSection.current?.focus();
                }}
              />
            )}
          </aside>
        )}
      </div>
      <p role="status" data-testid="editor-status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
