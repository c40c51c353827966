import { useSessionStore } from '../../features/auth';
import { MusicSections } from '../../features/library';
import { useServersStore } from '../../features/servers';
// Straight from its file, not the index: the index is in the first-load bundle and this screen
// (with its CSS) belongs in its own chunk.
import { ServersScreen } from '../../features/servers/servers-screen';

export function ServersRoute() {
  const token = useSessionStore((s) => s.token);
  const userId = useSessionStore((s) => s.user?.id);
  const selected = useServersStore((s) => s.servers.find((x) => x.id === s.selectedId));
  if (!token || userId === undefined) return null;
  return (
    <ServersScreen token={token} userId={userId}>
      {selected ? <MusicSections serverName={selected.name} /> : null}
    </ServersScreen>
  );
}
