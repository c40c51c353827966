import { Link } from 'react-router';
import { Notice } from '../../ui/notice';

export function NotFound() {
  return (
    <Notice tone="info" title="There's nothing at this address.">
      <Link to="/">Go to PlexM8's start page</Link>
    </Notice>
  );
}
