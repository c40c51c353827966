/**
 * PlexM8's import boundaries (docs/decisions/001) as a tiny local ESLint rule: imports flow one
 * way, ui/lib/domain ← features ← app/shell, and features never import each other. Relative
 * specifiers are resolved against the importing file; nothing else needs resolving, since the
 * app uses no path aliases. (eslint-plugin-import-x was dropped: its native resolver's platform
 * packages are not all on the registry this project installs from, which breaks `npm ci`.)
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** "features/auth", "app", "lib", "ui", "shell", "domain", "tests", or null outside src/tests. */
function area(root, file) {
  const rel = relative(root, file).split(sep);
  if (rel[0] === 'tests') return 'tests';
  if (rel[0] !== 'src') return null;
  if (rel[1] === 'features') return rel[2] ? `features/${rel[2]}` : 'features';
  if (rel[1] === 'domain.ts' || rel[1] === 'domain') return 'domain';
  return rel[1] ?? null;
}

function violation(from, to) {
  if (!from || !to || from === to) return null;
  if (from !== 'tests' && to === 'tests') return 'App code never imports test code.';
  const fromFeature = from.startsWith('features/');
  const toFeature = to.startsWith('features/');
  if (fromFeature && toFeature)
    return 'Features do not import each other: let app/ pass what is needed.';
  if (fromFeature && (to === 'app' || to === 'shell'))
    return 'Features are composed by app/ and shell/, never the other way round.';
  if (['lib', 'ui', 'domain'].includes(from) && (toFeature || to === 'app' || to === 'shell'))
    return 'lib/, ui/ and domain.ts sit below the features.';
  return null;
}

const rule = {
  meta: { type: 'problem', schema: [], messages: { crossing: '{{why}} ({{from}} → {{to}})' } },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = area(root, file);
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = area(root, resolve(dirname(file), spec));
      const why =
        to === 'testing' && from !== 'testing' && !/\.test\.tsx?$/.test(file)
          ? 'Only tests import src/testing.'
          : violation(from, to);
      if (why)
        context.report({ node: node.source, messageId: 'crossing', data: { why, from, to } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { boundaries: rule } };
