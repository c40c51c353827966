import { useRouteError } from 'react-router';
import { CodeMissing } from '../code-missing';

function useReportedError(): void {
  const error = useRouteError();
  console.warn('PlexM8: a screen failed to load', error instanceof Error ? error.message : error);
}

/** A screen's code failed to arrive: said in the layout's place for screens, nav still there. */
export function ScreenError() {
  useReportedError();
  return <CodeMissing />;
}

/** Anything above the screens failed: the whole page says so. */
export function RouteError() {
  useReportedError();
  return (
    <main className="content">
      <CodeMissing />
    </main>
  );
}
