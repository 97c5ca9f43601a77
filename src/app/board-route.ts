/**
 * What the address says (STYLE.md #3): which board is on screen. A pure parse, like Grafana's
 * getKioskMode, so the URL stays the one home of that state and links can be shared.
 */
export interface BoardRoute {
  readonly boardId: string | undefined;
}

const BOARD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function parseBoardRoute(search: string): BoardRoute {
  const id = new URLSearchParams(search).get('board');
  return { boardId: id !== null && BOARD_ID.test(id) ? id : undefined };
}

/** The URL of a board, keeping the rest of the query string. */
export function boardHref(search: string, boardId: string): string {
  const params = new URLSearchParams(search);
  params.set('board', boardId);
  return `?${params.toString()}`;
}
