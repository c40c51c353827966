import { useRouteError } from 'react-router';
import { CodeMissing } from '../code-missing';

/** A route's code failed to arrive: the router's error element, in PlexM8's words. */
export function RouteError() {
  const error = useRouteError();
  console.warn('PlexM8: a screen failed to load', error instanceof Error ? error.message : error);
  return <CodeMissing />;
}
