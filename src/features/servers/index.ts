export { useServersStore, currentConnection, SERVERS_KEY } from './servers-store';
export { connectServer } from './connect';
export { chooseConnection } from './choose-connection';
export { useServers } from './use-servers';
