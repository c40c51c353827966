import { useRouteError } from 'react-router';
import { CodeMissing } from '../code-missing';

/** Anything the screens' own handling didn't catch: the whole page says so, with a reload. */
export function RouteError() {
  const error = useRouteError();
  console.warn('PlexM8: a screen failed to load', error instanceof Error ? error.message : error);
  return (
    <main className="content">
      <CodeMissing />
    </main>
  );
}
