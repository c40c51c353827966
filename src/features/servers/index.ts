export { useServersStore, currentConnection, SERVERS_KEY } from './servers-store';
export { connectServer } from './connect';
export { chooseConnection } from './choose-connection';
export { useServers, serversQuery, startServers } from './use-servers';
