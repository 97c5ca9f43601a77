import { useMemo, type ReactElement } from 'react';
import { useNow } from '../tiles/ticker.ts';

/** The wall clock in the status strip, in the browser's locale. */
export function KioskClock(): ReactElement {
  const now = useNow(true);
  const format = useMemo(() => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }), []);
  return (
    <time data-testid="kiosk-clock" dateTime={new Date(now).toISOString()} className="tabular-nums">
      {format.format(now)}
    </time>
  );
}
