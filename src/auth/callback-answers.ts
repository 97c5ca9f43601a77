import type { CallbackAnswer, CallbackRead } from './callback.ts';
import type { PendingSignIn } from './pending-sign-in.ts';

export interface PageAnswers {
  /** Per source: what its provider answered, on this address or (a code) on an earlier page of the chain. */
  readonly answers: ReadonlyMap<string, { readonly pending: PendingSignIn; readonly answer: CallbackAnswer }>;
  /** Sources whose sign-in was to continue on its own and never came back. */
  readonly abandoned: ReadonlySet<string>;
  /** A person's sign-ins still under way (Back pressed on the sign-in page): they may come back yet. */
  readonly stillOpen: readonly PendingSignIn[];
}

/** Sorts what a page load found: this address's answer, codes waiting from earlier pages, attempts left behind. */
export function pageAnswers(read: CallbackRead): PageAnswers {
  const answers = new Map<string, { readonly pending: PendingSignIn; readonly answer: CallbackAnswer }>();
  const abandoned = new Set<string>();
  const stillOpen: PendingSignIn[] = [];
  if (read.kind === 'answered') answers.set(read.pending.sourceId, { pending: read.pending, answer: read.answer });
  for (const attempt of read.attempts) {
    if (attempt.code !== undefined) {
      if (!answers.has(attempt.sourceId)) answers.set(attempt.sourceId, { pending: attempt, answer: { kind: 'code', code: attempt.code } });
    } else if (attempt.silent === true) {
      abandoned.add(attempt.sourceId);
    } else if (read.kind === 'none') {
      // On a callback every other attempt is spent; on a plain page a person's may still come back.
      stillOpen.push(attempt);
    }
  }
  return { answers, abandoned, stillOpen };
}
