import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals and modules that belong to the browser layer (extension/platform/) only. */
const browserApis = {
  globals: [
    { name: 'chrome', message: 'src/ is browser-free: go through extension/platform/.' },
    { name: 'browser', message: 'src/ is browser-free: go through extension/platform/.' },
  ],
  modules: [
    { name: 'webextension-polyfill', message: 'src/ is browser-free: go through extension/platform/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Never render page data as HTML.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never render page data as HTML.',
        },
      ],
    },
  },
  {
    // Scripts served to the browser by the demo server.
    files: ['demo-server/public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-globals': ['error', ...browserApis.globals],
      'no-restricted-imports': ['error', { paths: browserApis.modules }],
    },
  },
  {
    // The grading core is shared by the panel, the CLI and the tests: no Node built-ins either.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/cli/**', 'src/bench/**', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserApis.modules,
          patterns: [{ group: ['node:*'], message: 'src/ core code must run in the browser too: no Node built-ins.' }],
        },
      ],
    },
  },
);
