/**
 * What the address says (docs/architecture.md, convention 8): which board is on screen, and whether it is open in the
 * editor. A pure parse, like Grafana's getKioskMode, so the URL stays the one home of that state:
 * links can be shared, and a reload in the middle of editing comes back to the editor.
 */
export interface BoardRoute {
  readonly boardId: string | undefined;
  readonly editing: boolean;
}

const BOARD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function parseBoardRoute(search: string): BoardRoute {
  const params = new URLSearchParams(search);
  const id = params.get('board');
  return { boardId: id !== null && BOARD_ID.test(id) ? id : undefined, editing: params.get('edit') === '1' };
}

/** The URL of a board, in the editor or not, keeping the rest of the query string. */
export function boardHref(search: string, boardId: string, editing = false): string {
  const params = new URLSearchParams(search);
  params.set('board', boardId);
  if (editing) params.set('edit', '1');
  else params.delete('edit');
  return `?${params.toString()}`;
}
