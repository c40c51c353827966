import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const features = ['auth', 'servers', 'library', 'player', 'downloads'];

// Imports flow one way (docs/decisions/001): ui, lib, domain <- features <- app, shell.
// A feature never imports another feature; app/ wires them together.
const boundaryZones = [
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'Features do not import each other: let app/ pass what is needed.',
  })),
  {
    target: './src/features',
    from: ['./src/app', './src/shell'],
    message: 'Features are composed by app/ and shell/, never the other way round.',
  },
  {
    target: ['./src/lib', './src/ui', './src/domain.ts'],
    from: ['./src/features', './src/app', './src/shell'],
    message: 'lib/, ui/ and domain.ts sit below the features.',
  },
  { target: './src', from: './tests', message: 'App code never imports test code.' },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage', 'scratch'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
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
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
