import type { Session } from './session/session.js';

/** The console's screens as the navigation lists them, each with who it is for. */
export interface ScreenEntry {
  path: string;
  label: string;
  /** Shown when the session may use it; the gateway decides anyway. */
  for(session: Session, sectors: readonly string[]): boolean;
}

const staff = (s: Session): boolean => !s.roles.includes('analyst');
const role =
  (name: string) =>
  (s: Session): boolean =>
    s.roles.includes(name);

export const SCREENS: readonly ScreenEntry[] = [
  { path: '/search', label: '検索', for: staff },
  { path: '/cases', label: 'ケース', for: (s, sectors) => staff(s) && (s.roles.includes('coordinator') || sectors.length > 0) },
  { path: '/consents', label: '同意', for: staff },
  { path: '/meetings', label: '支援会議', for: staff },
  { path: '/privacy', label: '閲覧記録・監査', for: role('privacy_officer') },
  { path: '/sources', label: 'データ取込', for: (s, sectors) => s.roles.includes('admin') || (staff(s) && sectors.length > 0) },
  { path: '/linkage', label: '名寄せ確認', for: (_, sectors) => sectors.length > 0 },
  { path: '/statistics', label: '統計', for: role('analyst') },
];
