import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlaylistEntryState } from './playlist.ts';
import { usePlaylist } from './use-playlist.ts';

describe('usePlaylist', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/kiosk?playlist=a,b,c&interval=10');
  });
  afterEach(() => vi.useRealTimers());

  it('should rotate at the interval, skip a broken board and keep the position in the address', () => {
    const states: PlaylistEntryState[] = ['ready', 'broken', 'ready'];
    const { result } = renderHook(() => usePlaylist(states, 10_000, 0));
    expect(result.current.position).toBe(0);
    expect(window.location.search).toContain('at=0');
    act(() => void vi.advanceTimersByTime(9999));
    expect(result.current.position).toBe(0);
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current.position).toBe(2);
    expect(result.current.rotation).toBe(1);
    expect(window.location.search).toContain('at=2');
    act(() => void vi.advanceTimersByTime(10_000));
    expect(result.current.position).toBe(0);
  });

  it('should not rotate a single board, and wait while the next one loads', () => {
    const single = renderHook(() => usePlaylist(['ready'], 10_000, 0));
    act(() => void vi.advanceTimersByTime(60_000));
    expect(single.result.current.position).toBe(0);
    expect(single.result.current.rotation).toBe(0);

    const loading = renderHook(() => usePlaylist(['loading', 'ready'], 10_000, 0));
    expect(loading.result.current.position).toBeUndefined();
    expect(loading.result.current.allBroken).toBe(false);
  });
});
