import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'storybook-static/',
      '.cache/',
      'data/',
      'src/core/api-schema.ts',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['scripts/**', 'server/**', 'bench/**', 'test/server/**', 'test/contract/**', 'test/storybook/**', 'test/themes/**', 'test/e2e/**', 'test/helpers/*.ts', '*.js', '*.mjs', '*.ts', '.storybook/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts', 'test/helpers/browser/**/*.ts', 'demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
    rules: { ...lit.configs['flat/recommended'].rules, 'lit/no-template-bind': 'error' },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts', 'test/helpers/browser/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'User text is rendered as text (ARCHITECTURE.md).' }] },
      ],
    },
  },
  {
    // Chai assertions read as expressions: `expect(x).to.be.true`.
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Server tests read raw JSON bodies, including deliberately malformed ones.
    files: ['test/server/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/api-client.ts', 'src/mocks/**'],
    rules: {
      // The API client is the one place that talks to the network.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the core API client (src/core/api-client.ts).' }],
      'no-restricted-properties': ['error', { object: 'window', property: 'fetch', message: 'Use the core API client.' }],
    },
  },
);
