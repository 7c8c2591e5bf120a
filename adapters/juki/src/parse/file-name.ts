import { parseSeirekiCompact, type IsoDate } from '@welfare-hub/codec';

/** JUKI_FULL_YYYYMMDD.DAT or JUKI_IDO_YYYYMMDD.DAT; null for anything else in the folder. */
export function parseJukiFileName(name: string): { kind: 'FULL' | 'IDO'; date: IsoDate } | null {
  const match = /^JUKI_(FULL|IDO)_(\d{8})\.DAT$/.exec(name);
  if (!match) return null;
  const date = parseSeirekiCompact(match[2]!);
  return date ? { kind: match[1] as 'FULL' | 'IDO', date } : null;
}
