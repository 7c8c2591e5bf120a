import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The key of the analysts' index: 宛名番号 and 世帯番号 are kept there only as HMAC-SHA256 under it, so the index
 * links records without naming anyone. HUB_ANALYTICS_KEY (at least 32 bytes) in production; the demo keeps one in
 * its data folder.
 */
export function pseudonymKey(given: string | null, options: { production: boolean; file?: string }): Buffer {
  if (given) {
    if (Buffer.byteLength(given) < 32) throw new Error('HUB_ANALYTICS_KEY must be at least 32 bytes');
    return Buffer.from(given, 'utf8');
  }
  if (options.production) throw new Error('HUB_ANALYTICS_KEY is required in production');
  if (!options.file) return randomBytes(32);
  if (existsSync(options.file)) return Buffer.from(readFileSync(options.file, 'utf8').trim(), 'base64');
  const key = randomBytes(32);
  writeFileSync(options.file, key.toString('base64'), { mode: 0o600 });
  return key;
}

export const pseudonym = (key: Buffer, id: string): string => createHmac('sha256', key).update(id).digest('base64url');
