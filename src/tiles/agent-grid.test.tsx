import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentGridTileConfig } from '../boards/board-schema.ts';
import { renderWithProviders, testStatStore, update } from '../boards/test-providers.tsx';
import type { AgentStateValue } from '../sources/stat-source.ts';
import type { AgentState } from '../vocabulary/agent-states.ts';
import { AgentGrid } from './agent-grid.tsx';

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

const tile: AgentGridTileConfig = {
  id: 'agents',
  kind: 'agent-grid',
  title: 'Every agent',
  statistic: 'CurrentAgentState',
  object: { kind: 'agent', id: '*' },
  layout: { x: 0, y: 0, w: 12, h: 12 },
};

/** An agent state as the server sends it: entered `secondsAgo` before the server stamped the value. */
const state = (agent: string, name: AgentState, secondsAgo: number, reason?: string) =>
  update('agent', agent, 'CurrentAgentState', { state: name, since: T0 - secondsAgo * 1000, ...(reason ? { reason } : {}) } satisfies AgentStateValue, { periodMs: undefined });

/** The cells as a person sees them: CSS `order` decides, equal orders keep the list's (name) order. */
function visualOrder(): string[] {
  return screen
    .getAllByTestId('tile')
    .map((cell, index) => ({ id: cell.dataset.objectId ?? '', order: Number(cell.style.order), index }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map((cell) => cell.id);
}

describe('AgentGrid', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('should list every agent (not other users) by name until states arrive', async () => {
    renderWithProviders(<AgentGrid tile={tile} />);
    const cells = await screen.findAllByTestId('tile');
    expect(cells.map((c) => c.textContent)).toEqual([
      expect.stringContaining('Ada Lovelace'),
      expect.stringContaining('Bob Byte'),
      expect.stringContaining('Cy Cache'),
      expect.stringContaining('Di Disk'),
    ]);
    expect(cells.map((c) => c.dataset.status)).toEqual(['loading', 'loading', 'loading', 'loading']);
  });

  it('should sort by state (Ready, on a call, after-call work, not ready, logged out), then longest in state first', async () => {
    const stat = testStatStore();
    renderWithProviders(<AgentGrid tile={tile} />, { stat });
    await screen.findAllByTestId('tile');
    act(() =>
      stat.sink.updates([
        state('agent-01', 'logged-out', 9000),
        state('agent-02', 'ready', 60),
        state('agent-03', 'on-call', 30),
        state('agent-04', 'ready', 300),
      ]),
    );
    expect(visualOrder()).toEqual(['agent-04', 'agent-02', 'agent-03', 'agent-01']);
    act(() => stat.sink.updates([state('agent-02', 'not-ready', 0, 'Lunch'), state('agent-03', 'after-call-work', 5)]));
    expect(visualOrder()).toEqual(['agent-04', 'agent-03', 'agent-02', 'agent-01']);
  });

  it('should show each state by name, colour and shape, with the time in state, raw state name in data-value', async () => {
    const stat = testStatStore();
    renderWithProviders(<AgentGrid tile={tile} />, { stat });
    await screen.findAllByTestId('tile');
    act(() => stat.sink.updates([state('agent-01', 'ready', 300), state('agent-02', 'not-ready', 65, 'Lunch')]));
    const [ada, bob] = screen.getAllByTestId('tile');
    expect(ada?.dataset).toMatchObject({ stat: 'CurrentAgentState', source: 'genesys-v3', objectType: 'agent', objectId: 'agent-01', status: 'live', value: 'ready', level: 'none' });
    expect(ada?.textContent).toContain('Ready');
    expect(ada?.textContent).toContain('5:00');
    expect(bob?.textContent).toContain('Not ready · Lunch');
    expect(bob?.textContent).toContain('1:05');
    expect(screen.getAllByRole('img', { name: 'Ready' })[0]?.textContent).toBe('●');
    expect(screen.getAllByRole('img', { name: 'Not ready' })[0]?.textContent).toBe('▼');
  });

  it('should count time in state from the server clock, not from a skewed or simulated local one', async () => {
    const stat = testStatStore();
    renderWithProviders(<AgentGrid tile={tile} />, { stat });
    await screen.findAllByTestId('tile');
    // The server's clock is an hour ahead: it says the agent entered the state 40 s before it sent the value.
    const serverNow = T0 + 3_600_000;
    act(() => stat.sink.updates([update('agent', 'agent-01', 'CurrentAgentState', { state: 'on-call', since: serverNow - 40_000 }, { timestamp: serverNow, periodMs: undefined })]));
    // Against the local clock `since` would be an hour in the future (0:00); against the server's, 40 s ago.
    expect(screen.getAllByTestId('tile')[0]?.textContent).toContain('0:40');
  });

  it('should shrink logged-out agents to a dim chip without a clock', async () => {
    const stat = testStatStore();
    renderWithProviders(<AgentGrid tile={tile} />, { stat });
    await screen.findAllByTestId('tile');
    act(() => stat.sink.updates([state('agent-01', 'logged-out', 7200)]));
    const ada = screen.getAllByTestId('tile')[0];
    expect(ada?.dataset.value).toBe('logged-out');
    // Dim by its colours (muted text on the darkest background), not by opacity: the name stays readable.
    expect(ada?.className).toContain('text-slate-400');
    expect(ada?.className).not.toContain('opacity');
    expect(ada?.textContent).not.toContain('2:00:00');
    expect(screen.getByRole('img', { name: 'Logged out' }).textContent).toBe('○');
  });
});
