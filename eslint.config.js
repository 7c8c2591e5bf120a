// The lint CI runs (`npm run lint`): ESLint's and typescript-eslint's recommended rules on every package's sources and
// tests, beside each package's `tsc`. Types cover what they can; this catches what they cannot (dead assignments,
// unsafe patterns, the console's hooks out of order).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', 'console/src/gql/**', 'tests/corpus/**', '.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.cjs', '**/*.js'], languageOptions: { globals: globals.node } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['console/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    rules: {
      // `_name` marks a binding kept for its position or its type.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // The legacy formats' parsers match control characters (NUL, the CSV separators) on purpose.
      'no-control-regex': 'off',
      // Japanese text has the ideographic space (U+3000) in names, addresses and their comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
  {
    // End-to-end tests read the graph's JSON answers by shape, as a client without generated types would.
    files: ['tests/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
