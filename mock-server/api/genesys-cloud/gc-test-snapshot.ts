import type { MockServer } from '../../create-mock-server.ts';
import type { SimSnapshot } from '../../sim/sim-types.ts';
import { admin } from '../../test-support/test-server.ts';

/** For tests: `GET /mock/admin/snapshot` with each queue's and agent's ids in the vendor facades. */
type WithIds<T> = T & { readonly ids: Readonly<Record<string, string | number>> };
export interface SnapshotWithIds {
  readonly now: number;
  readonly queues: readonly WithIds<SimSnapshot['queues'][number]>[];
  readonly agents: readonly WithIds<SimSnapshot['agents'][number]>[];
}

export function snapshotWithIds(server: MockServer): Promise<SnapshotWithIds> {
  return admin(server, 'GET', 'snapshot') as Promise<SnapshotWithIds>;
}

/** The Genesys Cloud id of a snapshot object. */
export const gcIdOf = (o: { readonly ids: Readonly<Record<string, string | number>> }): string => String(o.ids['genesys-cloud']);
