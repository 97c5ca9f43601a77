/** Every pre-configured periodical statistic of the mock notifies every 10 s (statistics.yaml). */
export const PERIOD_MS = 10_000;
