import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web app runs in the browser (its tests and vite config run under Node).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The Brain is deterministic: "today" and randomness come in as arguments.
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine takes "today" as an argument.' },
        { object: 'Math', property: 'random', message: 'The engine uses no unseeded randomness.' },
        { object: 'performance', property: 'now', message: 'The engine reads no clock.' },
        { object: 'crypto', property: 'getRandomValues', message: 'The engine uses no unseeded randomness.' },
        { object: 'crypto', property: 'randomUUID', message: 'The engine uses no unseeded randomness.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'Use the engine date helpers (YYYY-MM-DD day numbers).',
        },
        {
          // `Date()` without `new` reads the clock too.
          selector: "CallExpression[callee.name='Date']",
          message: 'The engine takes "today" as an argument.',
        },
        {
          // Locale- and zone-dependent output differs between the phone, the watch and the server.
          selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]',
          message: 'Format with the engine helpers: output must not depend on the device locale or zone.',
        },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'window', 'document'],
      // Contracts carry zod; the Brain takes only their types so its bundle stays dependency-free.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@runningcoach/contracts',
              allowTypeImports: true,
              message: 'Import only types from contracts in the engine.',
            },
          ],
        },
      ],
    },
  },
);
