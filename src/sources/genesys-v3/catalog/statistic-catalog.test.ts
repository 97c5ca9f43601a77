import { describe, expect, it } from 'vitest';
import { findStatistic, objectTypeForStatistic, parseStatisticCatalog, statisticsFor, statisticsForListing, type StatisticCatalog } from './statistic-catalog.ts';
import { shippedCatalog } from './test-catalog.ts';

const entry = (extra: object = {}): object => ({
  name: 'Current_In_Queue',
  objectType: 'Queue',
  catalogObjectType: 'QUEUE',
  definition: { category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait' },
  notificationMode: 'Periodical',
  notificationFrequency: 10,
  ...extra,
});

const file = (...statistics: object[]): object => ({ version: 1, statistics });

const names = (entries: readonly { readonly name: string }[]): string[] => entries.map((e) => e.name);

describe('parseStatisticCatalog', () => {
  it('should accept a catalog and keep definition fields the app does not read', () => {
    const result = parseStatisticCatalog(file(entry({ definition: { category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait', filterExpression: 'x' } })));
    expect(result.ok && result.catalog.statistics[0]?.definition).toEqual({ category: 'CurrentNumber', subject: 'DNAction', mainMask: 'CallWait', filterExpression: 'x' });
  });

  it('should read notification modes as statistics.yaml spells them', () => {
    const result = parseStatisticCatalog(file(entry({ notificationMode: 'PERIODICAL' }), entry({ name: 'X', notificationMode: 'IMMEDIATE' })));
    expect(result.ok && result.catalog.statistics.map((e) => e.notificationMode)).toEqual(['Periodical', 'Changes']);
  });

  it.each([
    [file(entry({ colour: 'red' })), 'statistics[0].colour'],
    [{ version: 1, statistics: [], extra: true }, 'extra'],
    [{ version: 2, statistics: [] }, 'version'],
    [file(entry({ objectType: 'Skill' })), 'statistics[0].objectType'],
    [file(entry({ catalogObjectType: 'SKILL_AG' })), 'statistics[0].objectType'],
    [file(entry({ definition: { subject: 'DNAction' } })), 'statistics[0].definition.category'],
    [file(entry({ definition: { category: 'TotalNumber', subject: 'DNAction', timeRangeRight: -1 } })), 'statistics[0].definition.timeRangeRight'],
    [file(entry({ notificationMode: 'Sometimes' })), 'statistics[0].notificationMode'],
    [file(entry({ notificationFrequency: 2.5 })), 'statistics[0].notificationFrequency'],
    [file(entry(), entry()), 'statistics[1].name'],
    [[], ''],
  ])('should name the bad field of %j as "%s"', (json, path) => {
    const result = parseStatisticCatalog(json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.path).toBe(path);
    expect(!result.ok && result.error.message.length).toBeGreaterThan(0);
  });

  it('should say which wire type a catalog object type is', () => {
    const result = parseStatisticCatalog(file(entry({ catalogObjectType: 'SKILL_AG' })));
    expect(!result.ok && result.error.message).toBe('a SKILL_AG statistic is a GroupAgents on the wire, not a Queue');
  });

  it('should allow one name for several object types', () => {
    expect(parseStatisticCatalog(file(entry(), entry({ catalogObjectType: 'SKILL_Q' }))).ok).toBe(true);
  });
});

describe('statistics for a tile', () => {
  const catalog = shippedCatalog();

  it('should give a queue the QUEUE statistics, once each, in file order', () => {
    expect(names(statisticsFor(catalog, 'Queue'))).toEqual(['Total_Answered', 'Total_Abandoned', 'Current_In_Queue', 'CurrMaxCallWaitingTime', 'AverageWaitingTime', 'ServiceLevel']);
    expect(statisticsFor(catalog, 'Queue', 'queue')).toEqual(statisticsFor(catalog, 'Queue'));
  });

  it("should give a skill's virtual queue the SKILL_Q statistics and its agent group the SKILL_AG ones", () => {
    expect(statisticsFor(catalog, 'Queue', 'skill').every((e) => e.catalogObjectType === 'SKILL_Q')).toBe(true);
    expect(names(statisticsFor(catalog, 'Queue', 'skill'))).toContain('ServiceLevel');
    expect(names(statisticsFor(catalog, 'GroupAgents', 'skill'))).toEqual([
      'CurrentNotReadyAgents',
      'CurrentReadyAgents',
      'CurrNumberInCall',
      'CurrentNumberLoggedInAgents',
      'LongestIdleTime',
      'AverageHandlingTime',
    ]);
    expect(statisticsFor(catalog, 'GroupAgents')).toEqual(statisticsFor(catalog, 'GroupAgents', 'skill'));
  });

  it('should give agent groups (skills and teams) the group statistics, and agents the AGENT ones', () => {
    expect(statisticsFor(catalog, 'GroupAgents', 'agent-group')).toEqual(statisticsFor(catalog, 'GroupAgents', 'skill'));
    const agent = statisticsFor(catalog, 'Agent');
    expect(agent.every((e) => e.catalogObjectType === 'AGENT')).toBe(true);
    expect(names(agent)).toEqual(expect.arrayContaining(['CurrentAgentState', 'AverageHandlingTime', 'TimeInCurrentState']));
  });

  it('should give nothing for objects a listing does not have', () => {
    expect(statisticsFor(catalog, 'Agent', 'queue')).toEqual([]);
    expect(statisticsFor(catalog, 'Queue', 'agent-group')).toEqual([]);
    expect(statisticsFor(catalog, 'GroupAgents', 'agent')).toEqual([]);
  });

  it('should keep the first of a name listed twice for one object type (a file read without the duplicate check)', () => {
    const twice = { version: 1, statistics: [...catalog.statistics.filter((e) => e.catalogObjectType === 'QUEUE'), ...catalog.statistics.filter((e) => e.catalogObjectType === 'QUEUE')] } as StatisticCatalog;
    expect(statisticsFor(twice, 'Queue')).toEqual(statisticsFor(catalog, 'Queue'));
  });

  it("should list everything a skill shows, each with the wire type a tile asks for it with", () => {
    const skills = statisticsForListing(catalog, 'skill');
    expect(skills.map((e) => `${e.name}:${e.objectType}`)).toEqual(
      expect.arrayContaining(['ServiceLevel:Queue', 'Current_In_Queue:Queue', 'LongestIdleTime:GroupAgents', 'AverageHandlingTime:GroupAgents']),
    );
    expect(new Set(names(skills)).size).toBe(skills.length);
    expect(objectTypeForStatistic(catalog, 'ServiceLevel', 'skill')).toBe('Queue');
    expect(objectTypeForStatistic(catalog, 'LongestIdleTime', 'skill')).toBe('GroupAgents');
    expect(objectTypeForStatistic(catalog, 'LongestIdleTime', 'queue')).toBeUndefined();
    expect(statisticsForListing(catalog, 'queue')).toEqual(statisticsFor(catalog, 'Queue'));
  });

  it("should prefer the listing's own type when a name exists for both of a skill's types", () => {
    const both = parseStatisticCatalog(
      file(
        entry({ name: 'Handled', catalogObjectType: 'SKILL_Q' }),
        entry({ name: 'Handled', objectType: 'GroupAgents', catalogObjectType: 'SKILL_AG', definition: { category: 'TotalNumber', subject: 'DNAction', mainMask: 'CallInbound' } }),
      ),
    );
    if (!both.ok) throw new Error(both.error.message);
    expect(statisticsForListing(both.catalog, 'skill').map((e) => e.catalogObjectType)).toEqual(['SKILL_AG']);
  });

  it('should find one statistic for a tile', () => {
    expect(findStatistic(catalog, 'ServiceLevel', 'Queue', 'skill')?.catalogObjectType).toBe('SKILL_Q');
    expect(findStatistic(catalog, 'ServiceLevel', 'GroupAgents')).toBeUndefined();
  });
});
