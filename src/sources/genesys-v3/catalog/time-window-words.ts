import type { StatisticDefinition } from './statistic-catalog.ts';

/**
 * The time a statistic counts over, in words. Current categories (`CurrentNumber`, `CurrentState`…)
 * have no window: they say what is true now. A `GrowingWindow` with `dynamicTimeProfile` `"H:MM"`
 * grows from that local time each day; `"H:MM+H:MM"` restarts every period after it
 * (mock-server/stats/time-profile.ts reads them the same way, as Stat Server does).
 */

export function isCurrentCategory(category: string): boolean {
  return category.startsWith('Current');
}

const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** Minutes after midnight, or undefined for text that is not a time of day. */
function clockMinutes(text: string): number | undefined {
  const match = CLOCK.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined;
}

function clockText(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function periodText(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-minute`;
}

/** A profile or interval type this module cannot read: said plainly rather than guessed. */
const UNKNOWN_WINDOW = "over the statistic's own time window";

// Stat Server's own default profile, and the mock's, when a growing window names none.
const DEFAULT_PROFILE = '0:00';

function growingWindowWords(profile: string): string {
  const [start = '', step, ...rest] = profile.split('+');
  const offset = clockMinutes(start);
  if (offset === undefined || rest.length > 0) return UNKNOWN_WINDOW;
  if (step === undefined) return offset === 0 ? 'since midnight' : `since ${clockText(offset)} (reset daily)`;
  const period = clockMinutes(step);
  if (period === undefined || period === 0) return UNKNOWN_WINDOW;
  // Windows restart at the offset each day, then every period until midnight; only from 0:00 are
  // hourly windows the clock's hours (from 8:00, the 23:00 window runs until 8:00 the next day).
  if (offset !== 0) return `in the current ${periodText(period)} window, counting from ${clockText(offset)} each day`;
  return period === 60 ? 'this hour' : `in the current ${periodText(period)} window`;
}

/** "since midnight", "this hour", "in the current 15-minute window"; undefined for current categories. */
export function timeWindowWords(definition: Pick<StatisticDefinition, 'category' | 'intervalType' | 'dynamicTimeProfile'>): string | undefined {
  if (isCurrentCategory(definition.category)) return undefined;
  const interval = (definition.intervalType ?? 'GrowingWindow').toLowerCase();
  if (interval === 'growingwindow') return growingWindowWords(definition.dynamicTimeProfile ?? DEFAULT_PROFILE);
  if (interval === 'slidingwindow') return 'over a sliding window';
  return UNKNOWN_WINDOW;
}
