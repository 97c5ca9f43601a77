/**
 * The contract between the simulation and everything that observes it (statistics engine,
 * admin snapshot). Times are epoch milliseconds of the simulated clock.
 */

/** Agent statuses, named as Stat Server names them (they double as mask items in statistics.yaml). */
export const AGENT_STATUSES = [
  'LoggedOut',
  'WaitForNextCall',
  'NotReadyForNextCall',
  'AfterCallWork',
  'CallRinging',
  'CallInbound',
] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** Reason codes an agent gives for NotReadyForNextCall. */
export const NOT_READY_REASONS = ['Break', 'Lunch', 'Training', 'Meeting', 'Coaching'] as const;
export type NotReadyReason = (typeof NOT_READY_REASONS)[number];

export interface QueueConfig {
  /** Stat Server id of the virtual queue, also its Web Services id. */
  readonly id: string;
  readonly name: string;
  readonly channel: 'voice';
  /** The skill an agent needs to take a call from this queue. */
  readonly skillId: string;
  /** Mean arrivals per hour at the busiest time of day; the day profile scales it. */
  readonly peakCallsPerHour: number;
  /** Mean caller patience before abandoning, in seconds. */
  readonly meanPatienceSec: number;
  /** Mean talk time in seconds. */
  readonly meanTalkSec: number;
  /** Mean after-call work in seconds. */
  readonly meanAcwSec: number;
}

export interface SkillConfig {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface AgentGroupConfig {
  readonly id: string;
  readonly name: string;
}

export interface AgentConfig {
  readonly id: string;
  /** Login / user name, e-mail style as Web Services uses. */
  readonly userName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly skillIds: readonly string[];
  /** Team agent groups (skill agent groups are implied by skillIds). */
  readonly groupIds: readonly string[];
  /** Shift as minutes after local midnight of the simulated day: [start, end). May wrap past midnight. */
  readonly shift: { readonly startMinute: number; readonly endMinute: number };
}

export interface ContactCenterConfig {
  readonly queues: readonly QueueConfig[];
  readonly skills: readonly SkillConfig[];
  readonly groups: readonly AgentGroupConfig[];
  readonly agents: readonly AgentConfig[];
}

/** Everything the statistics engine learns from the simulation. Emitted in time order. */
export type SimEvent =
  | { readonly type: 'CallArrived'; readonly at: number; readonly callId: string; readonly queueId: string }
  /** The call leaves the queue and starts ringing at an agent. */
  | {
      readonly type: 'CallDistributed';
      readonly at: number;
      readonly callId: string;
      readonly queueId: string;
      readonly agentId: string;
    }
  /** waitMs = arrival → answer (queue wait plus ringing). */
  | {
      readonly type: 'CallAnswered';
      readonly at: number;
      readonly callId: string;
      readonly queueId: string;
      readonly agentId: string;
      readonly waitMs: number;
    }
  /** Abandoned by the caller while waiting in queue; waitMs = arrival → abandon. */
  | {
      readonly type: 'CallAbandoned';
      readonly at: number;
      readonly callId: string;
      readonly queueId: string;
      readonly waitMs: number;
    }
  /** Talk ended; talkMs = answer → release. The agent goes to AfterCallWork. */
  | {
      readonly type: 'CallReleased';
      readonly at: number;
      readonly callId: string;
      readonly queueId: string;
      readonly agentId: string;
      readonly talkMs: number;
    }
  | {
      readonly type: 'AgentStateChanged';
      readonly at: number;
      readonly agentId: string;
      readonly from: AgentStatus;
      readonly to: AgentStatus;
      /** Set when `to` is NotReadyForNextCall. */
      readonly reason?: NotReadyReason;
    };

export type SimEventListener = (events: readonly SimEvent[]) => void;

/** Ground truth, the shape of `GET /mock/admin/snapshot` (docs/mock-server.md "Admin API"). */
export interface SimSnapshot {
  readonly now: number;
  readonly queues: readonly {
    readonly id: string;
    readonly name: string;
    readonly waiting: readonly { readonly callId: string; readonly since: number }[];
  }[];
  readonly agents: readonly {
    readonly id: string;
    readonly name: string;
    readonly state: AgentStatus;
    readonly since: number;
    readonly reason?: NotReadyReason;
    readonly skills: readonly string[];
    readonly groups: readonly string[];
  }[];
}

/** A call whose fate is fixed in advance, for scripted scenarios in tests. */
export interface ScriptedCall {
  readonly queueId: string;
  /** Arrival time (simulated epoch ms); must not be in the past. */
  readonly at: number;
  /** Abandons after this many ms if not distributed by then (default: never). */
  readonly patienceMs?: number;
  readonly ringMs?: number;
  readonly talkMs?: number;
  readonly acwMs?: number;
}

export interface Simulation {
  readonly config: ContactCenterConfig;
  /** Current simulated time. */
  now(): number;
  /** Process every event due up to and including `t`, then set now = t. Never moves backwards. */
  advanceTo(t: number): void;
  /** Listeners get each batch of events produced by one advanceTo, in order. */
  onEvents(listener: SimEventListener): () => void;
  snapshot(): SimSnapshot;
  /** Schedule a call with a fixed fate (tests and demos). */
  scheduleCall(call: ScriptedCall): string;
  /** Force an agent into a status now (tests and demos); emits AgentStateChanged. */
  setAgentStatus(agentId: string, status: 'WaitForNextCall' | 'NotReadyForNextCall' | 'LoggedOut', reason?: NotReadyReason): void;
}

export interface SimulationOptions {
  readonly seed: number;
  /** Simulated epoch ms at which the simulation starts. */
  readonly startAt: number;
  /** IANA zone the simulated day (shifts, arrival profile, time profiles) is read in. Default 'UTC'. */
  readonly timeZone?: string;
  /** Random arrivals, breaks and shifts (default true). Off: only scripted calls and forced statuses. */
  readonly randomTraffic?: boolean;
  /** Override the built-in contact center. */
  readonly config?: ContactCenterConfig;
}
