/**
 * The analytics queries' time arguments: an ISO-8601 interval `<start>/<end>` and an ISO-8601
 * duration granularity. Months and years have no fixed length; the mock refuses them.
 */
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
/** A date-time with a zone (`Z` or an offset), as the platform requires. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export function parseDurationMs(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, d, h, min, s] = m;
  const ms = (Number(w ?? 0) * 7 * 24 * 3600 + Number(d ?? 0) * 24 * 3600 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1000;
  return ms > 0 ? ms : undefined;
}

export function parseInterval(text: string): { readonly start: number; readonly end: number } | string {
  const parts = text.split('/');
  if (parts.length !== 2) return `interval must be "<start>/<end>" in ISO-8601, got "${text}"`;
  const [a = '', b = ''] = parts;
  if (!DATE_TIME.test(a) || !DATE_TIME.test(b)) return `interval must be two ISO-8601 date-times with a zone, got "${text}"`;
  const start = Date.parse(a);
  const end = Date.parse(b);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return `interval has an invalid date: "${text}"`;
  if (end <= start) return `interval must end after it starts, got "${text}"`;
  return { start, end };
}
