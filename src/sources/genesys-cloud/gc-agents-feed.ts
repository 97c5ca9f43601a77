import type { AgentStore } from './gc-agent-store.ts';
import { readMembership, readUsers, routingStatusOf } from './gc-agent-reads.ts';
import { outcomeOf, type FeedContext } from './gc-feed-context.ts';
import { sameId } from './gc-frames.ts';
import { createJob, type Job, type JobOutcome } from './gc-job.ts';
import type { RoutingStatusAnswer } from './gc-rest-schemas.ts';
import { RATE_LIMIT_RETRY } from './gc-request-gate.ts';
import { createTimerSlot } from './gc-timer-slot.ts';
import type { Watched } from './gc-watch-book.ts';

/** Users' states are read this often besides their topics (presence is read, not pushed). */
export const STATES_PERIOD_MS = 60_000;
/** …and this often while the sockets are down. */
export const STATES_POLL_MS = 10_000;
/** Who has which skill changes rarely: read this often. */
export const MEMBERSHIP_PERIOD_MS = 10 * 60_000;
/** A user who just went off queue has their presence read within this (Offline or a break?). */
const PRESENCE_GAP_MS = 5000;

export interface AgentsFeed {
  /** The users whose routing status is wanted (lower case → spelling): watched agents and skill members. */
  users(): ReadonlyMap<string, string>;
  /** A watched skill whose members are not read yet. */
  membersPending(): boolean;
  soonStates(): void;
  soonMembership(): void;
  reschedule(): void;
  event(userId: string, routingStatus: RoutingStatusAnswer): void;
  resume(): void;
  stop(): void;
}

/**
 * Agents and skills (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the app"): each
 * user's routing status from its topic, read with the presence at start, after a reconnect, for new
 * users, and every 10 s while the sockets are down; every 60 s (and 5 s after one goes off queue)
 * the presence of those off queue; a skill's members from the users listing every 10 minutes.
 * Every 60 s all values are sent again (the sockets' heartbeats vouch for them). `onMembers` is told
 * when the users wanted change (their topics follow).
 */
export function createAgentsFeed(context: FeedContext, store: AgentStore, onMembers: () => void): AgentsFeed {
  const spelled = new Map<string, string>();
  const live = (kind: 'agent' | 'skill'): Watched[] => context.book.of('agents').filter((w) => w.spec.kind === kind && !context.book.refused(w.key));

  function users(): Map<string, string> {
    const out = new Map<string, string>();
    for (const w of live('agent')) out.set(w.id, w.spec.objectId);
    for (const w of live('skill')) for (const id of store.members(w.id) ?? []) if (!out.has(id)) out.set(id, spelled.get(id) ?? id);
    return out;
  }

  const watchersOf = (userId: string): Watched[] =>
    context.book.of('agents').filter((w) => (w.spec.kind === 'agent' ? w.id === userId : (store.members(w.id) ?? []).includes(userId)));

  const since = (status: RoutingStatusAnswer): number => (status.startTime === undefined ? context.clock.now() : Date.parse(status.startTime));

  /** Everyone's state must be read (start, reconnect, new users); else only the presence of those off queue. */
  let fullReadDue = true;

  async function readStates(): Promise<JobOutcome> {
    const wanted = users();
    // While the topics push, routing statuses are current; the presence is what is never pushed.
    const full = fullReadDue || !context.pushing();
    fullReadDue = false;
    const asked = full ? [...wanted.keys()] : store.presenceMatters(wanted.keys());
    const mark = store.mark();
    const read = asked.length === 0 ? { ok: true as const, users: [], bad: 0 } : await readUsers(context.http, asked.map((id) => wanted.get(id) ?? id));
    const everyone = context.book.of('agents');
    if (!read.ok) {
      fullReadDue ||= full;
      return outcomeOf(context, read, everyone);
    }
    if (asked.length > 0) context.answered();
    if (read.bad > 0) context.dropped('Genesys Cloud user does not parse', read.bad);
    for (const user of read.users) store.applyRead(mark, sameId(user.id), user.routing ? { status: user.routing.status, since: since(user.routing) } : undefined, user.presence);
    for (const id of store.unknownStatus(wanted.keys())) {
      const status = await routingStatusOf(context.http, wanted.get(id) ?? id);
      if (!status.ok) {
        const outcome = outcomeOf(context, status, watchersOf(id).filter((w) => w.spec.kind === 'agent'));
        if (outcome !== 'ok') return outcome;
        continue;
      }
      store.applyRead(mark, id, { status: status.status, since: since(status) }, undefined);
    }
    context.emitter.emit(everyone, true);
    return 'ok';
  }

  async function readSkills(): Promise<JobOutcome> {
    const skills = live('skill');
    if (skills.length === 0) return 'ok';
    const read = await readMembership(context.http);
    if (!read.ok) return outcomeOf(context, read, skills);
    context.answered();
    if (read.bad > 0) context.dropped('Genesys Cloud user or skill does not parse', read.bad);
    for (const w of skills) {
      if (!read.skills.has(w.id)) {
        context.refuse([w], `Skill ${w.spec.objectId} was not found`);
        continue;
      }
      const members = read.members.get(w.id) ?? [];
      for (const id of members) spelled.set(sameId(id), id);
      store.setMembers(w.id, members.map(sameId));
    }
    onMembers();
    states.soon();
    context.emitter.emit(skills, false);
    return 'ok';
  }

  const states: Job = createJob(context.timers, context.random, {
    run: readStates,
    periodMs: () => (users().size === 0 ? undefined : context.pushing() ? STATES_PERIOD_MS : STATES_POLL_MS),
    minGapMs: 1000,
    retry: RATE_LIMIT_RETRY,
  });
  const presence = createTimerSlot(context.timers);
  let lastPresenceRead = Number.NEGATIVE_INFINITY;
  /** Off queue: signed out, or on a break? Only the presence says, and it is read, not pushed: soon, at most every 5 s. */
  function readPresenceSoon(): void {
    if (presence.pending()) return;
    presence.set(Math.max(0, lastPresenceRead + PRESENCE_GAP_MS - context.timers.now()), () => {
      lastPresenceRead = context.timers.now();
      states.soon();
    });
  }
  const membership: Job = createJob(context.timers, context.random, {
    run: readSkills,
    periodMs: () => (live('skill').length === 0 ? undefined : MEMBERSHIP_PERIOD_MS),
    minGapMs: 1000,
    retry: RATE_LIMIT_RETRY,
  });

  return {
    users,
    membersPending: () => live('skill').some((w) => store.members(w.id) === undefined),
    soonStates() {
      fullReadDue = true;
      states.soon();
    },
    soonMembership: () => membership.soon(),
    reschedule: () => states.reschedule(),
    event(userId, routingStatus) {
      const watchers = watchersOf(userId);
      if (watchers.length === 0) return;
      store.applyEvent(userId, routingStatus.status, since(routingStatus));
      context.emitter.emit(watchers, false);
      if (routingStatus.status === 'OFF_QUEUE') readPresenceSoon();
    },
    resume() {
      states.resume();
      membership.resume();
    },
    stop() {
      states.stop();
      membership.stop();
      presence.clear();
    },
  };
}
