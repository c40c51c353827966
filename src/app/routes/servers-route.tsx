import { useSessionStore } from '../../features/auth';
import { MusicSections } from '../../features/library';
import { ServersScreen, useServersStore } from '../../features/servers';

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
