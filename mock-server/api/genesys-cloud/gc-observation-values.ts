import type { VendorIdMap } from '../../vendor-ids/vendor-ids.ts';

/** One item of a detail metric (`ObservationValue` in the platform's SDK). */
export interface ObservationValue {
  readonly observationDate: string;
  readonly conversationId?: string;
  readonly userId?: string;
  readonly requestedRoutingSkillIds?: readonly string[];
  readonly routingPriority?: number;
  readonly direction?: 'inbound';
}

/** The platform caps a detail list; past it the first half is the oldest, the second the newest. */
export const MAX_OBSERVATIONS = 100;

interface Timed {
  readonly since: number;
}

function oldestFirst<T extends Timed>(items: readonly T[]): { readonly items: readonly T[]; readonly truncated: boolean } {
  const sorted = [...items].sort((a, b) => a.since - b.since);
  if (sorted.length <= MAX_OBSERVATIONS) return { items: sorted, truncated: false };
  const half = MAX_OBSERVATIONS / 2;
  return { items: [...sorted.slice(0, half), ...sorted.slice(sorted.length - half)], truncated: true };
}

function withTruncation<T>(list: { readonly truncated: boolean }, observations: readonly T[]): { truncated?: true; observations: readonly T[] } {
  return list.truncated ? { truncated: true, observations } : { observations };
}

/** Conversations (waiting, alerting or connected): `since` is when the call entered that state. */
export function observationsOfCalls(
  ids: VendorIdMap,
  calls: readonly { readonly callId: string; readonly since: number; readonly agentId?: string }[],
  requestedRoutingSkillIds: readonly string[],
): { truncated?: true; observations: readonly ObservationValue[] } {
  const list = oldestFirst(calls);
  return withTruncation(
    list,
    list.items.map((c) => ({
      observationDate: new Date(c.since).toISOString(),
      conversationId: ids.toVendor('conversation', c.callId),
      ...(c.agentId === undefined ? {} : { userId: ids.toVendor('agent', c.agentId) }),
      requestedRoutingSkillIds,
      routingPriority: 0,
      direction: 'inbound' as const,
    })),
  );
}

/** Users (GC ids already): `since` is when their counted status began. */
export function observationsOfUsers(
  users: readonly { readonly userId: string; readonly since: number }[],
): { truncated?: true; observations: readonly ObservationValue[] } {
  const list = oldestFirst(users);
  return withTruncation(
    list,
    list.items.map((u) => ({ observationDate: new Date(u.since).toISOString(), userId: u.userId })),
  );
}
