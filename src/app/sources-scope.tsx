import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactElement, type ReactNode } from 'react';
import { SourcesProvider, type Sources } from '../boards/sources-context.tsx';
import { historyBuffer } from '../tiles/history-buffer.ts';

/**
 * What one signed-in session owns, for the app and the kiosk alike: the sources with their tokens,
 * and caches that must not outlive it — when the session ends, nothing of it stays for the next
 * person at this screen.
 */
export function SourcesScope({ sources, children }: { readonly sources: Sources; readonly children: ReactNode }): ReactElement {
  const queryClient = useQueryClient();
  useEffect(
    () => () => {
      queryClient.clear();
      historyBuffer.clear();
    },
    [queryClient],
  );
  return <SourcesProvider sources={sources}>{children}</SourcesProvider>;
}
