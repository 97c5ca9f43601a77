import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactElement, type ReactNode } from 'react';
import type { AuthSession } from '../auth/auth-session.ts';
import { ApiClientProvider, type ApiClient } from '../lib/api-client.tsx';
import { historyBuffer } from '../tiles/history-buffer.ts';

/**
 * What one signed-in session owns, for the app and the kiosk alike: the API client with its tokens,
 * and caches that must not outlive it — when the session ends, nothing of it stays for the next
 * person at this screen.
 */
export function SessionScope({ session, children }: { readonly session: AuthSession; readonly children: ReactNode }): ReactElement {
  const api: ApiClient = useMemo(() => ({ fetch: (path, init) => session.authorizedFetch(path, init) }), [session]);
  const queryClient = useQueryClient();
  useEffect(
    () => () => {
      queryClient.clear();
      historyBuffer.clear();
    },
    [queryClient],
  );
  return <ApiClientProvider client={api}>{children}</ApiClientProvider>;
}
