// The purpose an entry records, as the person reads it on a 開示請求 and a privacy officer reviews it: what was asked for
// and on which basis, in plain Japanese. Never personal data: no name, no free text of a consent or a meeting (they are
// named by the entry's reference, and the disclosure lists the person's consents beside it).

import { sectorByCode } from '@welfare-hub/sectors';

const SECTOR_NAMES: Record<string, string> = { KAIGO: '介護', SHOGAI: '障害福祉', KODOMO: '子ども家庭', KONKYU: '生活困窮' };
/** The four's names as a person reads them; a sector registered later by its label. */
const nameOf = (sector: string): string => SECTOR_NAMES[sector] ?? sectorByCode(sector)?.label ?? sector;

/** What a sector decision was asked for, by the field it guards. */
function what(field: string, sector: string): string {
  const name = nameOf(sector);
  if (field === 'Person.access') return `${name}の記録を見られるかの確認`;
  if (field === 'Household.situations') return `世帯の状況 (8050・ダブルケア・ヤングケアラー等) を知るための${name}の記録`;
  return `${name}の記録の閲覧`;
}

/** Why it was granted, or that it was not. */
function why(sector: string, status: string, basis: string | null): string {
  if (status !== 'GRANTED') return '根拠がないため表示していません';
  if (basis === 'OWN_SECTOR') return `${nameOf(sector)}を担当する機関の業務として`;
  if (basis === 'CONSENT') return 'ご本人 (またはその代理人) の同意に基づいて';
  if (basis === 'SUPPORT_MEETING') return '支援会議 (社会福祉法第106条の6) の構成員として';
  return '根拠の記録なし';
}

/** The purpose of a sector decision; `field` is the GraphQL field it guards (Person.kaigo, Household.situations, …). */
export function decisionPurpose(field: string, sector: string, status: string, basis: string | null): string {
  return `${what(field, sector)}: ${why(sector, status, basis)}`;
}

/** The purpose of an identity read: the registry's fields shown to staff of a welfare organisation. */
export function identityPurpose(action: 'READ' | 'SEARCH'): string {
  const shown = action === 'SEARCH' ? '住民記録の検索結果 (氏名・生年月日など) の表示' : '住民記録 (氏名・生年月日・続柄・住所・世帯) の閲覧';
  return `${shown}: 福祉の業務として`;
}

const RESTRICTION = '不開示 (個人情報保護法第78条): ';

/** The purpose of a restriction, with the privacy officer's reason. */
export function restrictionPurpose(reason: string): string {
  return `${RESTRICTION}${reason}`;
}

export function restrictionReason(purpose: string): string {
  return purpose.startsWith(RESTRICTION) ? purpose.slice(RESTRICTION.length) : purpose;
}

const FIELD = /^(Person|Household)\.[A-Za-z]+$/;

/** Entries written before purposes were readable recorded the field name: they read like the new ones. */
export function readablePurpose(stored: string, sector: string | null, status: string, basis: string | null): string {
  return sector !== null && FIELD.test(stored) ? decisionPurpose(stored, sector, status, basis) : stored;
}
