import { Avatar } from '../../ui/avatar';
import { Button } from '../../ui/button';
import { useSessionStore } from './session-store';

export function AccountMenu({ onSignOut }: { onSignOut: () => void }) {
  const user = useSessionStore((s) => s.user);
  const tokenCheck = useSessionStore((s) => s.tokenCheck);
  if (!user) return null;
  return (
    <div className="account">
      <Avatar name={user.title} src={user.thumb} />
      <div className="account-who">
        <span className="account-name">{user.title}</span>
        {tokenCheck === 'unverified' ? (
          <span className="account-note">Couldn't check sign-in with Plex</span>
        ) : null}
      </div>
      <Button variant="quiet" onClick={onSignOut}>
        Sign out
      </Button>
    </div>
  );
}
