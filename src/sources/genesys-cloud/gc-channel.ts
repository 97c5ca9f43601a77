import { backoffDelay, type RetryPolicy } from '../../lib/backoff.ts';
import { channelExists, createChannel, deleteTopics, putTopics, type ChannelInfo, type TopicRefusal } from './gc-channel-api.ts';
import { parseFrame, type GcFrame } from './gc-frames.ts';
import type { GcFailure, GcHttp } from './gc-http.ts';
import type { ServerClock } from './gc-server-clock.ts';
import { createSocketLink, type GcSocketFactory } from './gc-socket-link.ts';
import { createTimerSlot } from './gc-timer-slot.ts';
import type { GcTimers } from './gc-timers.ts';
import { topicsChanged } from './gc-topic-plan.ts';

/** idle: no topics; connecting: not up yet; open: socket open and subscribed; down: was up, lost; refused: the platform will not give one. */
export type ChannelState = 'idle' | 'connecting' | 'open' | 'down' | 'refused';

export interface ChannelEvents {
  frame(frame: GcFrame): void;
  /** Open and subscribed, first or again after being down: what was missed must be read. */
  up(): void;
  /** These topics were just subscribed (not a renewal): their objects' current state must be read. */
  subscribed(topics: readonly string[]): void;
  stateChanged(): void;
  refused(refusals: readonly TopicRefusal[]): void;
  /** A channel call failed for a passing reason (5xx, network); it is retried. */
  failed(failure: GcFailure): void;
  unauthorized(message: string): void;
}

export interface ChannelDeps {
  readonly http: GcHttp;
  readonly openSocket: GcSocketFactory;
  readonly timers: GcTimers;
  readonly random: () => number;
  readonly clock: ServerClock;
  readonly events: ChannelEvents;
  readonly silenceMs: number;
  readonly connectTimeoutMs: number;
}

export interface GcChannel {
  /** The topics wanted on this channel now; subscriptions follow. */
  setTopics(topics: readonly string[]): void;
  wanted(): ReadonlySet<string>;
  state(): ChannelState;
  /** Drops the socket and connects again (to the same channel if it still exists). */
  reconnect(): void;
  lastFrameAt(): number;
  stop(): Promise<void>;
}

/** Reconnecting a lost socket, retrying a failed channel call: 1 s doubling to 60 s, jittered. */
export const CHANNEL_RETRY: RetryPolicy = { baseMs: 1000, capMs: 60_000 };

/**
 * One notification channel (docs/vendors/genesys-cloud.md "The Genesys Cloud source in the app"):
 * created when it first has topics; its socket opened before the subscriptions are PUT, so no
 * event falls between; PUT again when its topics change and before it would expire; its socket
 * reopened when lost or warned (`v2.system.socket_closing`) — after a HEAD when lost: a channel
 * that is gone is replaced by a new one, subscribed again.
 */
export function createGcChannel(deps: ChannelDeps): GcChannel {
  const { http, timers, events } = deps;
  let channel: ChannelInfo | undefined;
  let wanted: readonly string[] = [];
  let subscribed: ReadonlySet<string> = new Set();
  let state: ChannelState = 'idle';
  let running = false;
  let dirty = false;
  let stopped = false;
  let checkFirst = false;
  let renewDue = false;
  /** Moving to a new socket after `v2.system.socket_closing`: still counted open, caught up once moved. */
  let moving = false;
  let rejectedFor: string | undefined;
  let attempt = 0;
  const retry = createTimerSlot(timers);
  const renewal = createTimerSlot(timers);

  const link = createSocketLink({
    openSocket: deps.openSocket,
    timers,
    silenceMs: deps.silenceMs,
    connectTimeoutMs: deps.connectTimeoutMs,
    onFrame(text) {
      const frame = parseFrame(text);
      // A warning a minute ahead of a maintenance close: move to a new socket on the same channel now.
      if (frame.kind === 'socket-closing') move();
      else events.frame(frame);
    },
    onLost() {
      checkFirst = true;
      setState(state === 'open' ? 'down' : state);
      retryLater();
    },
  });

  function setState(next: ChannelState): void {
    if (next === state || stopped) return;
    const wasOpen = state === 'open';
    state = next;
    events.stateChanged();
    if (next === 'open' && !wasOpen) events.up();
  }

  function retryLater(): void {
    if (stopped || retry.pending()) return;
    retry.set(backoffDelay(attempt++, CHANNEL_RETRY, deps.random), () => void sync());
  }

  /** A failed call ends the round: given up (401), refused (403) or retried later. */
  function failed(failure: GcFailure): false {
    if (failure.kind === 'unauthorized') events.unauthorized(failure.message);
    else if (failure.kind === 'forbidden') {
      setState('refused');
      events.refused(wanted.map((topic) => ({ topic, reason: failure.message })));
    } else if (failure.kind !== 'stopped') {
      events.failed(failure);
      setState(state === 'open' ? 'down' : state === 'idle' ? 'connecting' : state);
      retryLater();
    }
    return false;
  }

  async function ensureChannel(): Promise<ChannelInfo | undefined> {
    if (channel && checkFirst) {
      const check = await channelExists(http, channel.id);
      if (!check.ok) return void failed(check);
      checkFirst = false;
      if (!check.exists) channel = undefined;
    }
    if (channel) return channel;
    const made = await createChannel(http, deps.clock);
    if (!made.ok) return void failed(made);
    subscribed = new Set();
    channel = made.channel;
    return channel;
  }

  async function subscribe(id: string): Promise<boolean> {
    const topics = wanted;
    const answer = await putTopics(http, id, topics);
    if (!answer.ok) {
      if (answer.kind === 'not-found') {
        channel = undefined;
        link.close();
        dirty = true;
        return false;
      }
      if (answer.kind !== 'rejected') return failed(answer);
      rejectedFor = topics.join('\n');
      events.refused(topics.map((topic) => ({ topic, reason: answer.message })));
      return true;
    }
    const added = topics.filter((t) => !subscribed.has(t));
    subscribed = new Set(topics);
    renewDue = false;
    renewal.set(channel?.renewEveryMs ?? 0, () => {
      renewDue = true;
      void sync();
    });
    if (answer.refused.length > 0) events.refused(answer.refused);
    if (added.length > 0) events.subscribed(added);
    return true;
  }

  async function step(): Promise<void> {
    if (wanted.length === 0) return release();
    if (state === 'refused') return;
    if (state === 'idle') setState('connecting');
    const info = await ensureChannel();
    if (!info || stopped) return;
    if (!link.isOpen() && !(await link.open(info.connectUri))) {
      checkFirst = true;
      moving = false;
      setState(state === 'open' ? 'down' : state);
      return retryLater();
    }
    if (stopped) return link.close();
    const needsPut = renewDue || (topicsChanged(subscribed, wanted) && rejectedFor !== wanted.join('\n'));
    if (needsPut && !(await subscribe(info.id))) return;
    if (!link.isOpen()) return;
    attempt = 0;
    if (moving && state === 'open') events.up();
    moving = false;
    setState('open');
  }

  async function release(): Promise<void> {
    link.close();
    renewal.clear();
    if (channel && subscribed.size > 0 && (await deleteTopics(http, channel.id))) subscribed = new Set();
    setState('idle');
  }

  async function sync(): Promise<void> {
    if (running) {
      dirty = true;
      return;
    }
    running = true;
    retry.clear();
    try {
      do {
        dirty = false;
        if (!stopped) await step();
      } while (dirty && !stopped);
    } finally {
      running = false;
    }
  }

  function reconnect(): void {
    if (stopped || wanted.length === 0 || state === 'refused') return;
    link.close();
    checkFirst = true;
    setState(state === 'open' ? 'down' : state);
    void sync();
  }

  /** The warned move: the same connectUri, no check, and not a lost connection unless the new socket fails. */
  function move(): void {
    if (stopped || wanted.length === 0) return;
    moving = true;
    link.close();
    void sync();
  }

  return {
    setTopics(topics) {
      if (stopped || !topicsChanged(new Set(wanted), topics)) return;
      wanted = [...topics];
      if (state === 'refused') state = 'connecting';
      queueMicrotask(() => void sync());
    },
    wanted: () => new Set(wanted),
    state: () => state,
    reconnect,
    lastFrameAt: () => link.lastFrameAt(),
    async stop() {
      if (stopped) return;
      stopped = true;
      retry.clear();
      renewal.clear();
      link.close();
      if (channel && subscribed.size > 0) await deleteTopics(http, channel.id);
    },
  };
}
