import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { SourceContext, SourceDefinition } from '../sources/source-definition.ts';

/** One configured source as the UI reaches it: what it is, and its signed-in means of calling its API. */
export interface SourceEntry {
  /** The id of the runtime configuration, which tiles name in `source`. */
  readonly id: string;
  readonly definition: SourceDefinition;
  /** Absent until the person has signed in to this source. */
  readonly context: SourceContext | undefined;
  /** Starts this source's sign-in, while it has none. */
  readonly signIn?: (() => void) | undefined;
}

/** Every configured source, and which one a tile without `source` uses. */
export interface Sources {
  readonly defaultSource: string;
  readonly byId: ReadonlyMap<string, SourceEntry>;
}

const SourcesContext = createContext<Sources | null>(null);

/** The app (src/app) provides the sources; boards, tiles and the editor read them, never a vendor folder. */
export function SourcesProvider({ sources, children }: { readonly sources: Sources; readonly children: ReactNode }): ReactElement {
  return <SourcesContext.Provider value={sources}>{children}</SourcesContext.Provider>;
}

export function useSources(): Sources {
  const sources = useContext(SourcesContext);
  if (!sources) throw new Error('useSources needs a SourcesProvider above it');
  return sources;
}

/** The source a tile reads from: its own `source`, else the default. */
export function tileSourceId(tile: { readonly source?: string | undefined }, sources: Pick<Sources, 'defaultSource'>): string {
  return tile.source ?? sources.defaultSource;
}
