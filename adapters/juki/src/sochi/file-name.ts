import { parseSeirekiCompact, type IsoDate } from '@welfare-hub/codec';

/** `JUKI_SOCHI_YYYYMMDD.csv`: the 支援措置 list as of that date; null for anything else. */
export function parseSochiFileName(name: string): { date: IsoDate } | null {
  const match = /^JUKI_SOCHI_(\d{8})\.csv$/.exec(name);
  if (!match) return null;
  const date = parseSeirekiCompact(match[1]!);
  return date ? { date } : null;
}
