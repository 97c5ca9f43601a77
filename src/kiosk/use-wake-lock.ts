import { useEffect, useState } from 'react';

export type WakeLockState = 'held' | 'released' | 'unsupported';

/**
 * Keeps the screen on (Screen Wake Lock API). The browser releases the lock whenever the page is
 * hidden, so it is asked for again each time the page becomes visible.
 */
export function useWakeLock(): WakeLockState {
  const [state, setState] = useState<WakeLockState>(() => ('wakeLock' in navigator ? 'released' : 'unsupported'));

  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | undefined;
    let disposed = false;

    async function acquire(): Promise<void> {
      if (disposed || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const acquired = await navigator.wakeLock.request('screen');
        if (disposed) {
          void acquired.release();
          return;
        }
        sentinel = acquired;
        setState('held');
        acquired.addEventListener('release', () => {
          if (!disposed) setState('released');
        });
      } catch {
        // Refused (no user activation yet, battery saver, not allowed): try again on the next visibility change.
        setState('released');
      }
    }

    const onVisibility = (): void => void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    void acquire();
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release();
    };
  }, []);

  return state;
}
