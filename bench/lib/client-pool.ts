import { fork, type ChildProcess } from 'node:child_process';
import type { ClientReply, ClientRequest, OpenRequest, ProcessWindow } from './client-protocol.ts';

const ENTRY = new URL('./client-process.ts', import.meta.url);
/** Longest any request may take; opening is bounded by its own setup timeout first. */
const REPLY_TIMEOUT_MS = 120_000;

export interface ClientPool {
  /** The load-generator processes, for CPU accounting. */
  readonly pids: readonly number[];
  setWindow(start: number, end: number, offset: number): Promise<void>;
  results(): Promise<ProcessWindow[]>;
  /** Disconnects every client, then ends the processes; resolves to the number of failed goodbyes. */
  close(): Promise<number>;
}

export interface ClientPoolOptions extends Omit<OpenRequest, 'type' | 'sessionFrom' | 'sessionTo'> {
  readonly processes: number;
  readonly sessions: number;
  /** Extra flags for the processes' `node` (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
}

/** Sends one request to a process and waits for its reply (each process handles one at a time). */
function ask(child: ChildProcess, request: ClientRequest): Promise<ClientReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`load generator ${child.pid}: no reply to ${request.type}`)), REPLY_TIMEOUT_MS);
    const onMessage = (message: ClientReply): void => done(undefined, message);
    const onExit = (code: number | null): void => done(new Error(`load generator ${child.pid} exited (${code}) during ${request.type}`));
    function done(error: Error | undefined, message?: ClientReply): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else if (message?.type === 'error') reject(new Error(message.message));
      else resolve(message as ClientReply);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    // Closing the IPC channel makes the process exit (see client-process.ts).
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
  });
}

/**
 * Starts `processes` load-generator processes and opens the step's sessions split evenly among
 * them. On any failure every process is ended (its clients disconnect as it exits or time out).
 */
export async function openClientPool(options: ClientPoolOptions): Promise<ClientPool> {
  const { processes, sessions, nodeArgs = [], ...open } = options;
  const count = Math.max(1, Math.min(processes, sessions));
  const children = Array.from({ length: count }, () =>
    fork(ENTRY, [], { execArgv: [...nodeArgs, '--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const all = async <T>(request: ClientRequest, pick: (reply: ClientReply) => T): Promise<T[]> =>
    (await Promise.all(children.map((c) => ask(c, request)))).map(pick);
  const endAll = async (): Promise<void> => {
    await Promise.all(children.map(end));
  };
  const opened = await Promise.allSettled(
    children.map((child, i) =>
      ask(child, {
        type: 'open',
        ...open,
        sessionFrom: Math.floor((i * sessions) / count),
        sessionTo: Math.floor(((i + 1) * sessions) / count),
      }),
    ),
  );
  const failed = opened.find((o) => o.status === 'rejected');
  if (failed) {
    // A process that failed has closed what it opened; the others close theirs, then all end.
    await Promise.allSettled(children.map((c, i) => (opened[i]?.status === 'fulfilled' ? ask(c, { type: 'close' }) : undefined)));
    await endAll();
    throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  }
  return {
    pids: children.flatMap((c) => (c.pid === undefined ? [] : [c.pid])),
    async setWindow(start, endAt, offset) {
      await all({ type: 'window', start, end: endAt, offset }, () => undefined);
    },
    results: () => all({ type: 'result' }, (r) => (r.type === 'result' ? r.window : undefined)).then((list) => list.flatMap((w) => (w ? [w] : []))),
    async close() {
      try {
        const replies = await all({ type: 'close' }, (r) => (r.type === 'closed' ? r.failedCloses : 0));
        return replies.reduce((n, f) => n + f, 0);
      } finally {
        await endAll();
      }
    },
  };
}
