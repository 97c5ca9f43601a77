import { describe, expect, it } from 'vitest';
import { createThemeController, type ThemeDeps } from './theme-controller.ts';
import { THEME_PREFERENCE_KEY } from './theme-preference.ts';

function fakeStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

function fakeSystem(light: boolean): NonNullable<ThemeDeps['systemLight']> & { change(light: boolean): void } {
  const listeners: (() => void)[] = [];
  const media = {
    matches: light,
    addEventListener: (_type: string, listener: () => void) => void listeners.push(listener),
    change(next: boolean) {
      media.matches = next;
      for (const listener of listeners) listener();
    },
  };
  return media as unknown as NonNullable<ThemeDeps['systemLight']> & { change(light: boolean): void };
}

function fakeRoot(): ThemeDeps['root'] & { readonly attributes: Map<string, string> } {
  const attributes = new Map<string, string>();
  return { attributes, setAttribute: (name, value) => void attributes.set(name, value) };
}

describe('createThemeController', () => {
  it('should apply the system theme at once when nothing is stored', () => {
    const root = fakeRoot();
    const theme = createThemeController({ storage: fakeStorage(), systemLight: fakeSystem(true), root });
    expect(theme.preference()).toBe('system');
    expect(root.attributes.get('data-theme')).toBe('light');
  });

  it('should treat a stored value it does not know as system', () => {
    const root = fakeRoot();
    const theme = createThemeController({ storage: fakeStorage({ [THEME_PREFERENCE_KEY]: 'sepia' }), systemLight: fakeSystem(false), root });
    expect(theme.preference()).toBe('system');
    expect(root.attributes.get('data-theme')).toBe('dark');
  });

  it('should store a choice and apply it', () => {
    const storage = fakeStorage();
    const root = fakeRoot();
    const theme = createThemeController({ storage, systemLight: fakeSystem(false), root });
    let notified = 0;
    theme.subscribe(() => (notified += 1));
    theme.setPreference('light');
    expect(storage.items.get(THEME_PREFERENCE_KEY)).toBe('light');
    expect(root.attributes.get('data-theme')).toBe('light');
    expect(notified).toBe(1);
  });

  it('should follow the system while on system, and only then', () => {
    const system = fakeSystem(false);
    const root = fakeRoot();
    const theme = createThemeController({ storage: fakeStorage(), systemLight: system, root });
    system.change(true);
    expect(root.attributes.get('data-theme')).toBe('light');
    theme.setPreference('dark');
    system.change(false);
    system.change(true);
    expect(root.attributes.get('data-theme')).toBe('dark');
  });

  it('should let an override win and keep the stored choice as it was', () => {
    const storage = fakeStorage({ [THEME_PREFERENCE_KEY]: 'dark' });
    const root = fakeRoot();
    const theme = createThemeController({ storage, systemLight: fakeSystem(false), root, override: 'light' });
    expect(theme.theme()).toBe('light');
    expect(root.attributes.get('data-theme')).toBe('light');
    expect(storage.items.get(THEME_PREFERENCE_KEY)).toBe('dark');
  });

  it('should take an override later, and go back to the choice without one', () => {
    const root = fakeRoot();
    const theme = createThemeController({ storage: fakeStorage({ [THEME_PREFERENCE_KEY]: 'dark' }), systemLight: fakeSystem(false), root });
    theme.setOverride('light');
    expect(root.attributes.get('data-theme')).toBe('light');
    theme.setOverride(undefined);
    expect(root.attributes.get('data-theme')).toBe('dark');
  });

  it('should be dark, as before themes, where storage and matchMedia are missing or throw', () => {
    const root = fakeRoot();
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const theme = createThemeController({ storage: throwing, systemLight: undefined, root });
    expect(root.attributes.get('data-theme')).toBe('dark');
    theme.setPreference('light');
    expect(root.attributes.get('data-theme')).toBe('light');
  });
});
