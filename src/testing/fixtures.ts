import type { PlexClientInfo } from '../lib/plex/client-info';

/**
 * Shared test data (only tests import src/testing: the boundaries lint says so). What a browser
 * tells Plex about itself, as the unit tests' fake clients send it.
 */
export const testClientInfo: PlexClientInfo = {
  clientId: 'c1',
  product: 'PlexM8',
  version: '1',
  platform: 'Chrome',
  device: 'Linux',
  deviceName: 'PlexM8',
};
