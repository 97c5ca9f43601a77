import { QueryClient } from '@tanstack/react-query';

/**
 * Defaults for a screen that runs for weeks (docs/architecture.md, convention 9): catalogs change rarely, so they are
 * fresh for 5 minutes and refetched in the background; no refetch storm when a kiosk regains focus;
 * bounded retries; unused data is collected.
 */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 30 * 60_000,
        refetchInterval: 15 * 60_000,
        refetchOnWindowFocus: false,
        retry: 3,
        retryDelay: (attempt) => Math.min(30_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2),
      },
    },
  });
}
