import { useEffect } from 'react';

/**
 * Fullscreen when the browser allows it: at once where the kiosk browser permits it without a
 * gesture, else on the first key or tap (browsers require user activation).
 */
export function useFullscreen(): void {
  useEffect(() => {
    const request = (): void => {
      if (document.fullscreenElement || !document.fullscreenEnabled) return;
      document.documentElement.requestFullscreen().catch(() => undefined);
    };
    request();
    window.addEventListener('pointerdown', request);
    window.addEventListener('keydown', request);
    return () => {
      window.removeEventListener('pointerdown', request);
      window.removeEventListener('keydown', request);
    };
  }, []);
}
