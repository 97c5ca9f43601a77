import type { ReactElement } from 'react';
import { describeSignedOut } from './signed-out-reason.ts';
import { useAuth } from './use-auth.ts';

export const PRODUCT_NAME = 'Wallboard';

/**
 * The signed-out page: product name, the reason of the last sign-out or refusal, and a button.
 * No automatic redirect: a refused sign-in must not loop through the authorization server.
 */
export function SignInScreen(): ReactElement {
  const { status, reason, detail, signIn } = useAuth();
  const signingIn = status === 'signing-in';
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-950 p-8 text-slate-100">
      <section aria-labelledby="sign-in-title" className="w-full max-w-xl rounded-2xl border border-slate-700 bg-slate-900 p-12 text-center shadow-2xl">
        <h1 id="sign-in-title" className="text-5xl font-semibold tracking-tight">
          {PRODUCT_NAME}
        </h1>
        {reason !== undefined && reason !== 'signed-out' && (
          <div role="alert" data-testid="sign-in-reason" data-reason={reason} className="mt-8 rounded-lg border border-amber-400/60 bg-amber-950/40 p-4 text-xl text-amber-100">
            <p>{describeSignedOut({ reason, detail })}</p>
            {detail !== undefined && <p className="mt-2 text-base text-amber-200/80">{detail}</p>}
          </div>
        )}
        {reason === 'signed-out' && (
          <p data-testid="sign-in-reason" data-reason={reason} className="mt-8 text-xl text-slate-300">
            {describeSignedOut({ reason })}
          </p>
        )}
        {signingIn ? (
          <p role="status" className="mt-10 text-2xl text-slate-300">
            Signing in…
          </p>
        ) : (
          <button
            type="button"
            onClick={() => void signIn()}
            className="mt-10 w-full rounded-xl bg-sky-500 px-8 py-5 text-2xl font-semibold text-slate-950 hover:bg-sky-400 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-300"
          >
            Sign in
          </button>
        )}
      </section>
    </main>
  );
}
