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

// What a person reads comes from the message catalogs (src/locales), never from a literal in
// a component: text between tags, the attributes people read, strings a component renders.
const PEOPLE_READ =
  'placeholder|title|alt|aria-label|aria-description|label|legend|heading|description|hint|question|confirmLabel|message|emptyText|caption|summary|text|help|actionLabel|submitLabel|cancelLabel|tooltip';
const TRANSLATE =
  "User-visible text comes from the message catalogs: t('file.key') (src/locales/*/file.json).";
// A catalog key ('portalMe.title') is shaped like one; it is not text.
const NOT_KEY = ':not([value=/^[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_-]+)+$/])';
const noLiteralText = {
  'no-restricted-syntax': [
    'error',
    { selector: 'JSXText[value=/[A-Za-z]{2}/]', message: TRANSLATE },
    {
      selector: `JSXAttribute[name.name=/^(${PEOPLE_READ})$/] Literal[value=/[A-Za-z]{2}/]${NOT_KEY}`,
      message: TRANSLATE,
    },
    {
      selector: `JSXAttribute[name.name=/^(${PEOPLE_READ})$/] TemplateElement[value.raw=/[A-Za-z]{2}/]`,
      message: TRANSLATE,
    },
    {
      selector: `:matches(JSXElement, JSXFragment) > JSXExpressionContainer Literal[value=/[A-Z][a-z]+/]${NOT_KEY}`,
      message: TRANSLATE,
    },
    {
      selector:
        ':matches(JSXElement, JSXFragment) > JSXExpressionContainer TemplateElement[value.raw=/[A-Z][a-z]+/]',
      message: TRANSLATE,
    },
    {
      selector: `Property[key.name=/^(${PEOPLE_READ})$/] > Literal[value=/[A-Z][a-z]+/]${NOT_KEY}`,
      message: TRANSLATE,
    },
  ],
};

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
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/locales/**'],
    rules: noLiteralText,
  },
  { files: ['e2e/**', 'build/**', '*.config.ts'], languageOptions: { globals: globals.node } },
);
