import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useWakeLock } from './use-wake-lock.ts';

/** A Screen Wake Lock the test controls: `release()` as the browser does when the page is hidden. */
function installWakeLock(): { requests: number; current: () => EventTarget & { released: boolean; release: () => Promise<void> } } {
  let current: (EventTarget & { released: boolean; release: () => Promise<void> }) | undefined;
  const state = {
    requests: 0,
    current: () => {
      if (!current) throw new Error('no lock');
      return current;
    },
  };
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request: vi.fn(() => {
        state.requests++;
        const sentinel = Object.assign(new EventTarget(), {
          released: false,
          release: () => {
            sentinel.released = true;
            sentinel.dispatchEvent(new Event('release'));
            return Promise.resolve();
          },
        });
        current = sentinel;
        return Promise.resolve(sentinel);
      }),
    },
  });
  return state;
}

describe('useWakeLock', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'wakeLock');
  });

  it('should say unsupported where the browser has no wake lock', () => {
    const { result } = renderHook(() => useWakeLock());
    expect(result.current).toBe('unsupported');
  });

  it('should hold the lock, and ask again when the page is visible after the browser released it', async () => {
    const lock = installWakeLock();
    const { result, unmount } = renderHook(() => useWakeLock());
    await waitFor(() => expect(result.current).toBe('held'));
    expect(lock.requests).toBe(1);

    await act(() => lock.current().release());
    expect(result.current).toBe('released');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await waitFor(() => expect(result.current).toBe('held'));
    expect(lock.requests).toBe(2);

    const last = lock.current();
    unmount();
    expect(last.released).toBe(true);
  });
});
