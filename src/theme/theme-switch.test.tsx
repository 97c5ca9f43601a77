import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createThemeController } from './theme-controller.ts';
import { THEME_PREFERENCE_KEY } from './theme-preference.ts';
import { ThemeSwitch } from './theme-switch.tsx';

describe('ThemeSwitch', () => {
  it('should show the choice by its label and apply a new one', async () => {
    const items = new Map<string, string>();
    const root = document.createElement('html');
    const controller = createThemeController({
      storage: { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) },
      systemLight: undefined,
      root,
    });
    render(<ThemeSwitch controller={controller} />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    expect(select).toHaveProperty('value', 'system');
    await userEvent.selectOptions(select, 'Light theme');
    expect(select).toHaveProperty('value', 'light');
    expect(root.getAttribute('data-theme')).toBe('light');
    expect(items.get(THEME_PREFERENCE_KEY)).toBe('light');
  });
});
