import { useEffect } from 'react';
import { useStatValue } from '../store/stat-store-context.tsx';
import type { HistoryBuffer } from './history-buffer.ts';

/**
 * Feeds one statistic's values into the history: appends whenever the value's server timestamp
 * changes. Rendered (as nothing) once per line of a trend; the store re-renders it only for its key.
 */
export function HistoryRecorder({ statKey, buffer }: { readonly statKey: string; readonly buffer: HistoryBuffer }): null {
  const value = useStatValue(statKey);
  const t = value?.timestamp ?? 0;
  const v = typeof value?.value === 'number' ? value.value : null;
  useEffect(() => {
    if (t > 0) buffer.append(statKey, { t, v });
  }, [buffer, statKey, t, v]);
  return null;
}
