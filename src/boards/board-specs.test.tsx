/// <reference types="node" />
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statKey } from '../sources/stat-spec.ts';
import { parseBoard, type Board } from './board-schema.ts';
import { boardSpecs, useBoardSpecs, useBoardsSpecs } from './board-specs.ts';
import { fakeApiClient, testWrapper } from './test-providers.tsx';

function shipped(file: string): Board {
  const result = parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/boards', file), 'utf8')));
  if (!result.ok) throw new Error(result.error.message);
  return result.board;
}

const names = (specs: readonly { objectType: string; objectId: string; statistic: unknown }[]): string[] =>
  specs.map((s) => `${s.objectType}/${s.objectId}/${String(s.statistic)}`);

describe('board specs', () => {
  afterEach(cleanup);

  it('should give two tiles that need the same value one spec', () => {
    const tile = {
      kind: 'stat',
      statistic: 'ServiceLevel',
      object: { type: 'Queue', id: 'sales' },
      format: 'percent',
      layout: { x: 0, y: 0, w: 3, h: 2 },
    } as const;
    const board: Board = {
      version: 1,
      id: 'b',
      title: 'B',
      tiles: [
        { ...tile, id: 'one' },
        { ...tile, id: 'two', title: 'Same value, other title' },
        { ...tile, id: 'three', statistic: 'Current_In_Queue', format: 'count' },
      ],
    };
    const specs = boardSpecs(board, new Map());
    expect(names(specs)).toEqual(['Queue/sales/ServiceLevel', 'Queue/sales/Current_In_Queue']);
    expect(specs.every((s) => s.source === 'genesys-v3')).toBe(true);
  });

  it('should expand "*" from the listings and share values between tiles, table and trend of the Queues board', async () => {
    const client = fakeApiClient();
    const { result } = renderHook(() => useBoardSpecs(shipped('queues.json')), { wrapper: testWrapper({ client }) });
    expect(result.current).toEqual([]);
    await waitFor(() => expect(result.current.length).toBeGreaterThan(0));
    const queues = ['billing', 'sales', 'vip'];
    const expected = [
      ...queues.map((q) => `Queue/${q}/ServiceLevel`),
      ...queues.map((q) => `Queue/${q}/Current_In_Queue`),
      ...['sales', 'tech'].map((s) => `GroupAgents/${s}/LongestIdleTime`),
      ...['CurrMaxCallWaitingTime', 'Total_Answered', 'Total_Abandoned', 'AverageWaitingTime'].flatMap((stat) => queues.map((q) => `Queue/${q}/${stat}`)),
    ];
    await waitFor(() => expect(names(result.current).sort()).toEqual(expected.sort()));
    expect(new Set(result.current.map(statKey)).size).toBe(result.current.length);
    // Each listing is fetched once, however many tiles expand from it.
    expect(client.calls.sort()).toEqual(['/api/v2/queues?fields=*', '/api/v2/skills?fields=*']);
  });

  it("should ask for a skill's ServiceLevel on its virtual queue when a column overrides the object type", async () => {
    const { result } = renderHook(() => useBoardSpecs(shipped('skills.json')), { wrapper: testWrapper() });
    await waitFor(() => expect(result.current.length).toBe(2 * 5));
    expect(names(result.current)).toContain('Queue/tech/ServiceLevel');
    expect(names(result.current)).toContain('GroupAgents/tech/CurrentReadyAgents');
    expect(names(result.current)).not.toContain('GroupAgents/tech/ServiceLevel');
  });

  it('should ask for every agent state of the Agents board, and nothing for users who are not agents', async () => {
    const { result } = renderHook(() => useBoardSpecs(shipped('agents.json')), { wrapper: testWrapper() });
    await waitFor(() => expect(result.current.length).toBe(4));
    expect(names(result.current)).toEqual(['agent-01', 'agent-02', 'agent-03', 'agent-04'].map((a) => `Agent/${a}/CurrentAgentState`));
  });

  it('should subscribe a whole playlist once: the union of its boards, each key once', async () => {
    const client = fakeApiClient();
    const boards = [shipped('queues.json'), shipped('skills.json'), shipped('queues.json')];
    const { result } = renderHook(() => useBoardsSpecs(boards), { wrapper: testWrapper({ client }) });
    const alone = renderHook(() => [useBoardSpecs(shipped('queues.json')), useBoardSpecs(shipped('skills.json'))] as const, {
      wrapper: testWrapper({ client: fakeApiClient() }),
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
      version: 1,
      id: 'agg',
      title: 'Aggregates',
      tiles: [
        { kind: 'aggregate', id: 'waiting', layout, statistic: 'Current_In_Queue', format: 'count', combine: 'sum', objects: [{ type: 'Queue', id: 'sales' }, { type: 'Queue', id: 'vip' }] },
        // `sales` twice (by id and through `*`): one subscription; the weight defaults to Total_Answered.
        { kind: 'aggregate', id: 'sl', layout, statistic: 'ServiceLevel', format: 'percent', combine: 'weighted-mean', objects: [{ type: 'Queue', id: 'sales' }, { type: 'Queue', id: '*' }] },
      ],
    };
    expect(names(boardSpecs(board, new Map()))).toEqual([
      'Queue/sales/Current_In_Queue',
      'Queue/vip/Current_In_Queue',
      'Queue/sales/ServiceLevel',
      'Queue/sales/Total_Answered',
    ]);
    const client = fakeApiClient();
    const { result } = renderHook(() => useBoardSpecs(board), { wrapper: testWrapper({ client }) });
    await waitFor(() => expect(result.current.length).toBe(2 + 2 * 3));
    expect(names(result.current).slice(2).sort()).toEqual(
      ['sales', 'billing', 'vip'].flatMap((q) => [`Queue/${q}/ServiceLevel`, `Queue/${q}/Total_Answered`]).sort(),
    );
    expect(client.calls).toEqual(['/api/v2/queues?fields=*']);
  });

  it('should keep the same array while neither the board nor a catalog changes', async () => {
    const board = shipped('agents.json');
    const { result, rerender } = renderHook(() => useBoardSpecs(board), { wrapper: testWrapper() });
    await waitFor(() => expect(result.current.length).toBe(4));
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
  });
});
