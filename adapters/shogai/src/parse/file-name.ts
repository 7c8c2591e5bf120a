import { parseSeirekiCompact } from '@welfare-hub/codec';

export type ShogaiKind = 'TECHO' | 'JUKYUSHA' | 'SODAN';

export function parseShogaiFileName(name: string): { kind: ShogaiKind; date: string } | null {
  const m = /^SHOGAI_(TECHO|JUKYUSHA|SODAN)_(\d{8})\.csv$/.exec(name);
  const date = m ? parseSeirekiCompact(m[2]!) : null;
  return m && date ? { kind: m[1] as ShogaiKind, date } : null;
}
