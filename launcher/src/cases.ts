import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadCaseHistory } from '@welfare-hub/subgraph-cases';
import { logEvent } from '@welfare-hub/subgraph-host';
import { isDemo, type HubConfig } from './config.js';

/**
 * The demo city's year of case work (written by the city generator beside the sources) goes into an empty case store,
 * so that `npm start` shows a municipality in mid-year. Not in a real deployment, and not with
 * HUB_DEMO_CASE_HISTORY=false (a demo that starts with no case work).
 */
export async function prepareCaseWork(config: HubConfig, db: DataSource, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!isDemo(config) || demoCaseHistory(env) === false) return;
  const loaded = await loadCaseHistory(db, join(config.dataDir, 'demo-city', 'cases', 'cases.json'));
  if (loaded > 0) logEvent('cases.demo_history_loaded', { cases: loaded });
}

/** HUB_DEMO_CASE_HISTORY: true (default) or false. */
export function demoCaseHistory(env: NodeJS.ProcessEnv): boolean {
  const raw = (env['HUB_DEMO_CASE_HISTORY'] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error('HUB_DEMO_CASE_HISTORY must be true or false');
}
