/**
 * The discrete-event engine of the mock contact center.
 *
 * Determinism is the central design constraint: every random draw happens while an event is
 * processed, and events are processed strictly in (time, scheduling order). Nothing is scheduled
 * or drawn because advanceTo was called, so the emitted events depend only on the seed, startAt
 * and the sequence of commands — never on how the caller slices time into advanceTo steps.
 *
 * The simulation keeps no history: it holds the current state and emits events to listeners.
 */
import { assertTimeZone, msSinceLocalMidnight } from '../lib/zoned-time.ts';
import { planBreaks } from './break-plan.ts';
import { DAY_PROFILE_MAX, dayProfileMultiplier } from './day-profile.ts';
import { createDefaultContactCenter } from './default-contact-center.ts';
import { createEventQueue } from './event-queue.ts';
import { createRng } from './rng.ts';
import { pickAgentForSkill, pickCallForAgent } from './routing.ts';
import { elapsedInShiftMs, isAroundTheClock, nextLocalMinute, shiftLengthMs } from './shift-calendar.ts';
import {
  NOT_READY_REASONS,
  type AgentConfig,
  type AgentStatus,
  type NotReadyReason,
  type QueueConfig,
  type ScriptedCall,
  type SimEvent,
  type SimEventListener,
  type SimSnapshot,
  type Simulation,
  type SimulationOptions,
} from './sim-types.ts';

/** Ringing at the agent's phone: a few seconds, rarely long. */
const MEAN_RING_MS = 4_000;
const RING_CV = 0.35;
/** Talk times are right-skewed: most calls are routine, a few drag on. */
const TALK_CV = 0.7;
const ACW_CV = 0.5;
/** Scripted calls without an explicit talk time. */
const DEFAULT_SCRIPTED_TALK_MS = 60_000;
/** Training, meetings and coaching sessions only happen during office hours. */
const OFFICE_OPENS_MS = 8 * 3_600_000;
const OFFICE_CLOSES_MS = 18 * 3_600_000;

interface QueueState {
  readonly config: QueueConfig;
  readonly skillId: string;
  /** Waiting calls in arrival order (Map keeps insertion order and deletes in O(1) on abandon). */
  readonly waiting: Map<string, Call>;
}

interface Call {
  readonly id: string;
  readonly seq: number;
  readonly queue: QueueState;
  readonly arrivedAt: number;
  readonly patienceMs: number;
  readonly ringMs: number;
  readonly talkMs: number;
  readonly acwMs: number;
  answeredAt?: number;
  agent?: AgentState;
}

interface AgentState {
  readonly config: AgentConfig;
  readonly name: string;
  readonly skills: ReadonlySet<string>;
  status: AgentStatus;
  since: number;
  reason: NotReadyReason | undefined;
  /** Bumped on every status change: timers from an earlier status (a forced change) go stale. */
  stateToken: number;
  /** Bumped at every shift start and end: break plans of an earlier shift go stale. */
  shiftToken: number;
  inShift: boolean;
  /** The shift ended while the agent was busy: log out once after-call work is done. */
  logoutPending: boolean;
  /** Breaks that fell due while the agent was busy, taken at the next free moment. */
  pendingBreaks: { readonly reason: NotReadyReason; readonly durationMs: number }[];
  call: Call | undefined;
}

type Task =
  | { readonly kind: 'arrivalCandidate'; readonly queue: QueueState }
  | { readonly kind: 'arrival'; readonly call: Call }
  | { readonly kind: 'abandon'; readonly call: Call }
  | { readonly kind: 'answer'; readonly call: Call }
  | { readonly kind: 'release'; readonly call: Call }
  | { readonly kind: 'wrapUpEnd'; readonly agent: AgentState; readonly token: number }
  | {
      readonly kind: 'breakDue';
      readonly agent: AgentState;
      readonly shiftToken: number;
      readonly reason: NotReadyReason;
      readonly durationMs: number;
    }
  | { readonly kind: 'breakEnd'; readonly agent: AgentState; readonly token: number }
  | { readonly kind: 'shiftStart'; readonly agent: AgentState }
  | { readonly kind: 'shiftEnd'; readonly agent: AgentState };

const FORCEABLE_STATUSES: readonly AgentStatus[] = ['WaitForNextCall', 'NotReadyForNextCall', 'LoggedOut'];

function assertDuration(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
}

/**
 * Behaviour callers rely on beyond sim-types:
 * - scheduleCall only queues the arrival; it is processed (and emitted) by the next advanceTo
 *   whose target reaches `at`, also when `at` equals now().
 * - setAgentStatus acts at now() and hands its events (the change, plus a distribution if the
 *   agent becomes ready while calls wait) to the listeners at once, as their own batch. Forcing
 *   the current status again is a no-op; NotReadyForNextCall without a reason means 'Break'.
 *   A forced status holds until the next command or, with random traffic, the next shift edge.
 * - snapshot().agents[].groups lists team groups only (AgentConfig.groupIds); a skill's agent
 *   group is "the agents whose skills include it".
 */
export function createSimulation(options: SimulationOptions): Simulation {
  const config = options.config ?? createDefaultContactCenter();
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const randomTraffic = options.randomTraffic ?? true;
  if (!Number.isFinite(options.startAt)) throw new RangeError('startAt must be a finite epoch ms value');
  if (!Number.isFinite(options.seed)) throw new RangeError('seed must be a finite number');

  const rng = createRng(options.seed);
  const tasks = createEventQueue<Task>();
  const listeners = new Set<SimEventListener>();
  let pending: SimEvent[] = [];
  let now = options.startAt;
  let callCounter = 0;

  const queues: QueueState[] = config.queues.map((q) => ({ config: q, skillId: q.skillId, waiting: new Map() }));
  const queuesById = new Map(queues.map((q) => [q.config.id, q]));
  const agents: AgentState[] = config.agents.map((a) => ({
    config: a,
    name: `${a.firstName} ${a.lastName}`,
    skills: new Set(a.skillIds),
    status: 'LoggedOut',
    since: options.startAt,
    reason: undefined,
    stateToken: 0,
    shiftToken: 0,
    inShift: false,
    logoutPending: false,
    pendingBreaks: [],
    call: undefined,
  }));
  const agentsById = new Map(agents.map((a) => [a.config.id, a]));
  if (queuesById.size !== queues.length) throw new Error('Queue ids must be unique');
  if (agentsById.size !== agents.length) throw new Error('Agent ids must be unique');

  const emit = (event: SimEvent): void => {
    pending.push(event);
  };

  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    for (const listener of [...listeners]) listener(batch);
  };

  const schedule = (at: number, task: Task): void => {
    tasks.push(at, task);
  };

  const setStatus = (agent: AgentState, to: AgentStatus, reason?: NotReadyReason): void => {
    const from = agent.status;
    agent.status = to;
    agent.since = now;
    agent.reason = to === 'NotReadyForNextCall' ? reason : undefined;
    agent.stateToken++;
    emit(
      agent.reason
        ? { type: 'AgentStateChanged', at: now, agentId: agent.config.id, from, to, reason: agent.reason }
        : { type: 'AgentStateChanged', at: now, agentId: agent.config.id, from, to },
    );
  };

  const distribute = (call: Call, agent: AgentState): void => {
    call.queue.waiting.delete(call.id);
    call.agent = agent;
    agent.call = call;
    emit({ type: 'CallDistributed', at: now, callId: call.id, queueId: call.queue.config.id, agentId: agent.config.id });
    setStatus(agent, 'CallRinging');
    schedule(now + call.ringMs, { kind: 'answer', call });
  };

  const makeReady = (agent: AgentState): void => {
    setStatus(agent, 'WaitForNextCall');
    const call = pickCallForAgent(queues, agent.skills);
    if (call) distribute(call, agent);
  };

  const startBreak = (agent: AgentState, reason: NotReadyReason, durationMs: number): void => {
    setStatus(agent, 'NotReadyForNextCall', reason);
    schedule(now + durationMs, { kind: 'breakEnd', agent, token: agent.stateToken });
  };

  /** After a call or a break: whatever the agent owes (logout, a break) comes before the next call. */
  const becomeFree = (agent: AgentState): void => {
    if (agent.logoutPending) {
      agent.logoutPending = false;
      setStatus(agent, 'LoggedOut');
      return;
    }
    const due = agent.pendingBreaks.shift();
    if (due) startBreak(agent, due.reason, due.durationMs);
    else makeReady(agent);
  };

  const isOfficeHours = (t: number): boolean => {
    const ms = msSinceLocalMidnight(t, timeZone);
    return ms >= OFFICE_OPENS_MS && ms < OFFICE_CLOSES_MS;
  };

  const planShiftBreaks = (agent: AgentState, shiftStart: number): void => {
    const plan = planBreaks(rng, shiftStart, shiftLengthMs(agent.config.shift), isOfficeHours);
    for (const item of plan) {
      // Breaks planned before the simulation started (agent already mid-shift) are skipped.
      if (item.at <= now) continue;
      schedule(item.at, {
        kind: 'breakDue',
        agent,
        shiftToken: agent.shiftToken,
        reason: item.reason,
        durationMs: item.durationMs,
      });
    }
  };

  const arrive = (call: Call): void => {
    emit({ type: 'CallArrived', at: now, callId: call.id, queueId: call.queue.config.id });
    const agent = pickAgentForSkill(agents, call.queue.skillId);
    if (agent) {
      distribute(call, agent);
      return;
    }
    call.queue.waiting.set(call.id, call);
    if (Number.isFinite(call.patienceMs)) schedule(now + call.patienceMs, { kind: 'abandon', call });
  };

  const nextCallId = (): { id: string; seq: number } => {
    callCounter++;
    return { id: `call-${String(callCounter).padStart(6, '0')}`, seq: callCounter };
  };

  const scheduleNextCandidate = (queue: QueueState): void => {
    const peakPerMs = (queue.config.peakCallsPerHour * DAY_PROFILE_MAX) / 3_600_000;
    if (!(peakPerMs > 0)) return;
    // At least 1 ms apart keeps arrivals strictly ordered in time within one queue.
    const gap = Math.max(1, Math.round(rng.exponential(1 / peakPerMs)));
    schedule(now + gap, { kind: 'arrivalCandidate', queue });
  };

  /** Thinning: candidates come at the peak rate, each kept with probability profile / peak. */
  const onArrivalCandidate = (queue: QueueState): void => {
    const multiplier = dayProfileMultiplier(msSinceLocalMidnight(now, timeZone));
    const accepted = rng.next() * DAY_PROFILE_MAX < multiplier;
    if (accepted) {
      const q = queue.config;
      const { id, seq } = nextCallId();
      // The call's whole fate is drawn at arrival, so the draw count per call is fixed.
      const call: Call = {
        id,
        seq,
        queue,
        arrivedAt: now,
        patienceMs: Math.round(rng.exponential(q.meanPatienceSec * 1000)),
        ringMs: Math.round(rng.lognormal(MEAN_RING_MS, RING_CV)),
        talkMs: Math.max(1000, Math.round(rng.lognormal(q.meanTalkSec * 1000, TALK_CV))),
        acwMs: Math.round(rng.lognormal(q.meanAcwSec * 1000, ACW_CV)),
      };
      arrive(call);
    }
    scheduleNextCandidate(queue);
  };

  const onShiftStart = (agent: AgentState): void => {
    agent.shiftToken++;
    agent.inShift = true;
    agent.logoutPending = false;
    agent.pendingBreaks = [];
    planShiftBreaks(agent, now);
    if (agent.status === 'LoggedOut') makeReady(agent);
    schedule(nextLocalMinute(now, agent.config.shift.startMinute, timeZone), { kind: 'shiftStart', agent });
  };

  const onShiftEnd = (agent: AgentState): void => {
    agent.shiftToken++;
    agent.inShift = false;
    agent.pendingBreaks = [];
    if (agent.status === 'WaitForNextCall' || agent.status === 'NotReadyForNextCall') setStatus(agent, 'LoggedOut');
    else if (agent.status !== 'LoggedOut') agent.logoutPending = true;
    schedule(nextLocalMinute(now, agent.config.shift.endMinute, timeZone), { kind: 'shiftEnd', agent });
  };

  const onBreakDue = (task: Extract<Task, { kind: 'breakDue' }>): void => {
    const { agent } = task;
    if (task.shiftToken !== agent.shiftToken || !agent.inShift || agent.status === 'LoggedOut') return;
    if (agent.status === 'WaitForNextCall') startBreak(agent, task.reason, task.durationMs);
    else agent.pendingBreaks.push({ reason: task.reason, durationMs: task.durationMs });
  };

  const handle = (task: Task): void => {
    switch (task.kind) {
      case 'arrivalCandidate':
        onArrivalCandidate(task.queue);
        return;
      case 'arrival':
        arrive(task.call);
        return;
      case 'abandon': {
        const { call } = task;
        if (!call.queue.waiting.delete(call.id)) return;
        emit({ type: 'CallAbandoned', at: now, callId: call.id, queueId: call.queue.config.id, waitMs: now - call.arrivedAt });
        return;
      }
      case 'answer': {
        const { call } = task;
        const agent = call.agent as AgentState;
        call.answeredAt = now;
        emit({
          type: 'CallAnswered',
          at: now,
          callId: call.id,
          queueId: call.queue.config.id,
          agentId: agent.config.id,
          waitMs: now - call.arrivedAt,
        });
        setStatus(agent, 'CallInbound');
        schedule(now + call.talkMs, { kind: 'release', call });
        return;
      }
      case 'release': {
        const { call } = task;
        const agent = call.agent as AgentState;
        agent.call = undefined;
        emit({
          type: 'CallReleased',
          at: now,
          callId: call.id,
          queueId: call.queue.config.id,
          agentId: agent.config.id,
          talkMs: now - (call.answeredAt ?? now),
        });
        setStatus(agent, 'AfterCallWork');
        schedule(now + call.acwMs, { kind: 'wrapUpEnd', agent, token: agent.stateToken });
        return;
      }
      case 'wrapUpEnd':
      case 'breakEnd':
        if (task.token === task.agent.stateToken) becomeFree(task.agent);
        return;
      case 'breakDue':
        onBreakDue(task);
        return;
      case 'shiftStart':
        onShiftStart(task.agent);
        return;
      case 'shiftEnd':
        onShiftEnd(task.agent);
        return;
    }
  };

  // Initial state: no events are emitted for it, the snapshot shows everyone "since startAt".
  for (const agent of agents) {
    if (!randomTraffic || isAroundTheClock(agent.config.shift)) {
      agent.status = 'WaitForNextCall';
      agent.inShift = true;
      continue;
    }
    const elapsed = elapsedInShiftMs(agent.config.shift, now, timeZone);
    if (elapsed !== undefined) {
      agent.status = 'WaitForNextCall';
      agent.inShift = true;
      planShiftBreaks(agent, now - elapsed);
    }
    schedule(nextLocalMinute(now, agent.config.shift.startMinute, timeZone), { kind: 'shiftStart', agent });
    schedule(nextLocalMinute(now, agent.config.shift.endMinute, timeZone), { kind: 'shiftEnd', agent });
  }
  if (randomTraffic) for (const queue of queues) scheduleNextCandidate(queue);

  return {
    config,
    now: () => now,

    advanceTo(t) {
      if (!Number.isFinite(t)) throw new RangeError(`advanceTo needs a finite time, got ${t}`);
      if (t < now) throw new RangeError(`advanceTo(${t}) would move the simulation backwards from ${now}`);
      while (tasks.peekTime() <= t) {
        const next = tasks.pop();
        if (!next) break;
        now = next.time;
        handle(next.item);
      }
      now = t;
      flush();
    },

    onEvents(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    snapshot(): SimSnapshot {
      return {
        now,
        queues: queues.map((q) => ({
          id: q.config.id,
          name: q.config.name,
          waiting: [...q.waiting.values()].map((c) => ({ callId: c.id, since: c.arrivedAt })),
        })),
        agents: agents.map((a) => ({
          id: a.config.id,
          name: a.name,
          state: a.status,
          since: a.since,
          ...(a.reason ? { reason: a.reason } : {}),
          skills: [...a.config.skillIds],
          groups: [...a.config.groupIds],
        })),
      };
    },

    scheduleCall(scripted: ScriptedCall) {
      const queue = queuesById.get(scripted.queueId);
      if (!queue) throw new Error(`Unknown queue "${scripted.queueId}"`);
      if (!Number.isFinite(scripted.at) || scripted.at < now) {
        throw new RangeError(`Scripted call at ${scripted.at} is in the past (now ${now})`);
      }
      const ringMs = scripted.ringMs ?? 0;
      const talkMs = scripted.talkMs ?? DEFAULT_SCRIPTED_TALK_MS;
      const acwMs = scripted.acwMs ?? 0;
      const patienceMs = scripted.patienceMs ?? Infinity;
      assertDuration('ringMs', ringMs);
      assertDuration('talkMs', talkMs);
      assertDuration('acwMs', acwMs);
      if (Number.isNaN(patienceMs) || patienceMs < 0) throw new RangeError(`patienceMs must be >= 0, got ${patienceMs}`);
      const { id, seq } = nextCallId();
      schedule(scripted.at, {
        kind: 'arrival',
        call: { id, seq, queue, arrivedAt: scripted.at, patienceMs, ringMs, talkMs, acwMs },
      });
      return id;
    },

    setAgentStatus(agentId, status, reason) {
      const agent = agentsById.get(agentId);
      if (!agent) throw new Error(`Unknown agent "${agentId}"`);
      if (!FORCEABLE_STATUSES.includes(status)) throw new RangeError(`Cannot force status "${status}"`);
      if (reason !== undefined && !NOT_READY_REASONS.includes(reason)) {
        throw new RangeError(`Unknown not-ready reason "${reason}"`);
      }
      if (agent.status === 'CallRinging' || agent.status === 'CallInbound') {
        throw new Error(
          `Agent ${agentId} is handling call ${agent.call?.id ?? '?'} (${agent.status}); ` +
            `cannot force ${status} until the call is released`,
        );
      }
      const newReason = status === 'NotReadyForNextCall' ? (reason ?? 'Break') : undefined;
      if (agent.status === status && agent.reason === newReason) return;
      // A supervisor's override replaces what the agent still owed (a logout after wrap-up).
      agent.logoutPending = false;
      if (status === 'WaitForNextCall') makeReady(agent);
      else setStatus(agent, status, newReason);
      flush();
    },
  };
}
