import type { SimEvent, SimSnapshot } from '../sim/sim-types.ts';
import { ActivityLog } from './activity-log.ts';
import type { ActivityFamily } from './compile-definition.ts';
import { agentKey, type ObjectDirectory } from './object-directory.ts';

/** How far back closed activity is kept: a daily growing window never needs more. */
const RETENTION_MS = 26 * 3_600_000;

/** Names one object's activity in one family: what `log` reads and `takeChanged` reports. */
export function activityKey(objectKey: string, family: ActivityFamily): string {
  return `${family}|${objectKey}`;
}

export interface ActivityStore {
  apply(events: readonly SimEvent[]): void;
  log(objectKey: string, family: ActivityFamily): ActivityLog | undefined;
  /**
   * Activity keys written since the previous call (the call starts a new set). An agent's reason
   * changes with its status activity, so the agent's status key covers it.
   */
  takeChanged(): ReadonlySet<string>;
  /** Agent statuses carry a reason; CurrentState shows it. */
  notReadyReason(agentId: string): string | undefined;
  prune(now: number): void;
}

/**
 * Turns simulation events into per-object activity, the way Stat Server sees them: a call is a
 * CallWait on its queue (and its skill's virtual queue) until distributed or abandoned; an agent's
 * status is one open activity at a time, mirrored on each group the agent belongs to.
 */
export function createActivityStore(directory: ObjectDirectory, initial: SimSnapshot): ActivityStore {
  const logs = new Map<string, ActivityLog>();
  const reasons = new Map<string, string>();
  const arrivals = new Map<string, number>();
  let changed = new Set<string>();

  const logFor = (key: string, family: ActivityFamily): ActivityLog => {
    const k = activityKey(key, family);
    changed.add(k);
    let l = logs.get(k);
    if (!l) {
      l = new ActivityLog();
      logs.set(k, l);
    }
    return l;
  };
  const agentTargets = (agentId: string): readonly string[] => [agentKey(agentId), ...directory.groupKeysOfAgent(agentId)];

  for (const agent of initial.agents) {
    for (const key of agentTargets(agent.id)) logFor(key, 'status').begin(agent.id, agent.state, agent.since);
    if (agent.reason) reasons.set(agent.id, agent.reason);
  }
  for (const queue of initial.queues) {
    for (const call of queue.waiting) {
      arrivals.set(call.callId, call.since);
      for (const key of directory.queueKeysOfQueue(queue.id)) logFor(key, 'action').begin(call.callId, 'CallWait', call.since);
    }
  }
  changed.clear();

  function applyOne(e: SimEvent): void {
    switch (e.type) {
      case 'CallArrived':
        arrivals.set(e.callId, e.at);
        for (const key of directory.queueKeysOfQueue(e.queueId)) logFor(key, 'action').begin(e.callId, 'CallWait', e.at);
        break;
      case 'CallDistributed': {
        const waited = e.at - (arrivals.get(e.callId) ?? e.at);
        for (const key of directory.queueKeysOfQueue(e.queueId)) {
          const log = logFor(key, 'action');
          log.finish(e.callId, e.at);
          log.instant('CallDistributed', e.at, waited);
        }
        for (const key of agentTargets(e.agentId)) logFor(key, 'action').begin(e.callId, 'CallRinging', e.at);
        break;
      }
      case 'CallAnswered':
        arrivals.delete(e.callId);
        for (const key of directory.queueKeysOfQueue(e.queueId)) logFor(key, 'action').instant('CallAnswered', e.at, e.waitMs);
        for (const key of agentTargets(e.agentId)) {
          const log = logFor(key, 'action');
          log.finish(e.callId, e.at);
          log.instant('CallAnswered', e.at, e.waitMs);
          log.begin(e.callId, 'CallInbound', e.at);
        }
        break;
      case 'CallAbandoned':
        arrivals.delete(e.callId);
        for (const key of directory.queueKeysOfQueue(e.queueId)) {
          const log = logFor(key, 'action');
          log.finish(e.callId, e.at);
          log.instant('CallAbandoned', e.at, e.waitMs);
        }
        break;
      case 'CallReleased':
        for (const key of agentTargets(e.agentId)) logFor(key, 'action').finish(e.callId, e.at);
        break;
      case 'AgentStateChanged':
        if (e.reason) reasons.set(e.agentId, e.reason);
        else reasons.delete(e.agentId);
        for (const key of agentTargets(e.agentId)) {
          const log = logFor(key, 'status');
          log.finish(e.agentId, e.at);
          log.begin(e.agentId, e.to, e.at);
        }
        break;
    }
  }

  return {
    apply(events) {
      for (const e of events) applyOne(e);
    },
    log: (key, family) => logs.get(activityKey(key, family)),
    takeChanged() {
      const taken = changed;
      changed = new Set();
      return taken;
    },
    notReadyReason: (agentId) => reasons.get(agentId),
    prune(now) {
      for (const l of logs.values()) l.prune(now - RETENTION_MS);
    },
  };
}
