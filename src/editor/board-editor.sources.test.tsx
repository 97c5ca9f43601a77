import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBoard, type Board } from '../boards/board-schema.ts';
import { createLocalBoards, memoryStorage } from '../boards/local-boards.ts';
import type { Sources } from '../boards/sources-context.tsx';
import { fakeSource, LISTINGS, renderWithProviders, testSources } from '../boards/test-providers.tsx';
import { genesysCloudCatalog } from '../sources/genesys-cloud/gc-catalog.ts';
import { parseStatisticCatalog } from '../sources/genesys-v3/catalog/statistic-catalog.ts';
import { toSourceCatalog } from '../sources/genesys-v3/catalog/to-source-catalog.ts';
import { BoardEditor } from './board-editor.tsx';

/** Genesys Engage (the default, with the shipped statistics.json) and Genesys Cloud, each with its own catalog. */
function twoSources(): Sources {
  const parsed = parseStatisticCatalog(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/statistics.json'), 'utf8')));
  if (!parsed.ok) throw new Error('statistics.json');
  const engage = testSources(fakeSource(LISTINGS, toSourceCatalog(parsed.catalog)));
  const engageEntry = engage.byId.get('genesys-v3');
  if (!engageEntry) throw new Error('no engage source');
  const cloud = { ...fakeSource({ queue: [{ id: 'q-uuid-1', name: 'Cloud sales' }], skill: [{ id: 's-uuid-1', name: 'Cloud skill' }] }, genesysCloudCatalog()), kind: 'genesys-cloud' as const, label: 'Genesys Cloud' };
  return { defaultSource: 'genesys-v3', byId: new Map([['genesys-v3', engageEntry], ['genesys-cloud', { id: 'genesys-cloud', definition: cloud, context: engageEntry.context }]]) };
}

function board(): Board {
  const parsed = parseBoard({ version: 2, id: 'mine', title: 'Mine', tiles: [] });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.board;
}

describe('BoardEditor with several sources', () => {
  afterEach(cleanup);

  it("should offer each source's own statistics with their meanings, say what a source cannot supply, and save the tile's source", async () => {
    const user = userEvent.setup();
    const localBoards = createLocalBoards({ storage: memoryStorage() });
    localBoards.save(board());
    renderWithProviders(<BoardEditor board={board()} localBoards={localBoards} serviceLevelTargetPercent={80} onDone={() => undefined} />, { sources: twoSources() });
    await user.click(screen.getByRole('button', { name: 'Add tile' }));

    // Genesys Engage, the default: its statistics.yaml catalog, with its own meanings.
    const statistic = screen.getByRole('combobox', { name: 'Statistic' });
    await waitFor(() => expect(within(statistic).getByRole('option', { name: /^Service level/ })).toBeTruthy());
    await user.selectOptions(statistic, 'ServiceLevel');
    expect(screen.getByTestId('statistic-meaning').textContent).toMatch(/this hour/);

    // Genesys Cloud: its own statistics and meanings; what it cannot supply for skills is said, not offered.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Data from' }), 'genesys-cloud');
    await waitFor(() => expect(within(screen.getByRole('combobox', { name: 'Statistic' })).getByRole('option', { name: /^Alerting/ })).toBeTruthy());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Statistic' }), 'ServiceLevel');
    expect(screen.getByTestId('statistic-meaning').textContent).toMatch(/today/i);
    expect(screen.queryAllByTestId('statistic-missing')).toHaveLength(0);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Objects' }), 'skill');
    await waitFor(() => expect(screen.getAllByTestId('statistic-missing').map((o) => o.getAttribute('data-statistic'))).toContain('Current_In_Queue'));
    const missing = screen.getAllByTestId('statistic-missing');
    for (const option of missing) {
      expect(option.hasAttribute('disabled')).toBe(true);
      expect(option.textContent).toMatch(/Genesys Cloud cannot supply it/);
    }
    expect(screen.getByRole('combobox', { name: 'Objects' }).textContent).not.toMatch(/Agent groups/);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Statistic' }), 'CurrentReadyAgents');
    await user.click(await screen.findByRole('radio', { name: /^Cloud skill/ }));
    await user.click(screen.getByRole('button', { name: 'Add to board' }));
    await waitFor(() => expect(localBoards.get('mine')?.tiles).toHaveLength(1));
    expect(localBoards.get('mine')?.tiles[0]).toMatchObject({ source: 'genesys-cloud', statistic: 'CurrentReadyAgents', object: { kind: 'skill', id: 's-uuid-1' } });
  });
});
