import type { SimEvent } from '../../sim/sim-types.ts';

/** One call's life as the conversation aggregates see it (simulated epoch ms). */
export interface CallRecord {
  readonly callId: string;
  readonly queueId: string;
  readonly arrivedAt: number;
  answeredAt?: number;
  abandonedAt?: number;
  /** Arrival → answer or abandon. */
  waitMs?: number;
  agentId?: string;
  releasedAt?: number;
  talkMs?: number;
  /** End of after-call work: talk plus wrap-up is the handle time. */
  wrappedUpAt?: number;
}

export interface CallHistory {
  apply(event: SimEvent): void;
  /** Every call remembered, in arrival order. */
  records(): Iterable<Readonly<CallRecord>>;
}

/** Days of calls kept: a wallboard asks for today, a report maybe for the week. */
const RETENTION_MS = 8 * 86_400_000;

export function createCallHistory(): CallHistory {
  // Insertion order is arrival order, so the oldest are dropped from the front.
  const calls = new Map<string, CallRecord>();
  const wrappingUp = new Map<string, CallRecord>();

  const prune = (now: number): void => {
    for (const [id, call] of calls) {
      if (call.arrivedAt >= now - RETENTION_MS) return;
      calls.delete(id);
    }
  };

  return {
    apply(e) {
      switch (e.type) {
        case 'CallArrived':
          calls.set(e.callId, { callId: e.callId, queueId: e.queueId, arrivedAt: e.at });
          prune(e.at);
          return;
        case 'CallDistributed': {
          const call = calls.get(e.callId);
          if (call) call.agentId = e.agentId;
          return;
        }
        case 'CallAnswered': {
          const call = calls.get(e.callId);
          if (call) Object.assign(call, { answeredAt: e.at, waitMs: e.waitMs, agentId: e.agentId });
          return;
        }
        case 'CallAbandoned': {
          const call = calls.get(e.callId);
          if (call) Object.assign(call, { abandonedAt: e.at, waitMs: e.waitMs });
          return;
        }
        case 'CallReleased': {
          const call = calls.get(e.callId);
          if (!call) return;
          Object.assign(call, { releasedAt: e.at, talkMs: e.talkMs });
          wrappingUp.set(e.agentId, call);
          return;
        }
        case 'AgentStateChanged': {
          if (e.from !== 'AfterCallWork') return;
          const call = wrappingUp.get(e.agentId);
          wrappingUp.delete(e.agentId);
          if (call) call.wrappedUpAt = e.at;
          return;
        }
        default:
          return;
      }
    },
    records: () => calls.values(),
  };
}
