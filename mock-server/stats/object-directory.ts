import type { ContactCenterConfig } from '../sim/sim-types.ts';
import type { ObjectKind } from './compile-definition.ts';
import type { CatalogObjectType } from './statistic-definition.ts';

/**
 * Statistic objects and how the Statistics API v3 names them (docs/vendors/genesys-engage.md §2.2): `Agent`,
 * `Queue` (a queue, or a skill's virtual queue: SKILL_Q), `GroupAgents` (a skill's agent group:
 * SKILL_AG, or a team group). The statistics.yaml spellings (§3.1 there) are accepted too, case-insensitively.
 */
export interface StatObject {
  /** Activity-store key, unique across kinds. */
  readonly key: string;
  readonly kind: ObjectKind;
  /** The statistics.yaml object type whose entries apply to it. */
  readonly catalogType: CatalogObjectType;
  readonly id: string;
}

export type ObjectLookup =
  | { readonly ok: true; readonly object: StatObject }
  | { readonly ok: false; readonly reason: 'unknown-type' | 'unknown-object'; readonly message: string };

type WireType = 'agent' | 'queue' | 'skillQueue' | 'group' | 'skillGroup';

// A Map, not an object literal: a client-chosen objectType such as "constructor" must not find anything.
const WIRE_TYPES: ReadonlyMap<string, WireType> = new Map([
  ['agent', 'agent'],
  ['queue', 'queue'],
  ['skill_q', 'skillQueue'],
  ['groupagents', 'group'],
  ['agentgroup', 'group'],
  ['skill_ag', 'skillGroup'],
]);

export interface ObjectDirectory {
  lookup(objectType: string, objectId: string): ObjectLookup;
  /** Keys of the objects an agent's activity also counts for (its skill and team groups). */
  groupKeysOfAgent(agentId: string): readonly string[];
  /** Keys of the queue objects a call of this queue counts for (the queue and its skill's virtual queue). */
  queueKeysOfQueue(queueId: string): readonly string[];
  readonly agentKeys: readonly string[];
}

export const agentKey = (id: string): string => `agent:${id}`;
export const queueKey = (id: string): string => `queue:${id}`;
export const skillQueueKey = (id: string): string => `vq:${id}`;
export const groupKey = (id: string): string => `group:${id}`;

export function createObjectDirectory(config: ContactCenterConfig): ObjectDirectory {
  const agents = new Set(config.agents.map((a) => a.id));
  const queues = new Map(config.queues.map((q) => [q.id, q]));
  const skills = new Set(config.skills.map((s) => s.id));
  const teams = new Set(config.groups.map((g) => g.id));
  const agentGroups = new Map(
    config.agents.map((a) => [a.id, [...new Set([...a.skillIds, ...a.groupIds])].map(groupKey)] as const),
  );

  const found = (kind: ObjectKind, catalogType: CatalogObjectType, key: string, id: string): ObjectLookup => ({
    ok: true,
    object: { key, kind, catalogType, id },
  });
  const unknown = (objectType: string, objectId: string): ObjectLookup => ({
    ok: false,
    reason: 'unknown-object',
    message: `unknown object "${objectId}" of type ${objectType}`,
  });

  return {
    lookup(objectType, objectId) {
      const wire = WIRE_TYPES.get(objectType.toLowerCase());
      if (!wire) {
        return {
          ok: false,
          reason: 'unknown-type',
          message: `unknown objectType "${objectType}" (Agent, Queue, GroupAgents, SKILL_Q, SKILL_AG)`,
        };
      }
      switch (wire) {
        case 'agent':
          return agents.has(objectId) ? found('agent', 'AGENT', agentKey(objectId), objectId) : unknown(objectType, objectId);
        case 'queue':
          // A v3 `Queue` is a queue or a skill's virtual queue; real queues win when ids collide.
          if (queues.has(objectId)) return found('queue', 'QUEUE', queueKey(objectId), objectId);
          return skills.has(objectId) ? found('queue', 'SKILL_Q', skillQueueKey(objectId), objectId) : unknown(objectType, objectId);
        case 'skillQueue':
          return skills.has(objectId) ? found('queue', 'SKILL_Q', skillQueueKey(objectId), objectId) : unknown(objectType, objectId);
        case 'group':
        case 'skillGroup':
          if (skills.has(objectId) || (wire === 'group' && teams.has(objectId))) {
            return found('agentGroup', 'SKILL_AG', groupKey(objectId), objectId);
          }
          return unknown(objectType, objectId);
      }
    },
    groupKeysOfAgent: (agentId) => agentGroups.get(agentId) ?? [],
    queueKeysOfQueue(queueId) {
      const q = queues.get(queueId);
      return q ? [queueKey(queueId), skillQueueKey(q.skillId)] : [];
    },
    agentKeys: [...agents].map(agentKey),
  };
}
