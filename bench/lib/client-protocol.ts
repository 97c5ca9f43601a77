import type { RawWindow } from './update-tracker.ts';

/** Messages between the benchmark and its load-generator processes (IPC, 'advanced' serialization). */

export interface OpenRequest {
  readonly type: 'open';
  readonly baseUrl: string;
  readonly tag: string;
  /** This process's sessions: indexes from ≤ i < to (they pick each session's statistic mix). */
  readonly sessionFrom: number;
  readonly sessionTo: number;
  readonly statisticsPerSession: number;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly setupTimeoutMs: number;
}

export interface WindowRequest {
  readonly type: 'window';
  readonly start: number;
  readonly end: number;
  readonly offset: number;
}

export type ClientRequest = OpenRequest | WindowRequest | { readonly type: 'result' } | { readonly type: 'close' };

/** A process's window plus how late its own event loop ran (a blocked loop stamps receipts late). */
export interface ProcessWindow extends RawWindow {
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
}

export type ClientReply =
  | { readonly type: 'opened' }
  | { readonly type: 'window-set' }
  | { readonly type: 'result'; readonly window: ProcessWindow }
  | { readonly type: 'closed'; readonly failedCloses: number }
  | { readonly type: 'error'; readonly message: string };
