import { launchChromiumEngine } from './chromium';
import type { EngineBrowser, EngineName } from './driver';
import { launchFirefoxEngine } from './firefox';
import { launchWebKitEngine } from './webkit';

export const ENGINES: EngineName[] = ['chromium', 'firefox', 'webkit'];

export function launchEngine(name: EngineName): Promise<EngineBrowser> {
  if (name === 'firefox') return launchFirefoxEngine();
  if (name === 'webkit') return launchWebKitEngine();
  return launchChromiumEngine();
}
