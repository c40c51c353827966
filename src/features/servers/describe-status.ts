import type { ConnectionTier } from '../../domain';
import type { CandidateResult, CandidateState } from './choose-connection';
import type { ServerStatus } from './servers-store';

export const tierLabel: Record<ConnectionTier, string> = {
  local: 'Local network',
  relay: 'Plex Relay',
  remote: 'Internet',
};

export function candidateText(state: CandidateState): string {
  if (state.ok === true) return `answered in ${state.latencyMs} ms`;
  switch (state.reason) {
    case 'timeout':
      return 'timed out';
    case 'unreachable':
      return "couldn't connect (server down, blocked, or its certificate isn't trusted)";
    case 'cors':
      return 'answered, but refused this app (CORS)';
    case 'offline':
      return 'you are offline';
    case 'wrong-server':
      return 'a different server answered';
    case 'bad-response':
      return 'sent a reply PlexM8 could not read';
    case 'insecure':
      return 'plain http: a secure (https) page cannot use it';
    case 'permission':
      return 'waiting for your browser to allow local network access';
    case 'blocked':
      return 'your browser blocks local network access for PlexM8';
    case 'not-needed':
      return 'not needed';
  }
}

function failed(candidates: CandidateResult[], tier: ConnectionTier): boolean {
  const inTier = candidates.filter((c) => c.connection.tier === tier);
  return inTier.length > 0 && inTier.every((c) => c.state.ok === false);
}

/** One plain sentence about how (or why not) PlexM8 reaches this server. */
export function statusSentence(name: string, status: ServerStatus | undefined): string {
  if (!status || status.state === 'idle') return 'Not checked yet.';
  if (status.state === 'probing') return `Checking how to reach ${name}…`;
  if (status.state === 'connected') {
    const { connection, candidates } = status;
    if (connection.tier === 'local') return 'Connected on your local network.';
    const localFailed = failed(candidates, 'local');
    const localBecause = (reason: string) =>
      candidates.some((c) => c.state.ok === false && c.state.reason === reason);
    const using = connection.tier === 'relay' ? 'Plex Relay (slower)' : 'the internet';
    if (localBecause('permission'))
      return `Waiting for your browser's permission to reach ${name} on your local network; using ${using} meanwhile.`;
    if (localBecause('blocked'))
      return `Your browser blocks PlexM8 from your local network, so ${name} is reached over ${using}. Allow “Local network access” for this site in the browser's settings to connect at home.`;
    if (connection.tier === 'relay') {
      return localFailed
        ? `Can't reach ${name} over your local network; using Plex Relay (slower).`
        : 'Connected through Plex Relay (slower).';
    }
    return localFailed
      ? `Can't reach ${name} locally; connected over the internet.`
      : 'Connected over the internet.';
  }
  const reasons = new Set(
    status.candidates.map((c) => (c.state.ok === false ? c.state.reason : 'other')),
  );
  if (reasons.size === 0) return `${name} offers no connections PlexM8 can use.`;
  if (reasons.has('offline')) return `You're offline, so ${name} can't be reached.`;
  if (reasons.has('blocked'))
    return `Your browser blocks PlexM8 from your local network. Allow “Local network access” for this site in the browser's settings to reach ${name}.`;
  if (reasons.has('permission'))
    return `Your browser is asking whether PlexM8 may reach devices on your local network. Allow it to connect to ${name}.`;
  if (reasons.size === 1 && reasons.has('insecure')) {
    return `${name} offers only plain http connections, which this secure page can't use. Turn on secure connections in the server's Network settings.`;
  }
  if (reasons.has('cors')) {
    return `${name} answered but refused this app (CORS). Shared servers sometimes do this; ask the owner, or sign in as the owner.`;
  }
  if ([...reasons].every((r) => r === 'timeout'))
    return `${name} didn't answer in time. Is it switched on and online?`;
  return `Can't reach ${name}. Check that it is running, then test the connection again.`;
}
