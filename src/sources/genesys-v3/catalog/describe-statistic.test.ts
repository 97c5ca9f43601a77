import { describe, expect, it } from 'vitest';
import { MASK_ITEMS } from '../../../../mock-server/stats/mask.ts';
import { CATEGORIES } from '../../../../mock-server/stats/compile-definition.ts';
import { describeStatistic } from './describe-statistic.ts';
import type { StatisticDefinition } from './statistic-catalog.ts';
import { shippedCatalog, shippedEntry } from './test-catalog.ts';

// Every word Stat Server spells in CamelCase, and the yaml's object types: none may reach a supervisor.
const RAW_TOKENS = [...MASK_ITEMS, ...CATEGORIES, 'DNAction', 'AgentStatus', 'DNStatus', 'GrowingWindow', 'SKILL_Q', 'SKILL_AG', 'QUEUE', 'AGENT'];

describe('describeStatistic', () => {
  it('should give every statistic of the catalog one plain sentence, with no raw token left', () => {
    for (const entry of shippedCatalog().statistics) {
      const text = describeStatistic(entry);
      const label = `${entry.name} (${entry.catalogObjectType}): ${text}`;
      expect(text, label).toMatch(/^[A-Z][^.]*\.$/);
      expect(text, label).not.toMatch(/undefined|null|NaN|\*|~|,\.|\s{2}/);
      // A CamelCase word is a token that was not translated.
      expect(text, label).not.toMatch(/\b[A-Za-z]+[a-z][A-Z]\w*/);
      for (const token of RAW_TOKENS) expect(text, `${label} has "${token}"`).not.toContain(token);
    }
  });

  it.each([
    ['ServiceLevel', 'QUEUE', 'Share of calls answered within 120 s (calls abandoned after 10 s count as missed), this hour.'],
    ['Current_In_Queue', 'QUEUE', 'Calls waiting in the queue now.'],
    ['Current_In_Queue', 'SKILL_Q', 'Calls waiting in the queue now.'],
    ['LongestIdleTime', 'SKILL_AG', 'Longest time any agent of the group has currently been ready (0 when none is).'],
    ['Total_Answered', 'QUEUE', 'Calls answered since midnight.'],
    ['CurrentAgentState', 'AGENT', "The agent's current state (ready, not ready, on a call, in after-call work or logged out) and how long it has lasted."],
    ['CurrMaxCallWaitingTime', 'QUEUE', 'How long the oldest call waiting in the queue has waited so far (0 when none is waiting).'],
    ['AverageWaitingTime', 'QUEUE', 'Average time calls waited in the queue before reaching an agent or hanging up, since midnight.'],
    ['CurrentNotReadyAgents', 'SKILL_AG', 'Agents in after-call work or not ready now.'],
    ['CurrNumberInCall', 'SKILL_AG', 'Agents on a call, ringing or dialling now.'],
    ['CurrentNumberLoggedInAgents', 'SKILL_AG', 'Agents logged in now.'],
    ['AverageHandlingTime', 'AGENT', 'Average handling time per call (time on the call plus after-call work), since midnight.'],
    ['Productivity', 'AGENT', 'Calls per hour logged in, since midnight.'],
    ['ConsultCalls', 'AGENT', 'Consultation calls since midnight.'],
    ['WrapDuration', 'AGENT', 'Time the agent spent in after-call work since midnight.'],
    ['HoldDuration', 'AGENT', 'Time the agent spent with calls on hold since midnight.'],
    ['TimeInCurrentState', 'AGENT', 'How long the agent has been in their current state.'],
  ] as const)('should say what %s of %s is', (name, type, sentence) => {
    expect(describeStatistic(shippedEntry(name, type))).toBe(sentence);
  });

  const serviceLevel: StatisticDefinition = {
    category: 'ServiceFactor1',
    subject: 'DNAction',
    intervalType: 'GrowingWindow',
    dynamicTimeProfile: '0:00+1:00',
    timeRangeLeft: 0,
    timeRangeRight: 60,
    timeRangeLeft2: 0,
    timeRangeRight2: 10,
  };
  const describeQueue = (definition: StatisticDefinition): string => describeStatistic({ objectType: 'Queue', definition });

  it("should use an inline definition's own numbers", () => {
    expect(describeQueue(serviceLevel)).toBe('Share of calls answered within 60 s (calls abandoned after 10 s count as missed), this hour.');
    expect(describeQueue({ ...serviceLevel, timeRangeLeft: 5, timeRangeLeft2: undefined, timeRangeRight2: undefined })).toBe(
      'Share of calls answered between 5 and 60 s (abandoned calls count as missed), this hour.',
    );
    expect(describeQueue({ category: 'TotalNumberInTimeRangePercentage', subject: 'DNAction', mainMask: 'CallAnswered', timeRangeLeft: 0, timeRangeRight: 60, intervalType: 'GrowingWindow', dynamicTimeProfile: '0:00' })).toBe(
      'Share of calls answered within 60 s, since midnight.',
    );
  });

  it.each([
    ['0:00', 'since midnight'],
    ['00:00', 'since midnight'],
    ['6:00', 'since 6:00 (reset daily)'],
    ['0:00+1:00', 'this hour'],
    ['0:00+0:15', 'in the current 15-minute window'],
    ['0:00+2:00', 'in the current 2-hour window'],
    ['8:00+1:00', 'in the current 1-hour window, counting from 8:00 each day'],
    ['soon', "over the statistic's own time window"],
  ])('should say the window of profile %s as "%s"', (dynamicTimeProfile, words) => {
    const text = describeQueue({ category: 'TotalNumber', subject: 'DNAction', mainMask: 'CallAbandoned', intervalType: 'GrowingWindow', dynamicTimeProfile });
    expect(text).toBe(`Calls abandoned ${words}.`);
  });

  it('should give current categories no window, whatever the definition carries', () => {
    expect(describeQueue({ category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait', intervalType: 'GrowingWindow', dynamicTimeProfile: '0:00' })).toBe('Calls waiting in the queue now.');
  });

  it("should spell out what a tenant's catalog has that the mock does not", () => {
    const text = describeStatistic({ objectType: 'GroupAgents', definition: { category: 'TotalTime', subject: 'AgentStatus', mainMask: 'CallParked, AfterCallWork', intervalType: 'SlidingWindow' } });
    expect(text).toBe('Total time of agents call parked or in after-call work over a sliding window.');
    expect(describeStatistic({ objectType: 'GroupAgents', definition: { category: 'CurrentNumber', subject: 'AgentStatus', mainMask: '*,~LoggedOut,~NotReadyForNextCall' } })).toBe(
      'Agents logged in (except not ready) now.',
    );
    expect(describeStatistic({ objectType: 'Agent', definition: { category: 'CurrentNumber', subject: 'AgentStatus', mainMask: 'WaitForNextCall' } })).toBe('Whether the agent is ready now (1 or 0).');
  });
});
