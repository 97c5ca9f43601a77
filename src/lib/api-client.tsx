import { createContext, useContext, type ReactElement, type ReactNode } from 'react';

/**
 * How UI code reaches the backend's REST APIs without knowing about tokens: the app shell provides
 * an authorized fetch (API key, bearer token, one refresh on 401) and the API base URL.
 */
export interface ApiClient {
  /** `path` is relative to the API base, e.g. `/api/v2/queues?fields=*`. */
  readonly fetch: (path: string, init?: RequestInit) => Promise<Response>;
}

const ApiClientContext = createContext<ApiClient | null>(null);

export function ApiClientProvider({ client, children }: { readonly client: ApiClient; readonly children: ReactNode }): ReactElement {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient needs an ApiClientProvider above it');
  return client;
}
