import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Imports point one way (docs/architecture.md "Layout"): app composes; kiosk, editor, alerts and
 * tiles read boards and the store; boards read the source interfaces; sources know the interfaces,
 * the vocabulary and lib only; nothing but the source registry reaches a vendor folder.
 *
 * A flat config gives a file the options of the LAST block that sets a rule, so the patterns that
 * apply to a folder are gathered into one block per folder rather than layered (layering silently
 * dropped the earlier ones). scripts/import-rules.test.ts proves each rule fires.
 */
/** Tests and their support may reach the mock and anything they test. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'];
const VENDORS = readdirSync(fileURLToPath(import.meta.resolve('./src/sources')), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const ban = (folders, message) => ({ group: folders.flatMap((f) => [`**/${f}/**`, `../${f}/**`]), message });
const NO_MOCK = { group: ['**/mock-server/**'], message: 'The app does not import the mock (tests may).' };
const NO_VENDOR = { group: ['**/sources/*/**'], message: 'Only src/sources/source-registry.ts reaches a vendor folder; read the source interfaces (src/sources/*.ts).' };
const NO_REACT = { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', '@tanstack/*'], message: 'Sources know nothing of React or the store.' };
const UI = ['tiles', 'boards', 'kiosk', 'app', 'editor', 'alerts', 'theme'];

/** Folder → what it may not import, on top of the mock and the vendor folders. */
const FOLDERS = {
  vocabulary: [ban(['sources', 'store', 'auth', ...UI], 'The vocabulary is words only: it knows lib, nothing else.')],
  lib: [ban(['sources', 'store', 'auth', 'vocabulary', ...UI], 'lib is a leaf: it imports nothing of the app.')],
  store: [ban(['auth', ...UI], 'The store knows only lib and the shared source interface (src/sources/*.ts).')],
  auth: [ban(['sources', 'store', ...UI], 'Sign-in knows nothing of sources, the store or the UI.')],
  theme: [ban(['sources', 'store', 'auth', 'tiles', 'boards', 'kiosk', 'app', 'editor', 'alerts'], 'The theme knows only lib.')],
  boards: [ban(['auth', 'tiles', 'kiosk', 'app', 'editor', 'alerts'], 'Boards are data and their queries: no UI above them.')],
  tiles: [ban(['auth', 'kiosk', 'app', 'editor'], 'Tiles read boards and the store; the app composes them.')],
  alerts: [ban(['auth', 'kiosk', 'app', 'editor'], 'Alerts read tiles, boards and the store.')],
  editor: [ban(['auth', 'kiosk', 'app'], 'The editor reads boards and tiles; the app composes it.')],
  kiosk: [ban(['editor'], 'The kiosk shows boards; it does not edit them.')],
  app: [],
};

const SOURCES = [NO_REACT, ban(['store', 'auth', ...UI], 'Sources know only the source interface, the vocabulary and lib.')];

const block = (files, patterns, ignores = TESTS) => ({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } });

const importRules = [
  block(['mock-server/**'], [{ group: ['**/src/**'], message: 'The mock never imports UI code.' }]),
  block(['src/**'], [NO_MOCK, NO_VENDOR]),
  ...Object.entries(FOLDERS).map(([folder, patterns]) => block([`src/${folder}/**`], [NO_MOCK, NO_VENDOR, ...patterns])),
  block(['src/sources/*.{ts,tsx}'], [NO_MOCK, NO_VENDOR, { group: ['./*/**'], message: NO_VENDOR.message }, ...SOURCES]),
  block(['src/sources/source-registry.ts'], [NO_MOCK, ...SOURCES]),
  ...VENDORS.map((vendor) =>
    block(
      [`src/sources/${vendor}/**`],
      [
        NO_MOCK,
        ...SOURCES,
        ...VENDORS.filter((other) => other !== vendor).map((other) =>
          ban([`sources/${other}`, other], `A vendor folder knows no other vendor: ${vendor} may not import ${other}.`),
        ),
      ],
    ),
  ),
];

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
  ...importRules,
);
