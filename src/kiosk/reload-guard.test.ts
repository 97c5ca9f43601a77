import { describe, expect, it } from 'vitest';
import { createReloadGuard, RELOAD_GUARD_KEY, spacingAfter } from './reload-guard.ts';

function memory(): Pick<Storage, 'getItem' | 'setItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('createReloadGuard', () => {
  it('should allow the first reload, then space the next ones 1, 2, 4 … minutes apart', () => {
    const storage = memory();
    const guard = createReloadGuard(storage);
    expect(guard.mayReload(0)).toBe(true);
    guard.recordReload(0);
    expect(guard.mayReload(59_999)).toBe(false);
    expect(guard.mayReload(60_000)).toBe(true);
    guard.recordReload(60_000);
    expect(guard.mayReload(60_000 + 119_999)).toBe(false);
    expect(guard.mayReload(60_000 + 120_000)).toBe(true);
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(spacingAfter)).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000]);
  });

  it('should forget old reloads after half an hour', () => {
    const storage = memory();
    const guard = createReloadGuard(storage);
    for (let i = 0; i < 6; i++) guard.recordReload(i);
    guard.recordReload(10);
    guard.recordReload(10 + 30 * 60_000);
    expect(JSON.parse(storage.map.get(RELOAD_GUARD_KEY) ?? '')).toEqual({ count: 1, lastAt: 10 + 30 * 60_000 });
  });

  it('should treat a stored value it cannot read as no history', () => {
    const storage = memory();
    storage.map.set(RELOAD_GUARD_KEY, '{"count":"many"}');
    expect(createReloadGuard(storage).mayReload(0)).toBe(true);
    storage.map.set(RELOAD_GUARD_KEY, 'not json');
    expect(createReloadGuard(storage).mayReload(0)).toBe(true);
  });
});
