import type { DataSource } from 'typeorm';
import { openVendorDb } from '@welfare-hub/adapter-kaigo';
import { loadKaigoVendorDb } from '@welfare-hub/kaigo-sim';
import type { HubConfig } from './config.js';

export interface KaigoSource {
  vendor: DataSource;
  close(): Promise<void>;
}

/**
 * The configured vendor database, or, for the demo, the vendor's tables simulated in the hub's own store
 * (loaded once from the demo city).
 */
export async function kaigoSource(config: HubConfig, hubDb: DataSource, demoFile: string): Promise<KaigoSource> {
  if (config.kaigoDbUrl) {
    const vendor = await openVendorDb(config.kaigoDbUrl);
    return { vendor, close: () => vendor.destroy() };
  }
  const [{ present }] = await hubDb.query(`SELECT to_regclass('public.t_hihokensha') IS NOT NULL AS present`);
  if (!present) await loadKaigoVendorDb(hubDb, demoFile);
  return { vendor: hubDb, close: async () => {} };
}
