// @vitest-environment node
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import plugin from '../../eslint-rules/boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const at = (path: string) => `${process.cwd()}/${path}`;

tester.run('plexm8/boundaries', plugin.rules.boundaries, {
  valid: [
    { code: "import { x } from '../../lib/plex';", filename: at('src/features/auth/a.ts') },
    { code: "import { x } from './sign-in';", filename: at('src/features/auth/a.ts') },
    { code: "import { x } from '../features/auth';", filename: at('src/app/app.tsx') },
    { code: "import { x } from '../../src/app/app';", filename: at('tests/integration/a.tsx') },
    { code: "import x from 'react';", filename: at('src/lib/a.ts') },
    {
      code: "import { testClientInfo } from '../../testing/fixtures';",
      filename: at('src/features/auth/sign-in.test.ts'),
    },
  ],
  invalid: [
    { code: "import { x } from '../auth';", filename: at('src/features/servers/a.ts'), errors: 1 },
    {
      code: "export * from '../auth/index';",
      filename: at('src/features/servers/a.ts'),
      errors: 1,
    },
    {
      code: "import { x } from '../../app/app';",
      filename: at('src/features/auth/a.ts'),
      errors: 1,
    },
    { code: "import { x } from '../features/auth';", filename: at('src/lib/a.ts'), errors: 1 },
    { code: "import { x } from './features/auth';", filename: at('src/domain.ts'), errors: 1 },
    {
      code: "import { testClientInfo } from '../../testing/fixtures';",
      filename: at('src/features/auth/sign-in.ts'),
      errors: 1,
    },
    {
      code: "const m = import('../tests/fake-plex/xml');",
      filename: at('src/main.tsx'),
      errors: 1,
    },
  ],
});
