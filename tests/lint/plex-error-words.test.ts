// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * A PlexError takes a code, never a sentence (decision 028): the project's lint config says so
 * wherever the types alone would let the old worded form through.
 */
const worded = "new PlexError({ kind: 'unreachable', message: \"Couldn't reach the server.\" });\n";

async function complaints(path: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(worded, { filePath: `${process.cwd()}/${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? '');
}

describe('a worded PlexError', () => {
  it('is refused in the client, the features and the app', async () => {
    for (const path of ['src/lib/plex/x.ts', 'src/features/library/x.ts', 'src/app/x.ts'])
      expect(await complaints(path)).toContain('no-restricted-syntax');
  });

  it('is let through only in the player, until its refactor lands', async () => {
    expect(await complaints('src/features/player/x.ts')).not.toContain('no-restricted-syntax');
  });
});
