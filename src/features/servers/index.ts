export { useServersStore, currentConnection } from './servers-store';
export { connectServer } from './connect';
export { useServers, serversQuery } from './use-servers';
