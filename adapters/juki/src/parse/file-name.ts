import { parseSeirekiCompact, type IsoDate } from '@welfare-hub/codec';
import type { DropFileSpec } from '@welfare-hub/ingest';

/** JUKI_FULL_YYYYMMDD.DAT or JUKI_IDO_YYYYMMDD.DAT; null for anything else in the folder. */
export function parseJukiFileName(name: string): { kind: 'FULL' | 'IDO'; date: IsoDate } | null {
  const match = /^JUKI_(FULL|IDO)_(\d{8})\.DAT$/.exec(name);
  if (!match) return null;
  const date = parseSeirekiCompact(match[2]!);
  return date ? { kind: match[1] as 'FULL' | 'IDO', date } : null;
}

/**
 * The drop folder's extract names, for the shared folder discipline. The prefixes are the extracts' own, so the
 * 支援措置 list beside them (JUKI_SOCHI_*.csv, its own source) is not taken for a misnamed extract.
 */
export const JUKI_FILES: DropFileSpec<{ kind: 'FULL' | 'IDO'; date: IsoDate }> = {
  parse: parseJukiFileName,
  prefixes: ['JUKI_FULL_', 'JUKI_IDO_'],
  expected: 'JUKI_FULL_YYYYMMDD.DAT or JUKI_IDO_YYYYMMDD.DAT',
};
