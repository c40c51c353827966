// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * `page.waitForFunction` takes the promise an async function returns for a truthy answer and
 * returns at once; three waits for IndexedDB waited for nothing that way. Lint refuses the form.
 */
async function complaints(code: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, {
    filePath: `${process.cwd()}/tests/e2e/x.e2e.ts`,
  });
  // Code that doesn't parse has no rule's complaint either: that must not pass as "let through".
  expect(result?.fatalErrorCount).toBe(0);
  return (result?.messages ?? []).map((m) => m.ruleId ?? '');
}

const header = "import type { Page } from 'playwright-core';\n";

describe('a wait in an e2e test', () => {
  it('is refused when waitForFunction is given an async function', async () => {
    for (const fn of ['async () => true', 'async function () { return true; }'])
      expect(
        await complaints(`${header}export const w = (p: Page) => p.waitForFunction(${fn});\n`),
      ).toContain('no-restricted-syntax');
  });

  it('is let through with a plain function', async () => {
    expect(
      await complaints(`${header}export const w = (p: Page) => p.waitForFunction(() => true);\n`),
    ).not.toContain('no-restricted-syntax');
  });
});
