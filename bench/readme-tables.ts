import { readFile, writeFile } from 'node:fs/promises';
import { format } from 'prettier';

/**
 * Puts the bench's tables into README.md between its markers (`<!-- bench:<name> … -->` and
 * `<!-- /bench:<name> -->`), formatted as Prettier would, so the README always shows the figures
 * results.json holds. The words around the tables stay the author's.
 */
export async function writeReadmeTables(tables: Record<string, string>): Promise<void> {
  let readme = await readFile('README.md', 'utf8');
  for (const [name, markdown] of Object.entries(tables)) {
    const pattern = new RegExp(
      `(<!-- bench:${name}\\b[^>]*-->\\n)[\\s\\S]*?(<!-- /bench:${name} -->)`,
    );
    if (!pattern.test(readme)) throw new Error(`README.md has no <!-- bench:${name} --> section`);
    const table = (await format(markdown, { parser: 'markdown' })).trimEnd();
    readme = readme.replace(
      pattern,
      (_, open: string, close: string) => `${open}\n${table}\n\n${close}`,
    );
  }
  await writeFile('README.md', readme);
}
