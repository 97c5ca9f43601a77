import type { NameOverrides } from '../../admin/name-overrides.ts';
import type { GcAuthContext } from './gc-auth.ts';
import type { GenesysCloudState } from './gc-activity.ts';
import type { DirectoryContext } from './gc-directory.ts';

/** What the Genesys Cloud routes need from the mock core. */
export interface GenesysCloudContext extends GcAuthContext {
  readonly state: GenesysCloudState;
  /** Display names put over the config's by the admin API (mock addition). */
  readonly names?: NameOverrides;
  /** The simulated day's zone: "today" and day buckets are read in it. */
  readonly timeZone: string;
}

export function directoryOf(context: GenesysCloudContext): DirectoryContext {
  return { floor: context.state.floor(), ...(context.names ? { names: context.names } : {}), dayStart: context.state.startedAt };
}

/** Values of a list query parameter, repeated (`id=a&id=b`, as the SDK sends) or comma-separated. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The platform's `name` filter: case-insensitive, `*` allowed at either end. */
export function nameMatches(pattern: string | null, name: string): boolean {
  if (pattern === null || pattern === '') return true;
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  const head = p.startsWith('*');
  const tail = p.endsWith('*') && p.length > 1;
  const core = p.slice(head ? 1 : 0, tail ? -1 : undefined);
  if (head && tail) return n.includes(core);
  if (head) return n.endsWith(core);
  if (tail) return n.startsWith(core);
  return n === core;
}

export function sortByName<T extends Readonly<Record<string, unknown>>>(items: T[], sortOrder: string | null): T[] {
  const sorted = items.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return sortOrder?.toLowerCase() === 'desc' ? sorted.reverse() : sorted;
}
