import type { ReactElement } from 'react';
import type { ConfigError } from './runtime-config.ts';

/** Shown instead of the app when `config.json` is missing or invalid: the operator must see which field. */
export function ConfigErrorPage({ error }: { readonly error: ConfigError }): ReactElement {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-950 p-8 text-slate-100">
      <section role="alert" className="w-full max-w-2xl rounded-xl border border-red-500/60 bg-slate-900 p-10 shadow-xl">
        <h1 className="text-4xl font-semibold tracking-tight">The configuration is invalid</h1>
        <p className="mt-6 text-2xl">
          Field: <code className="rounded bg-slate-800 px-2 py-1 font-mono text-amber-300">{error.field}</code>
        </p>
        <p className="mt-4 text-xl text-slate-300">{error.message}</p>
        <p className="mt-8 text-lg text-slate-400">
          Fix <code className="font-mono">config.json</code> next to the app and reload this page.
        </p>
      </section>
    </main>
  );
}
