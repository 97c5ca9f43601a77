import { z } from 'zod';

/**
 * Display names the admin API puts over the built-in contact center's (mock addition), so tests can
 * serve names a real configuration might hold — markup included — without a custom config. The
 * listings read names through this map; the simulation, its ids and its ground truth are unchanged.
 */
export const nameOverrideBodySchema = z
  .object({
    type: z.enum(['queue', 'skill', 'agent']),
    id: z.string().min(1).max(200),
    /** For an agent: the first name (the last name is kept). */
    name: z.string().max(1000),
  })
  .strict();

export type NameOverride = z.infer<typeof nameOverrideBodySchema>;
export type NamedObjectType = NameOverride['type'];

export interface NameOverrides {
  /** The override for that object, if any. */
  get(type: NamedObjectType, id: string): string | undefined;
  set(override: NameOverride): void;
  list(): readonly NameOverride[];
  clear(): void;
}

export function createNameOverrides(): NameOverrides {
  const names = new Map<string, NameOverride>();
  const key = (type: NamedObjectType, id: string): string => `${type}\u0000${id}`;
  return {
    get: (type, id) => names.get(key(type, id))?.name,
    set(override) {
      names.set(key(override.type, override.id), override);
    },
    list: () => [...names.values()],
    clear() {
      names.clear();
    },
  };
}
