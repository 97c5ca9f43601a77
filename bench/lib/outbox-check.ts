import { openClientPool } from './client-pool.ts';
import { fetchAdminSessions } from './mock-api.ts';
import type { MockProcess } from './mock-process.ts';
import { readRssMb } from './proc-stats.ts';
import { openSilentClient } from './silent-client.ts';

/**
 * The mock's per-session outbox bound: DEFAULT_MAX_QUEUED_MESSAGES in
 * mock-server/api/cometd/create-cometd-facade.ts (past it the oldest update message is dropped).
 */
export const OUTBOX_BOUND = 1000;

export interface OutboxCheckOptions {
  /** How long the firehose runs. The silent session must still exist at the end: the mock expires a session 60 s after its last request. */
  readonly durationMs: number;
  readonly updatesPerSecond: number;
  readonly silentStatistics: number;
  readonly healthySessions: number;
  readonly statisticsPerHealthySession: number;
  readonly sampleEveryMs: number;
  /** A full-GC heap reading every this many samples. */
  readonly heapEverySamples: number;
}

export const DEFAULT_OUTBOX_CHECK: OutboxCheckOptions = {
  durationMs: 45_000,
  // With 200 statistics in all, the firehose's 20 ms tick (200 updates) reaches every one of them
  // each tick: the silent session is offered a message of 100 updates 50 times a second.
  updatesPerSecond: 10_000,
  silentStatistics: 100,
  healthySessions: 4,
  statisticsPerHealthySession: 25,
  sampleEveryMs: 1000,
  heapEverySamples: 5,
};

export interface OutboxSample {
  /** ms since the firehose started. */
  readonly atMs: number;
  /** The silent session's `queuedMessages` (undefined: the session is gone). */
  readonly silentQueued: number | undefined;
  readonly healthyQueuedMax: number;
  readonly rssMb: number | undefined;
  /** JS heap that survived a full GC in the mock (every few samples; a GC takes tens of ms). */
  readonly heapAfterGcMb?: number;
}

export interface OutboxCheckResult {
  readonly bound: number;
  readonly samples: readonly OutboxSample[];
  readonly maxQueued: number;
  /** When the silent session's queue first reached the bound (undefined: it never filled). */
  readonly reachedBoundAtMs: number | undefined;
  readonly rssStartMb: number | undefined;
  readonly rssAtBoundMb: number | undefined;
  readonly rssEndMb: number | undefined;
  readonly heapAtBoundMb: number | undefined;
  readonly heapEndMb: number | undefined;
  readonly pass: boolean;
  readonly verdict: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function firehose(baseUrl: string, body: { updatesPerSecond: number } | undefined): Promise<void> {
  const response = await fetch(`${baseUrl}/mock/admin/firehose`, {
    method: body ? 'POST' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`firehose: HTTP ${response.status} ${await response.text()}`);
}

/**
 * Heap growth after the queue is full, beyond which the check fails: with the queue unbounded the
 * silent session alone would add ~50 messages of 100 updates a second, tens of MB over the check.
 */
export const HEAP_GROWTH_LIMIT_MB = 8;

export function judgeOutbox(samples: readonly OutboxSample[], bound: number): Omit<OutboxCheckResult, 'samples' | 'bound'> {
  const maxQueued = Math.max(0, ...samples.map((s) => s.silentQueued ?? 0));
  const atBound = samples.find((s) => (s.silentQueued ?? 0) >= bound);
  const first = samples[0];
  const last = samples.at(-1);
  const heaps = samples.filter((s) => s.heapAfterGcMb !== undefined);
  // The first full-GC reading taken with the queue full, and the last one.
  const heapAtBound = atBound ? heaps.find((s) => s.atMs >= atBound.atMs) : undefined;
  const heapEnd = heaps.at(-1);
  const base = {
    maxQueued,
    reachedBoundAtMs: atBound?.atMs,
    rssStartMb: first?.rssMb,
    rssAtBoundMb: atBound?.rssMb,
    rssEndMb: last?.rssMb,
    heapAtBoundMb: heapAtBound?.heapAfterGcMb,
    heapEndMb: heapEnd?.heapAfterGcMb,
  };
  if (maxQueued > bound) return { ...base, pass: false, verdict: `the silent session held ${maxQueued} messages, over the bound of ${bound}` };
  if (last?.silentQueued === undefined) return { ...base, pass: false, verdict: 'the silent session was gone before the end (expired?): the bound was not shown' };
  if (!atBound) return { ...base, pass: false, verdict: `the silent session's queue reached only ${maxQueued} of ${bound}: the firehose did not fill it in time` };
  const fmt = (v: number | undefined): string => (v === undefined ? '?' : v.toFixed(1));
  // RSS is reported, not judged: V8 keeps freed pages a while, and the ladder before leaves its own.
  const rss = `mock RSS ${fmt(first?.rssMb)} MB at the start, ${fmt(atBound.rssMb)} MB once full, ${fmt(last.rssMb)} MB at the end`;
  const queue = `queue held at ${last.silentQueued} ≤ ${bound} messages from ${(atBound.atMs / 1000).toFixed(0)} s on`;
  if (base.heapAtBoundMb === undefined || base.heapEndMb === undefined || heapAtBound === heapEnd) return { ...base, pass: true, verdict: `${queue}; ${rss}` };
  const growth = base.heapEndMb - base.heapAtBoundMb;
  const heap = `heap after a full GC ${fmt(heaps[0]?.heapAfterGcMb)} MB at the start, ${fmt(base.heapAtBoundMb)} MB once full, ${fmt(base.heapEndMb)} MB at the end`;
  if (growth > HEAP_GROWTH_LIMIT_MB) return { ...base, pass: false, verdict: `${queue}, but the ${heap}: +${fmt(growth)} MB > ${HEAP_GROWTH_LIMIT_MB} MB (${rss})` };
  return { ...base, pass: true, verdict: `${queue}; ${heap} (${rss})` };
}

/**
 * "The per-session queue is bounded": one client that never polls and a few healthy ones, the
 * firehose on for `durationMs`, the silent session's `queuedMessages` (GET /mock/admin/sessions)
 * and the mock's RSS sampled throughout, with its heap after a full GC every few samples (when the
 * mock was started with `heapProbe`). The queue must level off at the bound, and the heap with it.
 */
export async function runOutboxCheck(mock: MockProcess, options: OutboxCheckOptions = DEFAULT_OUTBOX_CHECK): Promise<OutboxCheckResult> {
  // The silent client first: the firehose walks the subscriptions in the order they were opened.
  const silent = await openSilentClient(mock.baseUrl, options.silentStatistics);
  let pool: Awaited<ReturnType<typeof openClientPool>> | undefined;
  const samples: OutboxSample[] = [];
  try {
    pool = await openClientPool({
      processes: 1,
      sessions: options.healthySessions,
      baseUrl: mock.baseUrl,
      tag: 'outbox',
      statisticsPerSession: options.statisticsPerHealthySession,
      batchSize: 500,
      concurrency: options.healthySessions,
      setupTimeoutMs: 30_000,
    });
    const startedAt = Date.now();
    await firehose(mock.baseUrl, { updatesPerSecond: options.updatesPerSecond });
    try {
      for (let at = 0; at <= options.durationMs; at += options.sampleEveryMs) {
        await sleep(startedAt + at - Date.now());
        const admin = await fetchAdminSessions(mock.baseUrl);
        const own = admin.sessions.find((s) => s.id === silent.clientId);
        const others = admin.sessions.filter((s) => s.id !== silent.clientId);
        const atMs = Date.now() - startedAt;
        const rssMb = readRssMb(mock.pid);
        const heapBytes = samples.length % options.heapEverySamples === 0 ? await mock.heapUsedAfterGc() : undefined;
        samples.push({
          atMs,
          silentQueued: own?.queuedMessages,
          healthyQueuedMax: Math.max(0, ...others.map((s) => s.queuedMessages)),
          rssMb,
          ...(heapBytes === undefined ? {} : { heapAfterGcMb: heapBytes / 2 ** 20 }),
        });
      }
    } finally {
      await firehose(mock.baseUrl, undefined);
    }
  } finally {
    await silent.close();
    await pool?.close();
  }
  return { bound: OUTBOX_BOUND, samples, ...judgeOutbox(samples, OUTBOX_BOUND) };
}
