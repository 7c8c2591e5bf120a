// The console's words for the graph's codes: a case worker reads labels, never enum names.

import type { Sector } from './gql/graphql.js';

export type SectorCode = Sector;

/**
 * Every sector of the client schema (its Sector enum, through codegen), in the hub's order. Typed by the enum, so that a
 * sector added to the hub (README, "Adding a sector") stops the console's build until it has its label here, instead of
 * being left out of the consent form and the household card without a word.
 */
export const SECTOR_LABEL: Readonly<Record<Sector, string>> = { KAIGO: '介護', SHOGAI: '障害', KODOMO: '子ども', KONKYU: '困窮' };
export const SECTORS = Object.keys(SECTOR_LABEL) as readonly Sector[];

/** The exact words of a household card's cells (issue 17, item 2): tests and screen readers find them by these. */
export function accessLabel(status: string, basis: string | null | undefined): string {
  if (status !== 'GRANTED') return '閲覧不可';
  switch (basis) {
    case 'OWN_SECTOR':
      return '閲覧可（自分野）';
    case 'CONSENT':
      return '閲覧可（同意）';
    case 'SUPPORT_MEETING':
      return '閲覧可（支援会議）';
    default:
      return '閲覧可';
  }
}

export const SITUATION_LABEL: Record<string, string> = {
  EIGHTY_FIFTY: '8050',
  DOUBLE_CARE: 'ダブルケア',
  YOUNG_CARER: 'ヤングケアラー',
  MULTI_SECTOR: '複数分野',
};

export const CARE_LEVEL_LABEL: Record<string, string> = {
  NON_APPLICABLE: '非該当',
  PROGRAM_ELIGIBLE: '事業対象者',
  SUPPORT_1: '要支援1',
  SUPPORT_2: '要支援2',
  CARE_1: '要介護1',
  CARE_2: '要介護2',
  CARE_3: '要介護3',
  CARE_4: '要介護4',
  CARE_5: '要介護5',
  PENDING: '申請中',
};

export const CERTIFICATE_LABEL: Record<string, string> = { PHYSICAL: '身体障害者手帳', INTELLECTUAL: '療育手帳', MENTAL: '精神障害者保健福祉手帳' };
export const CASE_STATUS_LABEL: Record<string, string> = { OPEN: '継続中', CLOSED: '終結' };
export const MEETING_KIND_LABEL: Record<string, string> = {
  SHIEN_KAIGI: '支援会議（社会福祉法106条の6）',
  JUSOU_SHIEN_KAIGI: '重層的支援会議',
  YOUTAIKYO: '要保護児童対策地域協議会 個別ケース検討会議',
};
export const MEETING_ROLE_LABEL: Record<string, string> = { FULL: '構成員', SUBMIT_ONLY: '情報提供のみ' };
export const CONSENT_METHOD_LABEL: Record<string, string> = { WRITTEN: '書面', ORAL: '口頭' };
export const CONSENT_STATUS_LABEL: Record<string, string> = { ACTIVE: '有効', REVOKED: '撤回済み' };
export const BASIS_LABEL: Record<string, string> = { OWN_SECTOR: '自分野', CONSENT: '同意', SUPPORT_MEETING: '支援会議' };
export const STATUS_LABEL: Record<string, string> = { GRANTED: '許可', DENIED: '不許可' };
export const SOURCE_LABEL: Record<string, string> = {
  JUKI: '住民記録',
  KAIGO: '介護保険',
  SHOGAI: '障害福祉',
  KODOMO: 'こども家庭センター',
  KONKYU: '生活困窮',
};
export const READ_STATE_LABEL: Record<string, string> = {
  applied: '取込済み',
  ok: '正常',
  degraded: '一部不良',
  truncated: '途中で切れている',
  rejected: '却下',
  failed: '失敗',
  skipped: '対象外',
  held: '保留',
  unchanged: '変更なし',
};
export const GROUPING_LABEL: Record<string, string> = { DISTRICT: '地区', AGE_BAND: '最年長者の年齢帯' };
export const LINK_STATE_LABEL: Record<string, string> = { QUEUED: '候補あり', UNMATCHED: '候補なし' };
export const LINK_FIELD_LABEL: Record<string, string> = {
  kana: 'カナ氏名',
  name: '氏名',
  birthDate: '生年月日',
  sex: '性別',
  address: '住所',
  district: '地区',
};
export const ROLE_LABEL: Record<string, string> = {
  admin: '運用管理者',
  coordinator: 'コーディネーター',
  analyst: '分析担当',
  privacy_officer: '個人情報保護担当',
  protection_officer: '支援措置担当',
};

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (code == null) return '—';
  return map[code] ?? code;
}

/** yyyy-mm-dd → 2026年11月27日 */
export function dateJa(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** An instant in Japan's time, to the minute. */
export function dateTimeJa(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

// Case work (cases.md).
export const CASE_STAGES = ['INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'MONITORING', 'CLOSED'] as const;
export const CASE_STAGE_LABEL: Record<string, string> = {
  INTAKE: '相談受付',
  ASSESSMENT: 'アセスメント',
  PLANNING: 'プラン作成',
  ACTIVE: '支援の実施',
  MONITORING: 'モニタリング',
  CLOSED: '終結',
};
export const INTAKE_ROUTE_LABEL: Record<string, string> = {
  WINDOW: '窓口',
  REFERRAL: 'つなぎ',
  OUTREACH: 'アウトリーチ',
  CONCERN: '気になる情報',
  OTHER: 'その他',
};
export const REFERRAL_STATE_LABEL: Record<string, string> = { SENT: '受付待ち', ACCEPTED: '受付済み', DECLINED: '辞退' };
export const DECISION_KIND_LABEL: Record<string, string> = {
  PLAN_APPROVED: 'プランの承認',
  EVALUATED: '支援の評価',
  CLOSURE_APPROVED: '終結の承認',
  PARTICIPATION_NEEDED: '参加支援が必要',
  OUTREACH_PLANNED: 'アウトリーチの計画',
};
export const CONTACT_KIND_LABEL: Record<string, string> = {
  VISIT: '訪問',
  PHONE: '電話',
  LETTER: '手紙',
  ACCOMPANY: '同行支援',
  MEETING: '面談',
  OTHER: 'その他',
};
export const PARTICIPATION_STATE_LABEL: Record<string, string> = { MATCHED: '受入先決定', ACTIVE: '参加中', SETTLED: '定着', ENDED: '終了' };
export const CASE_VISIBILITY_LABEL: Record<string, string> = {
  FULL: 'すべて（コーディネーター・主担当）',
  MEMBER: '担当する世帯員の記録まで',
  SUMMARY: '段階・目標・役割分担のみ',
};
export const CONSENT_FLAG_LABEL: Record<string, string> = {
  GUARDIAN_UNVERIFIED: '代理人を住民記録で確認できない',
  NO_EVIDENCE: '証跡なし',
  SELF_RECIPIENT: '記録した機関が提供先に含まれる',
};
export const IDENTITY_ACTION_LABEL: Record<string, string> = { READ: '閲覧', SEARCH: '検索結果に表示' };
/** The bases of a case read (caseAccessLog). */
export const CASE_BASIS_LABEL: Record<string, string> = {
  COORDINATOR: 'コーディネーター',
  LEAD: '主担当',
  PLAN_ROLE: 'プランの役割',
  REFERRAL: 'つなぎの当事者',
  SUPPORT_MEETING: '支援会議',
};
