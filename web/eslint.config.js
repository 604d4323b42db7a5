import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way: shared code (api, lib, components) → features → app.
// A shared module that reached into a feature, a feature into the app or into another feature,
// would tie them together.
const noUpward = (zones) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: zones.map((group) => ({
        group,
        message: 'Imports flow shared → features → app, and a feature does not import another.',
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/api/schema.d.ts', 'playwright-report', 'test-results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/api/**', 'src/lib/**', 'src/components/**'],
    rules: noUpward([['@/features/*', '@/app/*', '../features/*', '../app/*']]),
  },
  // A feature may not reach into another one either: what two features share moves down to
  // components/ or lib/, and the app composes features. Features live in src/features/console/
  // and src/features/portal/, one folder per API noun (console/clients, portal/appointments…).
  ...['console', 'portal'].flatMap((realm) =>
    readdirSync(new URL(`./src/features/${realm}`, import.meta.url)).flatMap((name) => {
      const feature = `${realm}/${name}`;
      const others = [
        '@/app/*',
        '@/features/*',
        `!@/features/${realm}`,
        `@/features/${realm}/*`,
        `!@/features/${feature}`,
        `!@/features/${feature}/*`,
      ];
      // A relative path may not climb out of the feature's folder either.
      return [
        { files: [`src/features/${feature}/*`], rules: noUpward([[...others, '../*']]) },
        { files: [`src/features/${feature}/*/**`], rules: noUpward([[...others, '../../*']]) },
      ];
    }),
  ),
  { files: ['e2e/**', 'build/**', '*.config.ts'], languageOptions: { globals: globals.node } },
);
