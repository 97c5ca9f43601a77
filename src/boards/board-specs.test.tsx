/// <reference types="node" />
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statKey } from '../sources/stat-spec.ts';
import { parseBoard, type Board } from './board-schema.ts';
import { boardSpecs, useBoardSpecs, useBoardsSpecs } from './board-specs.ts';
import { fakeSource, testSources, testWrapper } from './test-providers.tsx';

function shipped(file: string): Board {
  const result = parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/boards', file), 'utf8')));
  if (!result.ok) throw new Error(result.error.message);
  return result.board;
}

const names = (specs: readonly { kind: string; objectId: string; statistic: string }[]): string[] => specs.map((s) => `${s.kind}/${s.objectId}/${s.statistic}`);
const DEFAULT = { defaultSource: 'genesys-v3' };

describe('board specs', () => {
  afterEach(cleanup);

  it('should give two tiles that need the same value one spec', () => {
    const tile = {
      kind: 'stat',
      statistic: 'ServiceLevel',
      object: { kind: 'queue', id: 'sales' },
      format: 'percent',
      layout: { x: 0, y: 0, w: 3, h: 2 },
    } as const;
    const board: Board = {
      version: 2,
      id: 'b',
      title: 'B',
      tiles: [
        { ...tile, id: 'one' },
        { ...tile, id: 'two', title: 'Same value, other title' },
        { ...tile, id: 'three', statistic: 'Current_In_Queue', format: 'count' },
      ],
    };
    const specs = boardSpecs(board, new Map(), DEFAULT);
    expect(names(specs)).toEqual(['queue/sales/ServiceLevel', 'queue/sales/Current_In_Queue']);
    expect(specs.every((s) => s.source === 'genesys-v3')).toBe(true);
  });

  it('should expand "*" from the listings and share values between tiles, table and trend of the Queues board', async () => {
    const source = fakeSource();
    const { result } = renderHook(() => useBoardSpecs(shipped('queues.json')), { wrapper: testWrapper({ sources: testSources(source) }) });
    expect(result.current).toEqual([]);
    await waitFor(() => expect(result.current.length).toBeGreaterThan(0));
    const queues = ['billing', 'sales', 'vip'];
    const expected = [
      ...queues.map((q) => `queue/${q}/ServiceLevel`),
      ...queues.map((q) => `queue/${q}/Current_In_Queue`),
      ...['sales', 'tech'].map((s) => `skill/${s}/LongestIdleTime`),
      ...['CurrMaxCallWaitingTime', 'Total_Answered', 'Total_Abandoned', 'AverageWaitingTime'].flatMap((stat) => queues.map((q) => `queue/${q}/${stat}`)),
    ];
    await waitFor(() => expect(names(result.current).sort()).toEqual(expected.sort()));
    expect(new Set(result.current.map(statKey)).size).toBe(result.current.length);
    // Each listing is fetched once, however many tiles expand from it.
    expect([...source.listed].sort()).toEqual(['queue', 'skill']);
  });

  it("should ask for every statistic of the Skills board of each skill, the service level included (the source knows how)", async () => {
    const { result } = renderHook(() => useBoardSpecs(shipped('skills.json')), { wrapper: testWrapper() });
    await waitFor(() => expect(result.current.length).toBe(2 * 5));
    expect(names(result.current)).toContain('skill/tech/ServiceLevel');
    expect(names(result.current)).toContain('skill/tech/CurrentReadyAgents');
  });

  it('should ask for every agent state of the Agents board, and nothing for users who are not agents', async () => {
    const { result } = renderHook(() => useBoardSpecs(shipped('agents.json')), { wrapper: testWrapper() });
    await waitFor(() => expect(result.current.length).toBe(4));
    expect(names(result.current)).toEqual(['agent-01', 'agent-02', 'agent-03', 'agent-04'].map((a) => `agent/${a}/CurrentAgentState`));
  });

  it('should subscribe a whole playlist once: the union of its boards, each key once', async () => {
    const boards = [shipped('queues.json'), shipped('skills.json'), shipped('queues.json')];
    const { result } = renderHook(() => useBoardsSpecs(boards), { wrapper: testWrapper() });
    const alone = renderHook(() => [useBoardSpecs(shipped('queues.json')), useBoardSpecs(shipped('skills.json'))] as const, {
      wrapper: testWrapper(),
    });
    await waitFor(() => expect(alone.result.current[0].length).toBeGreaterThan(0));
    await waitFor(() => expect(alone.result.current[1].length).toBeGreaterThan(0));
    const union = new Set([...alone.result.current[0], ...alone.result.current[1]].map(statKey));
    await waitFor(() => expect(new Set(result.current.map(statKey))).toEqual(union));
    expect(result.current).toHaveLength(union.size);
  });

  it("should ask an aggregate for its statistic on every object and, weighted, for each object's weight, each key once", async () => {
    const layout = { x: 0, y: 0, w: 3, h: 2 };
    const board: Board = {
      version: 2,
      id: 'agg',
      title: 'Aggregates',
      tiles: [
        { kind: 'aggregate', id: 'waiting', layout, statistic: 'Current_In_Queue', format: 'count', combine: 'sum', objects: [{ kind: 'queue', id: 'sales' }, { kind: 'queue', id: 'vip' }] },
        // `sales` twice (by id and through `*`): one subscription; the weight defaults to Total_Answered.
        { kind: 'aggregate', id: 'sl', layout, statistic: 'ServiceLevel', format: 'percent', combine: 'weighted-mean', objects: [{ kind: 'queue', id: 'sales' }, { kind: 'queue', id: '*' }] },
      ],
    };
    expect(names(boardSpecs(board, new Map(), DEFAULT))).toEqual([
      'queue/sales/Current_In_Queue',
      'queue/vip/Current_In_Queue',
      'queue/sales/ServiceLevel',
      'queue/sales/Total_Answered',
    ]);
    const source = fakeSource();
    const { result } = renderHook(() => useBoardSpecs(board), { wrapper: testWrapper({ sources: testSources(source) }) });
    await waitFor(() => expect(result.current.length).toBe(2 + 2 * 3));
    expect(names(result.current).slice(2).sort()).toEqual(
      ['sales', 'billing', 'vip'].flatMap((q) => [`queue/${q}/ServiceLevel`, `queue/${q}/Total_Answered`]).sort(),
    );
    expect(source.listed).toEqual(['queue']);
  });

  it('should keep the same array while neither the board nor a listing changes', async () => {
    const board = shipped('agents.json');
    const { result, rerender } = renderHook(() => useBoardSpecs(board), { wrapper: testWrapper() });
    await waitFor(() => expect(result.current.length).toBe(4));
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
  });
});
