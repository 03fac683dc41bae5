// Lint rules, including the import boundaries of DESIGN.md §3:
// src-shared imports nothing of ours; core never imports a host; hosts import core and shared;
// the renderer imports only src-shared and its own files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

// Exact module names go in `paths` (a pattern like 'events' would also match our own './events').
const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'url', 'util', 'events', 'stream', 'worker_threads'];
const restrict = (names, message) => ({
  paths: names.map((name) => ({ name, message })),
  patterns: [{ group: ['node:*', 'drizzle-orm/*', 'better-sqlite3/*', 'electron/*'], message }],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist-renderer/', 'dist-electron/', 'release/', '.cache/', 'test-results/', 'playwright-report/', 'migrations/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src-shared', from: ['./src-main', './src-renderer', './tests', './scripts'], message: 'src-shared imports nothing of ours (DESIGN.md §3).' },
            { target: './src-main/core', from: ['./src-main/electron', './src-main/web', './src-main/cli', './src-main/integration', './src-renderer'], message: 'core never imports a host (DESIGN.md §3).' },
            { target: './src-main/integration', from: ['./src-main/electron', './src-main/web', './src-main/cli', './src-renderer'], message: 'the integration API (used by every host) imports only core and shared.' },
            { target: './src-main/electron', from: ['./src-main/web', './src-main/cli', './src-renderer'], message: 'hosts import only core and shared.' },
            { target: './src-main/web', from: ['./src-main/electron', './src-main/cli', './src-renderer'], message: 'hosts import only core and shared.' },
            { target: './src-main/cli', from: ['./src-main/electron', './src-renderer'], message: 'the CLI imports core, shared and (for serve) the web host.' },
            { target: './src-renderer', from: ['./src-main', './tests', './scripts'], message: 'the renderer imports only src-shared and its own files (DESIGN.md §3).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': ['error', restrict([...nodeBuiltins, 'electron', 'better-sqlite3', 'drizzle-orm', 'react', 'react-dom', 'antd'], 'src-shared is pure TypeScript: no node:, electron, DOM or database imports.')],
    },
  },
  {
    files: ['src-main/core/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'core never imports electron (DESIGN.md §1).' }], patterns: [{ group: ['electron/*'], message: 'core never imports electron (DESIGN.md §1).' }] }],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', restrict([...nodeBuiltins, 'electron', 'better-sqlite3', 'drizzle-orm'], 'the renderer runs in a sandboxed page.')],
    },
  },
);
