import { useCallback, useSyncExternalStore } from 'react';
import { boardHref, parseBoardRoute } from './board-route.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const getSearch = (): string => window.location.search;

/** The board named in the address, and a way to go to another one (a history entry per board). */
export function useBoardRoute(): { readonly boardId: string | undefined; readonly goToBoard: (id: string) => void } {
  const search = useSyncExternalStore(subscribe, getSearch);
  const goToBoard = useCallback((id: string) => {
    window.history.pushState(null, '', boardHref(window.location.search, id));
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return { boardId: parseBoardRoute(search).boardId, goToBoard };
}
