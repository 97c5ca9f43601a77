import { useEffect, useState } from 'react';

const IDLE_MS = 3000;

/** True once the pointer has not moved for a few seconds: the kiosk hides the cursor then. */
export function useIdleCursor(): boolean {
  const [idle, setIdle] = useState(true);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMove = (): void => {
      setIdle(false);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), IDLE_MS);
    };
    window.addEventListener('pointermove', onMove);
    return () => {
      window.removeEventListener('pointermove', onMove);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return idle;
}
