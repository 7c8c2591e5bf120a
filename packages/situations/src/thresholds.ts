/**
 * The operational definitions of ../shared/domain/situations.md, in one place a municipality can change
 * (HUB_SITUATION_THRESHOLDS, JSON, any subset of these keys, checked by the launcher's configuration).
 */
export interface SituationThresholds {
  /** 8050: the elder is at least this old. */
  elderFrom: number;
  /** 8050: the elder's child is within these ages. */
  childFrom: number;
  childTo: number;
  /** ダブルケア: a member under this age. */
  youngChildUnder: number;
  /** ヤングケアラー: a member under this age … */
  minorUnder: number;
  /** … and, for the inferred case, no member within these ages. */
  adultFrom: number;
  adultTo: number;
  /** A consultation about ひきこもり: its category or summary contains one of these. */
  hikikomoriWords: string[];
}

export const DEFAULT_THRESHOLDS: SituationThresholds = {
  elderFrom: 75, childFrom: 40, childTo: 64, youngChildUnder: 6, minorUnder: 18, adultFrom: 18, adultTo: 64,
  hikikomoriWords: ['ひきこもり', '引きこもり', '引き籠もり', 'ひき籠もり'],
};
