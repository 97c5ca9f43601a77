import type { AgentStateValue } from '../stat-source.ts';
import { agentStateValue } from './gc-agent-state.ts';

interface UserState {
  status?: string;
  since?: number;
  /** System presence; undefined while no answer told it. */
  presence?: string;
  /** Sequence of the last topic event for this user. */
  eventSeq: number;
}

/**
 * Users' routing status and presence, and who has which skill (ids in lower case). A topic event
 * is newer than any read that left before it arrived: such a read does not overwrite it.
 */
export interface AgentStore {
  /** Call when a read leaves; pass the mark to `applyRead`. */
  mark(): number;
  applyRead(mark: number, userId: string, routing: { status: string; since: number } | undefined, presence: string | undefined): void;
  applyEvent(userId: string, status: string, since: number): void;
  setMembers(skillId: string, userIds: readonly string[]): void;
  /** Undefined until a membership listing named the skill's members (or said it has none). */
  members(skillId: string): readonly string[] | undefined;
  /** Users whose routing status no read or event told yet. */
  unknownStatus(userIds: Iterable<string>): string[];
  /** Users off queue (signed out, or on a break: only the presence tells) or not known yet. */
  presenceMatters(userIds: Iterable<string>): string[];
  agentValue(userId: string): AgentStateValue | undefined;
  /** Forgets the users no longer wanted: their topics end, so what is known of them will go old. */
  retain(wanted: (userId: string) => boolean): void;
  /** A count or duration for a skill; undefined while its members or their statuses are unknown, null when not derivable. */
  skillValue(skillId: string, statistic: string, serverNow: number): number | null | undefined;
}

export function createAgentStore(): AgentStore {
  const users = new Map<string, UserState>();
  const skills = new Map<string, readonly string[]>();
  let seq = 0;
  const user = (id: string): UserState => {
    let state = users.get(id);
    if (!state) {
      state = { eventSeq: 0 };
      users.set(id, state);
    }
    return state;
  };

  function skillValue(skillId: string, statistic: string, serverNow: number): number | null | undefined {
    const members = skills.get(skillId);
    if (!members) return undefined;
    const states = members.map((id) => users.get(id));
    if (states.some((s) => s?.status === undefined)) return undefined;
    const having = (...statuses: string[]): UserState[] => states.filter((s): s is UserState => s !== undefined && statuses.includes(s.status ?? ''));
    switch (statistic) {
      case 'CurrentReadyAgents':
        return having('IDLE').length;
      case 'CurrNumberInCall':
        return having('INTERACTING').length;
      case 'gc-not-responding-agents':
        return having('NOT_RESPONDING').length;
      case 'gc-on-queue-agents':
        return states.length - having('OFF_QUEUE').length;
      case 'CurrentNotReadyAgents': {
        const off = having('OFF_QUEUE');
        // Off queue is "not ready" only when the presence says signed in; without it, no honest count.
        if (off.some((s) => s.presence === undefined)) return null;
        return off.filter((s) => s.presence !== 'OFFLINE').length;
      }
      case 'LongestIdleTime': {
        const starts = having('IDLE').map((s) => s.since ?? serverNow);
        return starts.length === 0 ? 0 : Math.max(0, Math.round((serverNow - Math.min(...starts)) / 1000));
      }
      default:
        return null;
    }
  }

  return {
    mark: () => seq,
    applyRead(mark, userId, routing, presence) {
      const state = user(userId);
      if (presence !== undefined) state.presence = presence;
      if (!routing || state.eventSeq > mark) return;
      state.status = routing.status;
      state.since = routing.since;
    },
    applyEvent(userId, status, since) {
      const state = user(userId);
      state.eventSeq = ++seq;
      // Leaving OFF_QUEUE means the user is on queue; their off-queue presence no longer applies.
      if (status !== 'OFF_QUEUE') state.presence = 'ON_QUEUE';
      else if (state.status !== 'OFF_QUEUE') state.presence = undefined;
      state.status = status;
      state.since = since;
    },
    setMembers(skillId, userIds) {
      skills.set(skillId, [...new Set(userIds)]);
    },
    members: (skillId) => skills.get(skillId),
    unknownStatus: (userIds) => [...userIds].filter((id) => users.get(id)?.status === undefined),
    presenceMatters: (userIds) => [...userIds].filter((id) => (users.get(id)?.status ?? 'OFF_QUEUE') === 'OFF_QUEUE'),
    agentValue(userId) {
      const state = users.get(userId);
      if (state?.status === undefined) return undefined;
      return agentStateValue(state.status, state.since ?? 0, state.presence);
    },
    skillValue,
    retain(wanted) {
      for (const id of users.keys()) if (!wanted(id)) users.delete(id);
    },
  };
}
