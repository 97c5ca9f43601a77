/**
 * The activity of one statistic object (a queue, a skill's virtual queue, an agent, an agent
 * group) in one family (call actions or agent statuses): what is going on now (open) and what
 * finished recently (closed, in order of end time). Statistics are evaluated from this alone.
 */
export interface OpenActivity {
  readonly type: string;
  readonly start: number;
}

export interface ClosedActivity {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** Duration that counts for time-range and average categories (for instant actions: the wait). */
  readonly durationMs: number;
}

export class ActivityLog {
  readonly open = new Map<string, OpenActivity>();
  private closedList: ClosedActivity[] = [];
  private head = 0;

  /** Closed activities, oldest end first. */
  get closed(): readonly ClosedActivity[] {
    if (this.head > 0) {
      this.closedList = this.closedList.slice(this.head);
      this.head = 0;
    }
    return this.closedList;
  }

  begin(key: string, type: string, at: number): void {
    this.open.set(key, { type, start: at });
  }

  /** Closes the open activity under `key`; nothing happens if there is none. */
  finish(key: string, at: number): void {
    const activity = this.open.get(key);
    if (!activity) return;
    this.open.delete(key);
    this.closedList.push({ type: activity.type, start: activity.start, end: at, durationMs: at - activity.start });
  }

  /** An action with no extent (CallAnswered, CallAbandoned…) that carries a duration (the wait). */
  instant(type: string, at: number, durationMs: number): void {
    this.closedList.push({ type, start: at, end: at, durationMs });
  }

  /** Forgets activities that ended before `before`; growing windows never look back more than a day. */
  prune(before: number): void {
    while (this.head < this.closedList.length && (this.closedList[this.head] as ClosedActivity).end < before) {
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.closedList.length) {
      this.closedList = this.closedList.slice(this.head);
      this.head = 0;
    }
  }

  /** Index of the first closed activity whose end is at or after t (binary search). */
  firstEndingAtOrAfter(t: number): number {
    const list = this.closed;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as ClosedActivity).end < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
