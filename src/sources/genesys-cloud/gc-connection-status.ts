import type { ConnectionState, SourceSink } from '../stat-source.ts';
import type { PoolState } from './gc-channel-pool.ts';
import type { GcFailure } from './gc-http.ts';

/** What the connection state is read from: the running session's sockets, if it has any to keep. */
export interface PushView {
  wantsPush(): boolean;
  poolState(): PoolState;
}

/**
 * The source's connection state, told to the sink when it changes. live: the sockets push (or
 * nothing needs pushing and the REST API answers). A socket that was open and is lost makes it
 * reconnecting (unavailable while the API answers 5xx); a channel still being set up for new
 * topics does not undo live. unauthorized: given up until a new token.
 */
export interface ConnectionStatus {
  publish(detail?: string): void;
  /** A new session: it has to earn live again. */
  restart(): void;
  answered(): void;
  failed(failure: GcFailure): void;
  /** True the first time (it was not given up already). */
  giveUp(reason: string): boolean;
  unauthorized(): boolean;
}

export function createConnectionStatus(sink: SourceSink, view: () => PushView | undefined): ConnectionStatus {
  let unauthorized: string | undefined;
  let everLive = false;
  let answeredOnce = false;
  let lastFailureStatus: number | undefined;
  /** What went wrong last, in words, for the header's chip to say why. */
  let lastFailure: string | undefined;
  let published: ConnectionState | undefined;
  let publishedDetail: string | undefined;

  function state(): ConnectionState {
    if (unauthorized !== undefined) return 'unauthorized';
    const session = view();
    if (!session) return 'connecting';
    if (!session.wantsPush()) return answeredOnce ? 'live' : everLive ? 'reconnecting' : 'connecting';
    const pool = session.poolState();
    if (pool === 'open') return 'live';
    if (pool === 'down') return lastFailureStatus !== undefined && lastFailureStatus >= 500 ? 'unavailable' : 'reconnecting';
    return everLive ? 'live' : 'connecting';
  }

  const status: ConnectionStatus = {
    publish(detail) {
      const next = state();
      if (next === 'live') everLive = true;
      const why = next === 'unauthorized' ? unauthorized : next === 'live' || next === 'connecting' ? detail : (detail ?? lastFailure ?? 'the notifications socket is closed');
      if (next === published && why === publishedDetail) return;
      published = next;
      publishedDetail = why;
      sink.connection(next, why);
    },
    restart() {
      unauthorized = undefined;
      everLive = false;
      answeredOnce = false;
      lastFailureStatus = undefined;
      lastFailure = undefined;
    },
    answered() {
      answeredOnce = true;
      lastFailureStatus = undefined;
      lastFailure = undefined;
      status.publish();
    },
    failed(failure) {
      lastFailureStatus = failure.kind === 'transient' ? failure.status : undefined;
      if (failure.kind !== 'stopped') lastFailure = failure.message;
      status.publish();
    },
    giveUp(reason) {
      if (unauthorized !== undefined) return false;
      unauthorized = reason;
      status.publish();
      return true;
    },
    unauthorized: () => unauthorized !== undefined,
  };
  return status;
}
