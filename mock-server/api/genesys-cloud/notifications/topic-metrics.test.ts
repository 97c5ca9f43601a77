import { describe, expect, it } from 'vitest';
import { changedMetrics, type TopicMetric } from './topic-metrics.ts';

const idle = (count: number): TopicMetric => ({ metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count } });
const waiting = (count: number): TopicMetric => ({ metric: 'oWaiting', stats: { count } });

describe('changedMetrics', () => {
  it('should keep only the metrics whose stats changed', () => {
    expect(changedMetrics([idle(3), waiting(1)], [idle(3), waiting(2)])).toEqual([waiting(2)]);
    expect(changedMetrics([idle(3)], [idle(3)])).toEqual([]);
  });

  it('should tell a datum that appeared, and one that went away with count 0 or empty stats', () => {
    const longest: TopicMetric = { metric: 'oLongestWaiting', stats: { calculatedMetricValue: 1_700_000_000_000 } };
    const interacting: TopicMetric = { metric: 'oOnQueueUsers', qualifier: 'INTERACTING', stats: { count: 1 } };
    expect(changedMetrics([idle(1), longest], [interacting])).toEqual([
      interacting,
      { metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 0 } },
      { metric: 'oLongestWaiting', stats: {} },
    ]);
  });
});
