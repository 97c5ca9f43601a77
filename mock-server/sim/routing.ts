/**
 * Routing strategy of the simulated switch: longest-waiting call first, to the longest-idle agent
 * who has the queue's skill. Pure functions over the engine's state, so the rule is testable alone.
 */
import type { AgentStatus } from './sim-types.ts';

export interface RoutableAgent {
  readonly status: AgentStatus;
  /** When the agent entered its current status; for a ready agent, the start of its idle time. */
  readonly since: number;
  readonly skills: ReadonlySet<string>;
}

export interface RoutableCall {
  readonly arrivedAt: number;
  /** Creation order, breaks ties between calls that arrived in the same millisecond. */
  readonly seq: number;
}

export interface RoutableQueue<C extends RoutableCall> {
  readonly skillId: string;
  /** Waiting calls in arrival order. */
  readonly waiting: ReadonlyMap<string, C>;
}

/** The ready agent with the skill who has been idle longest; earlier agents win ties. */
export function pickAgentForSkill<A extends RoutableAgent>(agents: readonly A[], skillId: string): A | undefined {
  let best: A | undefined;
  for (const agent of agents) {
    if (agent.status !== 'WaitForNextCall' || !agent.skills.has(skillId)) continue;
    if (!best || agent.since < best.since) best = agent;
  }
  return best;
}

/** The call that has waited longest among the queues whose skill the agent holds. */
export function pickCallForAgent<C extends RoutableCall>(
  queues: readonly RoutableQueue<C>[],
  skills: ReadonlySet<string>,
): C | undefined {
  let best: C | undefined;
  for (const queue of queues) {
    if (!skills.has(queue.skillId)) continue;
    // Maps iterate in insertion order, so the first waiting call is the oldest of the queue.
    const oldest = queue.waiting.values().next().value;
    if (!oldest) continue;
    if (!best || oldest.arrivedAt < best.arrivedAt || (oldest.arrivedAt === best.arrivedAt && oldest.seq < best.seq)) {
      best = oldest;
    }
  }
  return best;
}
