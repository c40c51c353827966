import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import plexm8 from './eslint-rules/boundaries.js';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage', 'scratch', 'tmp'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, plexm8 },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Imports flow one way (docs/decisions/001).
      'plexm8/boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // The player's stores are never a hook (a hook in a .ts file too): screens read them
      // through usePlayerView / usePositionView, paced after a tap's sound (decision 027).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^use(Player|Position)Store$/]',
          message: 'Read the player with usePlayerView / usePositionView (paced after a tap).',
        },
      ],
    },
  },
  {
    // The Plex client is plain TypeScript: no React, no stores.
    files: ['src/lib/plex/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['react', 'zustand', '@tanstack/react-query'], patterns: ['**/features/**'] },
      ],
    },
  },
  {
    // Errors carry codes; the words are the UI's (decision 028). The old worded form is left
    // for the player's test only, until its refactor lands. (A rule's options replace an
    // earlier block's: the stores-as-hooks check above is repeated here.)
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/features/player/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='PlexError'] Property[key.name='message']",
          message: 'A PlexError takes a code; its sentence lives in ui/plex-error-text.ts.',
        },
        {
          selector: 'CallExpression[callee.name=/^use(Player|Position)Store$/]',
          message: 'Read the player with usePlayerView / usePositionView (paced after a tap).',
        },
      ],
    },
  },
  {
    // Components read the player through its paced view hooks (usePlayerView, usePositionView)
    // and act through its commands (player.ts). A component subscribed to the store itself would
    // re-render inside a tap's task, before the sound starts: the tap latency that
    // screen-pacing.ts removed (docs/decisions/005, 027).
    files: ['src/**/*.tsx'],
    // main.tsx is the entry, not a component: it restores the store before the first render.
    ignores: ['src/**/*.test.tsx', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(features/player|player-store|position-store)$',
              importNames: ['usePlayerStore', 'usePositionStore'],
              message:
                'Components read the player with usePlayerView / usePositionView (paced) and act with `player` commands.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts the service worker loads (importScripts).
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-console': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^use(Player|Position)Store$/]',
          message: 'Read the player with usePlayerView / usePositionView (paced after a tap).',
        },
        {
          // Playwright takes the promise an async function returns for a truthy answer and
          // returns at once: such a wait waits for nothing (three did, until waitInPage). Only
          // an inline async function is caught; a named one returning a promise is not.
          selector:
            'CallExpression[callee.property.name="waitForFunction"] > :function[async=true]',
          message:
            'waitForFunction does not await a promise: use waitInPage (tests/e2e/poll-page.ts).',
        },
      ],
    },
  },
);
