import { createCollectorLibrary, COLLECTOR_SECTION } from './collector-library';
import type { FakePlexOptions, FakeSection } from './model';

const sections: FakeSection[] = [
  { key: '1', type: 'artist', title: 'Music' },
  { key: '2', type: 'movie', title: 'Movies' },
  { key: '3', type: 'artist', title: 'Audiobooks' },
];

export const LIVING_ROOM_ID = 'b7e4a1c9d2f30456living';
const FRIEND_ID = 'f00dfeed1234friend';
const OLD_LAPTOP_ID = '0ld1a9t0p5erver';
export const COLLECTOR_ID = 'c011ec70r5erver15';

/** A server of the user's that has been off for months: plex.tv lists it with connections: null. */
const oldLaptop = {
  machineIdentifier: OLD_LAPTOP_ID,
  name: 'Old Laptop',
  owned: true,
  sections: [{ key: '1', type: 'artist' as const, title: 'Music' }],
  connections: [],
};

/**
 * Plex's real hostnames, for MSW in jsdom tests: intercepted before the network, never sent.
 */
export function hostnameScenario(): FakePlexOptions {
  const hash = '8a7f3c2b1e9d4c6a8b0f1e2d3c4b5a69';
  return {
    plexTvOrigins: ['https://plex.tv', 'https://clients.plex.tv', 'https://app.plex.tv'],
    servers: [
      {
        machineIdentifier: LIVING_ROOM_ID,
        name: 'Living Room Server',
        owned: true,
        sections,
        connections: [
          { uri: `https://192-168-1-20.${hash}.plex.direct:32400`, local: true, relay: false },
          { uri: `https://198-51-100-4.${hash}.plex.direct:8443`, local: false, relay: true },
          { uri: `https://203-0-113-7.${hash}.plex.direct:32400`, local: false, relay: false },
        ],
      },
      {
        machineIdentifier: FRIEND_ID,
        name: "Jo's Server",
        owned: false,
        sections: [{ key: '7', type: 'artist', title: "Jo's Music" }],
        connections: [
          { uri: `https://198-51-100-9.${hash}.plex.direct:32400`, local: false, relay: false },
        ],
      },
      oldLaptop,
    ],
  };
}

export interface LoopbackPorts {
  plexTv: number;
  living: { local: number; relay: number; remote: number };
  friend: number;
  collector: number;
}

export function loopbackPorts(base: number): LoopbackPorts {
  return {
    plexTv: base,
    living: { local: base + 1, relay: base + 2, remote: base + 3 },
    friend: base + 4,
    collector: base + 5,
  };
}

/**
 * The same library on loopback ports, for Chromium end-to-end tests and `npm start`, and the
 * Collector's Server: a library of a serious collection's size, generated as it is asked for
 * (collector-library.ts). Only here: the MSW tests' hostname scenario stays the three servers.
 */
export function loopbackScenario(ports: LoopbackPorts, host = '127.0.0.1'): FakePlexOptions {
  const at = (port: number) => `http://${host}:${port}`;
  const base = hostnameScenario();
  const [living, friend, laptop] = base.servers;
  if (!living || !friend || !laptop) throw new Error('scenario servers missing');
  return {
    plexTvOrigins: [at(ports.plexTv)],
    user: { thumb: `${at(ports.plexTv)}/users/a1b2c3d4e5f60718/avatar` },
    servers: [
      {
        ...living,
        connections: [
          { uri: at(ports.living.local), local: true, relay: false },
          { uri: at(ports.living.relay), local: false, relay: true },
          { uri: at(ports.living.remote), local: false, relay: false },
        ],
      },
      { ...friend, connections: [{ uri: at(ports.friend), local: false, relay: false }] },
      laptop,
      {
        machineIdentifier: COLLECTOR_ID,
        name: "Collector's Server",
        owned: true,
        sections: [{ key: COLLECTOR_SECTION, type: 'artist', title: 'Music' }],
        // Reached over the internet (it lives elsewhere): the Living Room stays the one server
        // "on your local network", which the demo and the other tests speak of.
        connections: [{ uri: at(ports.collector), local: false, relay: false }],
        library: createCollectorLibrary(),
      },
    ],
  };
}

export function allPorts(ports: LoopbackPorts): number[] {
  return [
    ports.plexTv,
    ports.living.local,
    ports.living.relay,
    ports.living.remote,
    ports.friend,
    ports.collector,
  ];
}
