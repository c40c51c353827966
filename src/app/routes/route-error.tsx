import { useRouteError } from 'react-router';
import { CodeMissingPage, warnScreenFailed } from '../code-missing';

/** Anything the screens' own handling didn't catch: the whole page says so, with a reload. */
export function RouteError() {
  warnScreenFailed(useRouteError());
  return <CodeMissingPage />;
}
