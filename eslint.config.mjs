// @ts-check
// ESLint flat config: typescript-eslint's type-aware recommended rules over every TypeScript file
// (apps, libs, domain, infra, test, bench). Formatting is Prettier's job (.prettierrc.json): no
// stylistic rule is enabled here, so the two never fight (the role eslint-config-prettier plays).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's globals, for the JavaScript files (the `globals` package is not a dependency). */
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'URL',
  ].map((name) => [name, /** @type {const} */ ('readonly')]),
);

export default defineConfig(
  {
    // Installed, built, generated or data: not ours to lint.
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'data/**',
      'coverage/**',
      'bench/.data/**',
      'test/reliability/.last-run/**',
      // Generated from the OpenAPI document (npm run console:api).
      'apps/console/src/api/openapi.d.ts',
      'docs/console/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The project service gives each file the tsconfig.json nearest to it: the root one for
        // apps/libs/domain/infra/test/bench, bench/tsconfig.json for bench/ (which extends the root
        // one and adds bench/peers).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: an `async` method with no `await` is how this code implements a Promise-returning port
      // over synchronous work (better-sqlite3, the in-memory store, test doubles). `async` turns a
      // throw into a rejected promise, which is what every caller of the port handles; dropping it
      // to please this rule would make those methods throw synchronously instead (67 reports, all
      // of that kind).
      '@typescript-eslint/require-await': 'off',
      // Passing a caught error on to a promise's reject is forwarding it, not inventing a non-Error:
      // the same allowance only-throw-error makes by default for `throw` of an `unknown`.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // Tests and their support code. Relaxed, and only here:
    // - no-unsafe-*: supertest's `response.body`, `JSON.parse` and Jest's asymmetric matchers
    //   (`expect.any`, `expect.objectContaining`, …) are typed `any` by their libraries; a test
    //   reads them to assert on them, and a wrong guess fails the assertion loudly (≈310 reports,
    //   none a bug). Explicit `any` stays forbidden in tests too.
    // - unbound-method: tests destructure deciders (plain functions that never use `this`) and
    //   keep a store's or the console's original method to patch and restore it.
    files: ['test/**/*.ts', '**/test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // bench/peers imports Emmett from bench/node_modules, which only `npm run bench` installs: in
    // CI its types cannot be resolved, so every use of it would be reported as unsafe.
    files: ['bench/peers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (jest.config.js, the Jest reporter, the swc require hook, a bench helper):
    // CommonJS run by Node, outside every tsconfig, so no type information.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // This file: an ES module.
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
