import { describe, expect, it, vi, type Mock } from 'vitest';
import { parseBoardText, type Board } from '../boards/board-schema.ts';
import { createLocalBoards, memoryStorage } from '../boards/local-boards.ts';
import { boardActions, createBoard, newBoardId, type BoardActionsDeps } from './board-actions.ts';
import type { BoardChoice } from './board-choices.ts';
import { testBoard } from '../boards/test-board.ts';


const choice = (b: Board, origin: 'shipped' | 'local'): BoardChoice => ({ id: b.id, title: b.title, origin, state: 'ready', board: b });

type Fakes = { readonly goToBoard: Mock<(id: string, editing?: boolean) => void>; readonly download: Mock<(name: string, text: string, type: string) => void> };

function setUp(current: 'queues' | 'mine'): BoardActionsDeps & Fakes {
  const localBoards = createLocalBoards({ storage: memoryStorage() });
  const mine = testBoard('mine', 'Mine');
  localBoards.save(mine);
  const choices = [choice(testBoard('queues', 'Queues'), 'shipped'), choice(testBoard('agents', 'Agents'), 'shipped'), choice(mine, 'local')];
  const found = choices.find((c) => c.id === current);
  if (!found) throw new Error(current);
  return { current: found, choices, defaultBoard: 'agents', localBoards, goToBoard: vi.fn<(id: string, editing?: boolean) => void>(), download: vi.fn<(name: string, text: string, type: string) => void>(), origin: 'http://localhost:8080' };
}

describe('boardActions', () => {
  it('should open an own board in the editor as it is', () => {
    const deps = setUp('mine');
    expect(boardActions(deps).edit?.()).toEqual({ ok: true });
    expect(deps.goToBoard).toHaveBeenCalledWith('mine', true);
    expect(deps.localBoards.list().map((b) => b.id)).toEqual(['mine']);
  });

  it('should edit a shipped board as a copy, leaving the shipped one as it is', () => {
    const deps = setUp('queues');
    expect(boardActions(deps).edit?.()).toEqual({ ok: true });
    expect(deps.localBoards.get('queues-copy')?.title).toBe('Queues (copy)');
    expect(deps.goToBoard).toHaveBeenCalledWith('queues-copy', true);
  });

  it('should make an empty board under a free id and open it in the editor', () => {
    const deps = setUp('mine');
    expect(newBoardId(['board', 'board-2'])).toBe('board-3');
    expect(createBoard(deps.choices, deps.localBoards, deps.goToBoard)).toEqual({ ok: true });
    expect(deps.localBoards.get('board')).toEqual({ version: 2, id: 'board', title: 'New board', tiles: [] });
    expect(deps.goToBoard).toHaveBeenCalledWith('board', true);
  });

  it('should save a copy of a shipped board among the own boards and open it', () => {
    const deps = setUp('queues');
    const result = boardActions(deps).duplicate?.();
    expect(result).toEqual({ ok: true });
    expect(deps.localBoards.get('queues-copy')?.title).toBe('Queues (copy)');
    expect(deps.goToBoard).toHaveBeenCalledWith('queues-copy', false);
  });

  it('should download the board file under the board id, which parses back to the board', () => {
    const deps = setUp('mine');
    boardActions(deps).exportFile?.();
    const [name, text, type] = deps.download.mock.calls[0] ?? [];
    expect([name, type]).toEqual(['mine.json', 'application/json']);
    expect(parseBoardText(text ?? '')).toEqual({ ok: true, board: deps.localBoards.get('mine') });
  });

  it('should delete an own board and open the default board', () => {
    const deps = setUp('mine');
    expect(boardActions(deps).remove?.()).toEqual({ ok: true });
    expect(deps.localBoards.list()).toEqual([]);
    expect(deps.goToBoard).toHaveBeenCalledWith('agents');
  });

  it('should offer no delete for a shipped board', () => {
    expect(boardActions(setUp('queues')).remove).toBeUndefined();
  });

  it('should give the kiosk link of the board and say whether it lives in this browser only', () => {
    expect(boardActions(setUp('mine'))).toMatchObject({ kioskLink: 'http://localhost:8080/kiosk?board=mine', local: true });
    expect(boardActions(setUp('queues'))).toMatchObject({ kioskLink: 'http://localhost:8080/kiosk?board=queues', local: false });
  });

  it('should offer neither duplicate nor export before the board has loaded', () => {
    const deps = setUp('queues');
    const actions = boardActions({ ...deps, current: { id: 'queues', title: 'Queues', origin: 'shipped', state: 'loading' } });
    expect([actions.duplicate, actions.exportFile]).toEqual([undefined, undefined]);
  });
});
