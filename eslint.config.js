import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Imports point one way (ARCHITECTURE.md "Layout"): each rule names what a folder may not reach. */
const restrict = (files, patterns) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  restrict(['mock-server/**'], [{ group: ['**/src/**'], message: 'The mock never imports UI code.' }]),
  restrict(['src/**'], [{ group: ['**/mock-server/**'], message: 'The app does not import the mock (tests may).' }]),
  restrict(
    ['src/sources/**'],
    [
      { group: ['react', 'react-dom', 'zustand', '@tanstack/*'], message: 'Sources know nothing of React or the store.' },
      { group: ['**/store/**', '**/tiles/**', '**/boards/**', '**/kiosk/**', '**/app/**'], message: 'Sources know only the source interface and lib.' },
    ],
  ),
  restrict(
    ['src/store/**'],
    [
      {
        group: ['**/sources/*/**', '**/tiles/**', '**/boards/**', '**/kiosk/**', '**/app/**'],
        message: 'The store knows only lib and the shared source interface (src/sources/*.ts), never a vendor adapter.',
      },
    ],
  ),
  restrict(
    ['src/tiles/**', 'src/boards/**', 'src/kiosk/**'],
    [{ group: ['**/sources/*/**'], message: 'UI reads the store; only src/app wires a vendor adapter.' }],
  ),
);
