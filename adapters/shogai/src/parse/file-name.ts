import { parseSeirekiCompact } from '@welfare-hub/codec';
import type { DropFileSpec } from '@welfare-hub/ingest';

export type ShogaiKind = 'TECHO' | 'JUKYUSHA' | 'SODAN';

export function parseShogaiFileName(name: string): { kind: ShogaiKind; date: string } | null {
  const m = /^SHOGAI_(TECHO|JUKYUSHA|SODAN)_(\d{8})\.csv$/.exec(name);
  const date = m ? parseSeirekiCompact(m[2]!) : null;
  return m && date ? { kind: m[1] as ShogaiKind, date } : null;
}

/** The export folder's names, for the shared folder discipline (near misses of these are reported). */
export const SHOGAI_FILES: DropFileSpec<{ kind: ShogaiKind; date: string }> = {
  parse: parseShogaiFileName,
  prefixes: ['SHOGAI_TECHO_', 'SHOGAI_JUKYUSHA_', 'SHOGAI_SODAN_'],
  expected: 'SHOGAI_TECHO_YYYYMMDD.csv, SHOGAI_JUKYUSHA_YYYYMMDD.csv or SHOGAI_SODAN_YYYYMMDD.csv',
};
