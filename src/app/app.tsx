import type { ReactElement } from 'react';

/** Placeholder shell until the wallboard app lands (issue 4). */
export function App(): ReactElement {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-8">
      <h1 className="text-4xl font-semibold tracking-tight">Wallboard</h1>
      <p className="text-slate-400" data-testid="placeholder">
        The mock contact center is running. The live boards arrive with the app itself.
      </p>
    </main>
  );
}
