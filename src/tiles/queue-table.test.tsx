import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TableTileConfig } from '../boards/board-schema.ts';
import { renderWithProviders, testStatStore, update } from '../boards/test-providers.tsx';
import { QueueTable } from './queue-table.tsx';

const queueTable: TableTileConfig = {
  id: 'queues',
  kind: 'table',
  title: 'Every queue',
  object: { kind: 'queue', id: '*' },
  layout: { x: 0, y: 0, w: 12, h: 5 },
  columns: [
    {
      statistic: 'ServiceLevel',
      format: 'percent',
      thresholds: [
        { when: 'below', value: 90, level: 'warning' },
        { when: 'below', value: 80, level: 'critical' },
      ],
    },
    { statistic: 'CurrMaxCallWaitingTime', label: 'Oldest call', format: 'duration' },
  ],
};

const skillTable: TableTileConfig = {
  id: 'skills',
  kind: 'table',
  object: { kind: 'skill', id: '*' },
  layout: { x: 0, y: 0, w: 12, h: 5 },
  columns: [
    { statistic: 'CurrentReadyAgents', format: 'count' },
    { statistic: 'ServiceLevel', format: 'percent' },
  ],
};

describe('QueueTable', () => {
  afterEach(cleanup);

  it('should have a row per object by name and a column per statistic, each cell a tile root', async () => {
    renderWithProviders(<QueueTable tile={queueTable} />);
    await screen.findAllByTestId('tile');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Billing', 'Sales', 'VIP <b>gold</b>']);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Queue', 'Service level', 'Oldest call']);
    const cells = screen.getAllByTestId('tile');
    expect(cells).toHaveLength(6);
    expect(cells.map((c) => `${c.dataset.objectType}/${c.dataset.objectId}/${c.dataset.stat}`)).toEqual([
      'queue/billing/ServiceLevel',
      'queue/billing/CurrMaxCallWaitingTime',
      'queue/sales/ServiceLevel',
      'queue/sales/CurrMaxCallWaitingTime',
      'queue/vip/ServiceLevel',
      'queue/vip/CurrMaxCallWaitingTime',
    ]);
  });

  it('should render object names as text, never as markup', async () => {
    const { container } = renderWithProviders(<QueueTable tile={queueTable} />);
    await screen.findAllByTestId('tile');
    expect(container.querySelector('b')).toBeNull();
  });

  it('should format each cell, keep the raw value in data-value and mark levels with a shape', async () => {
    const stat = testStatStore();
    renderWithProviders(<QueueTable tile={queueTable} />, { stat });
    await screen.findAllByTestId('tile');
    act(() =>
      stat.sink.updates([
        update('queue', 'sales', 'ServiceLevel', 75.5),
        update('queue', 'sales', 'CurrMaxCallWaitingTime', 125),
        update('queue', 'billing', 'ServiceLevel', 96),
      ]),
    );
    const salesRow = screen.getAllByRole('row')[2];
    if (!salesRow) throw new Error('no sales row');
    const [level, wait] = within(salesRow).getAllByTestId('tile');
    expect(level?.dataset).toMatchObject({ value: '75.5', level: 'critical', status: 'live' });
    expect(level?.textContent).toContain('76%');
    expect(within(salesRow).getByRole('img', { name: 'Critical' }).textContent).toBe('◆');
    expect(wait?.dataset).toMatchObject({ value: '125', level: 'none' });
    expect(wait?.textContent).toContain('2:05');
    const billingLevel = within(screen.getAllByRole('row')[1] ?? document.body).getAllByTestId('tile')[0];
    expect(billingLevel?.dataset.level).toBe('ok');
  });

  it("should ask a skill's own service level, which its source knows how to get", async () => {
    renderWithProviders(<QueueTable tile={skillTable} />);
    await screen.findAllByTestId('tile');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Skill', 'Ready', 'Service level']);
    expect(screen.getAllByTestId('tile').map((c) => `${c.dataset.objectType}/${c.dataset.objectId}/${c.dataset.stat}`)).toEqual([
      'skill/sales/CurrentReadyAgents',
      'skill/sales/ServiceLevel',
      'skill/tech/CurrentReadyAgents',
      'skill/tech/ServiceLevel',
    ]);
  });
});
