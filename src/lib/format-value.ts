/**
 * Every number on the board is formatted here (docs/architecture.md, convention 7), with Intl, so the
 * unit and the locale's digits are decided in one place.
 */
export type ValueFormat = 'percent' | 'count' | 'duration' | 'decimal';

/** What a person sees for "no value": never a 0 that looks like a real number. */
export const NO_VALUE = '–';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Seconds as m:ss below an hour and h:mm:ss above; negative durations clamp to 0. */
export function formatDuration(seconds: number, locale?: string): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const plain = numberFormat(locale, { useGrouping: false });
  return h > 0 ? `${plain.format(h)}:${two.format(m)}:${two.format(s)}` : `${plain.format(m)}:${two.format(s)}`;
}

/** Formats a statistic's value; percentages arrive as 0–100 (docs/vendors/genesys-engage.md §2.8). */
export function formatValue(value: number | null | undefined, format: ValueFormat, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  switch (format) {
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'negative' }).format(value / 100);
    case 'count':
      return numberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'negative' }).format(value);
    case 'duration':
      return formatDuration(value, locale);
    case 'decimal':
      return numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'negative' }).format(value);
  }
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "10:42" — a time of day on the board's clock (the browser's zone), e.g. when a breach began. */
export function formatClockTime(epochMs: number, locale?: string): string {
  const key = locale ?? '';
  let f = clockFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    clockFormats.set(key, f);
  }
  return f.format(epochMs);
}

/** "12 s", "4 min", "2 h" — how old a stale value is, for the tile's footnote. */
export function formatAge(ms: number, locale?: string): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(seconds);
  if (seconds < 3600) return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'narrow' }).format(Math.floor(seconds / 60));
  return numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'narrow' }).format(Math.floor(seconds / 3600));
}
