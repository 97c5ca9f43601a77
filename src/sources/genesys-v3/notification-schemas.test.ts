import { describe, expect, it } from 'vitest';
import { parseServiceState, parseStatisticUpdate } from './notification-schemas.ts';

const statistic = { subscriptionId: 'sub', statisticId: 's1', value: { intValue: 1, stringValue: '1' }, timestamp: 5 };

describe('parseStatisticUpdate', () => {
  it('should accept the documented object and statistics one level up', () => {
    expect(parseStatisticUpdate({ name: 'StatisticUpdate', topic: '/statistics/v3/updates', data: { statistics: [statistic] } })).toEqual({
      ok: true,
      statistics: [statistic],
      malformed: 0,
    });
    expect(parseStatisticUpdate({ statistics: [statistic] })).toEqual({ ok: true, statistics: [statistic], malformed: 0 });
  });

  it('should keep the good statistics of a message and count the broken ones', () => {
    const { statisticId: _gone, ...withoutId } = statistic;
    expect(parseStatisticUpdate({ data: { statistics: [statistic, withoutId, { ...statistic, timestamp: 'now' }] } })).toEqual({
      ok: true,
      statistics: [statistic],
      malformed: 2,
    });
  });

  it.each([
    ['data not an object', { name: 'StatisticUpdate', data: 'statistics unavailable' }],
    ['statistics not an array', { name: 'StatisticUpdate', data: { statistics: '[]' } }],
    ['another message', { name: 'ServiceStateChange', data: { statistics: [] } }],
    ['nothing', undefined],
  ])('should refuse %s', (_label, data) => {
    expect(parseStatisticUpdate(data).ok).toBe(false);
  });
});

describe('parseServiceState', () => {
  it('should read both documented samples, whatever their topic says', () => {
    expect(parseServiceState({ data: { serviceState: 'UNAVAILABLE' }, name: 'ServiceStateChange', topic: '/statistics/v3/service' })).toEqual({
      ok: true,
      state: 'UNAVAILABLE',
    });
    expect(parseServiceState({ data: { serviceState: 'AVAILABLE' }, name: 'ServiceStateChange', topic: 'statistics/v3/service' })).toEqual({
      ok: true,
      state: 'AVAILABLE',
    });
    expect(parseServiceState({ serviceState: 'available' })).toEqual({ ok: true, state: 'AVAILABLE' });
  });

  it('should refuse unknown states and malformed messages', () => {
    expect(parseServiceState({ data: { serviceState: 'MAINTENANCE' } })).toEqual({ ok: false, reason: 'unknown service state' });
    expect(parseServiceState({ data: 'UNAVAILABLE' }).ok).toBe(false);
  });
});
