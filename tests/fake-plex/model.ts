import { randomUUID } from 'node:crypto';
import { createDemoLibrary, createSmallLibrary, type FakeLibrary } from './library';
import { createTranscoder, type FakeTranscoder } from './pms-transcoder';
import { createPlayQueues, type FakePlayQueues } from './pms-play-queues';
import { createSessions, type FakeSessions } from './pms-sessions';

interface FakeUser {
  id: number;
  uuid: string;
  username: string;
  title: string;
  email: string;
  thumb: string;
  token: string;
}

interface FakeConnection {
  /** Where the fake really answers (a loopback port, or an intercepted hostname under MSW). */
  uri: string;
  local: boolean;
  relay: boolean;
}

export interface FakeSection {
  key: string;
  type: 'artist' | 'movie' | 'show' | 'photo';
  title: string;
}

export interface FakeServer {
  machineIdentifier: string;
  library: FakeLibrary;
  transcoder: FakeTranscoder;
  playQueues: FakePlayQueues;
  sessions: FakeSessions;
  /** Answers every list whole, ignoring X-Plex-Container-Start/Size (some servers do). */
  ignoresPaging?: boolean;
  name: string;
  accessToken: string;
  owned: boolean;
  connections: FakeConnection[];
  sections: FakeSection[];
}

export interface FakePin {
  id: number;
  code: string;
  clientIdentifier: string;
  createdAt: number;
  expiresAt: number;
  authToken: string | null;
}

export interface FakePlexOptions {
  /** Origins answered as plex.tv, clients.plex.tv and app.plex.tv. */
  plexTvOrigins: string[];
  servers: Array<
    Omit<FakeServer, 'accessToken' | 'library' | 'transcoder' | 'playQueues' | 'sessions'> & {
      accessToken?: string;
      library?: FakeLibrary;
    }
  >;
  /** Strong PINs live 30 minutes on plex.tv. */
  pinTtlMs?: number;
  user?: Partial<FakeUser>;
  /** The demo's auth page approves at once, so a newcomer signs in with one click. */
  autoApprove?: boolean;
}

export interface FakePlexModel {
  options: FakePlexOptions;
  user: FakeUser;
  servers: FakeServer[];
  pins: Map<number, FakePin>;
  nextPinId: number;
  /** Tokens plex.tv no longer accepts (a revoked sign-in). */
  revokedTokens: Set<string>;
  /**
   * The account's devices (plex.tv's Authorized Devices), by client identifier: one appears
   * when a PIN of that client is approved, as on plex.tv.
   */
  devices: Map<string, { id: number; name: string; product: string }>;
  nextDeviceId: number;
  /** Makes `DELETE /devices/{id}.xml` fail the way a browser may meet it (no CORS answer). */
  refuseDeviceRemoval?: boolean;
}

function token(): string {
  return randomUUID().replace(/-/g, '').slice(0, 20);
}

export function createModel(options: FakePlexOptions): FakePlexModel {
  const user: FakeUser = {
    id: 1001,
    uuid: 'a1b2c3d4e5f60718',
    username: 'demo',
    title: 'Demo Listener',
    email: 'demo@example.com',
    thumb: 'https://plex.tv/users/a1b2c3d4e5f60718/avatar?c=1',
    token: token(),
    ...options.user,
  };
  return {
    options,
    user,
    servers: options.servers.map((s, i) => ({
      ...s,
      accessToken: s.accessToken ?? token(),
      transcoder: createTranscoder(),
      playQueues: createPlayQueues(),
      sessions: createSessions(),
      // The first server carries the demo library; others a small one in their first music section.
      library:
        s.library ??
        (i === 0
          ? createDemoLibrary('1')
          : createSmallLibrary(s.sections.find((x) => x.type === 'artist')?.key ?? '1')),
    })),
    pins: new Map(),
    nextPinId: 5000,
    revokedTokens: new Set(),
    devices: new Map(),
    nextDeviceId: 740_000,
  };
}

export function newPinCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let i = 0; i < 25; i += 1) code += alphabet[Math.floor(Math.random() * alphabet.length)];
  return code;
}
