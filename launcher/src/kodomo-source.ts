import { randomBytes } from 'node:crypto';
import { startKodomoSimulator } from '@welfare-hub/kodomo-sim';
import type { HubConfig } from './config.js';

export interface KodomoSource {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/** The configured kodomo system, or the simulator over the demo city's data with a key made for this start. */
export async function kodomoSource(config: HubConfig, demoFile: string): Promise<KodomoSource> {
  if (config.kodomoUrl) return { url: config.kodomoUrl, apiKey: config.kodomoApiKey, close: async () => {} };
  const apiKey = randomBytes(16).toString('hex');
  const sim = await startKodomoSimulator({ dataFile: demoFile, apiKey });
  return { url: sim.url, apiKey, close: () => sim.close() };
}
