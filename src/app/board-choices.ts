import type { Board, BoardError } from '../boards/board-schema.ts';
import type { ShippedBoard, ShippedBoards } from '../boards/shipped-boards.ts';

/** A board the switcher offers, shipped with the app or the user's own, and whether it can be shown. */
export type BoardChoice = { readonly id: string; readonly title: string; readonly origin: 'shipped' | 'local' } & (
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly board: Board }
  | { readonly state: 'invalid'; readonly error: BoardError }
  | { readonly state: 'failed'; readonly message: string }
);

function shippedChoice(shipped: ShippedBoard): BoardChoice {
  const { id, title } = shipped.entry;
  switch (shipped.state) {
    case 'loading':
      return { id, title, origin: 'shipped', state: 'loading' };
    case 'ready':
      return { id, title, origin: 'shipped', state: 'ready', board: shipped.board };
    case 'invalid':
      return { id, title, origin: 'shipped', state: 'invalid', error: shipped.error };
    case 'failed':
      return { id, title, origin: 'shipped', state: 'failed', message: shipped.message };
  }
}

/**
 * The shipped boards, then the user's own. Local boards wait for the shipped index: until it is
 * known, a local board stored under a shipped id (written by hand, or before a release shipped that
 * id) could show for a moment and then give way. A shipped board wins such a clash.
 */
export function boardChoices(shipped: Pick<ShippedBoards, 'status' | 'boards'>, local: readonly Board[]): readonly BoardChoice[] {
  const choices = shipped.boards.map(shippedChoice);
  if (shipped.status === 'loading') return choices;
  const shippedIds = new Set(choices.map((c) => c.id));
  const own = local.filter((board) => !shippedIds.has(board.id));
  return [...choices, ...own.map((board): BoardChoice => ({ id: board.id, title: board.title, origin: 'local', state: 'ready', board }))];
}

/** The board the address names, else the first one (a stale link still lands on a board). */
export function currentChoice(choices: readonly BoardChoice[], id: string): BoardChoice | undefined {
  return choices.find((c) => c.id === id) ?? choices[0];
}
