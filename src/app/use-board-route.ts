import { useCallback, useSyncExternalStore } from 'react';
import { boardHref, parseBoardRoute } from './board-route.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const getSearch = (): string => window.location.search;

export interface BoardRouteState {
  readonly boardId: string | undefined;
  readonly editing: boolean;
  /** Opens a board (a history entry per board), in the editor when `editing`. */
  readonly goToBoard: (id: string, editing?: boolean) => void;
}

/** The board named in the address, whether it is in the editor, and a way to go elsewhere. */
export function useBoardRoute(): BoardRouteState {
  const search = useSyncExternalStore(subscribe, getSearch);
  const goToBoard = useCallback((id: string, editing = false) => {
    window.history.pushState(null, '', boardHref(window.location.search, id, editing));
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  const route = parseBoardRoute(search);
  return { boardId: route.boardId, editing: route.editing, goToBoard };
}
