import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdleCursor } from './use-idle-cursor.ts';

describe('useIdleCursor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should be idle at first, wake on pointer movement and go idle again after 3 s', () => {
    const { result, unmount } = renderHook(() => useIdleCursor());
    expect(result.current).toBe(true);
    act(() => void window.dispatchEvent(new Event('pointermove')));
    expect(result.current).toBe(false);
    act(() => void vi.advanceTimersByTime(2999));
    expect(result.current).toBe(false);
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
