import { useQueryClient } from '@tanstack/react-query';
import { Layout } from '../../shell/layout';
import { DownloadsHost } from '../downloads-host';
import { PlayerHost } from '../player-host';
import { PmsBridge } from '../pms-bridge';
import { SignOutFlow } from '../sign-out-flow';

/** Every signed-in screen: the server, the player and downloads wired around the app's layout. */
export function SignedInShell() {
  const queryClient = useQueryClient();
  return (
    <PmsBridge>
      <PlayerHost>
        <DownloadsHost>
          <Layout account={<SignOutFlow queryClient={queryClient} />} />
        </DownloadsHost>
      </PlayerHost>
    </PmsBridge>
  );
}
