import { expect, test, type Page } from '../support/fixtures.ts';
import { expectEveryTile } from '../support/faults.ts';
import { signInKiosk } from '../support/kiosk.ts';

// Issue 6: the same board fills 1280×720, 1920×1080 and 3840×2160 with no scrollbars and no
// clipped text; a value's digits are at least 1/12 of its tile's height; long names end in an
// ellipsis rather than overflowing.

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;
const BOARDS = ['queues', 'skills', 'agents'] as const;

interface LayoutReport {
  readonly scrollbars: string[];
  readonly overflows: string[];
  readonly clipped: string[];
  readonly smallValues: string[];
  readonly cells: number;
}

/** Everything measured in the page, in one pass. */
function measure(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const describe = (el: Element): string => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const scrollbars: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) scrollbars.push(`page ${root.scrollWidth}×${root.scrollHeight} in ${root.clientWidth}×${root.clientHeight}`);
    for (const el of document.querySelectorAll('[data-testid="kiosk"] *')) {
      const style = getComputedStyle(el);
      const scrolls = (v: string): boolean => v === 'auto' || v === 'scroll';
      if ((scrolls(style.overflowY) && el.scrollHeight > el.clientHeight + 1) || (scrolls(style.overflowX) && el.scrollWidth > el.clientWidth + 1)) scrollbars.push(describe(el));
    }
    const overflows: string[] = [];
    const clipped: string[] = [];
    const cells = [...document.querySelectorAll('[data-testid="board-cell"]')];
    for (const cell of cells) {
      const box = cell.getBoundingClientRect();
      for (const el of cell.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
        if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) overflows.push(describe(el));
      }
      // Text that does not fit must end in an ellipsis, never be cut or spill.
      for (const el of cell.querySelectorAll('*')) {
        if (!(el instanceof HTMLElement) || el.children.length > 0 || !el.textContent?.trim()) continue;
        const style = getComputedStyle(el);
        const wider = el.scrollWidth > el.clientWidth + 1 && style.display !== 'inline';
        if (wider && style.textOverflow !== 'ellipsis') clipped.push(describe(el));
      }
    }
    const smallValues: string[] = [];
    for (const value of document.querySelectorAll('[data-testid="tile-value"]')) {
      const tile = value.closest('[data-testid="tile"]');
      if (!tile || !(value.textContent ?? '').trim()) continue;
      const fontPx = parseFloat(getComputedStyle(value).fontSize);
      const tileHeight = tile.getBoundingClientRect().height;
      // Digits' cap height is about 0.7 of the font size.
      if (fontPx * 0.7 < tileHeight / 12) smallValues.push(`${describe(tile)} font ${fontPx}px in ${tileHeight}px`);
    }
    return { scrollbars, overflows, clipped, smallValues, cells: cells.length };
  });
}

for (const screen of SCREENS) {
  test.describe(`kiosk at ${screen.width}×${screen.height}`, () => {
    test.use({ viewport: screen });

    test('should fill the screen on every board: no scrollbars, nothing outside its tile, no clipped text, big digits', async ({ page }) => {
      await signInKiosk(page, '/kiosk?board=queues');
      for (const board of BOARDS) {
        if (board !== 'queues') {
          await page.goto(`/kiosk?board=${board}`);
          await expect(page.getByTestId('board')).toHaveAttribute('data-board', board);
          await expectEveryTile(page, 'live', 15_000);
        }
        // The trend chart loads lazily; measure once it is drawn.
        if (board === 'queues') await expect(page.locator('[data-testid="board-cell"] svg').first()).toBeVisible({ timeout: 15_000 });
        const report = await measure(page);
        expect(report.cells, `${board}: tiles on screen`).toBeGreaterThan(0);
        expect(report.scrollbars, `${board}: scrollbars`).toEqual([]);
        expect(report.overflows, `${board}: elements outside their tile`).toEqual([]);
        expect(report.clipped, `${board}: clipped text`).toEqual([]);
        expect(report.smallValues, `${board}: values under 1/12 of their tile`).toEqual([]);
        await expect(page.getByTestId('kiosk-status-strip')).toBeVisible();
        await expect(page.getByTestId('kiosk-clock')).toBeVisible();
        await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'live');
      }
    });
  });
}

test.describe('kiosk with a long name', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('should end a name that does not fit in an ellipsis, inside its tile', async ({ page }) => {
    const long = 'Customer Support for Premium Enterprise Accounts in the Northern Region';
    const named = await page.request.post('/mock/admin/names', { data: { type: 'queue', id: 'sales', name: long } });
    expect(named.ok(), await named.text()).toBe(true);
    try {
      await signInKiosk(page, '/kiosk?board=queues');
      const title = page.locator('[data-testid="tile"][data-stat="ServiceLevel"][data-object-id="sales"]').getByText(long);
      await expect(title).toBeVisible();
      expect(await title.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
      expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      const report = await measure(page);
      expect(report.overflows).toEqual([]);
      expect(report.clipped).toEqual([]);
    } finally {
      await page.request.delete('/mock/admin/names');
    }
  });
});
