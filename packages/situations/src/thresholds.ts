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
  /**
   * ヤングケアラー: a member under this age (18 by default). Since 2024 the law (子ども・若者育成支援推進法2条7号) also counts
   * young adults who care for family, and a municipality may raise it: the recorded and the inferred rule both follow.
   */
  minorUnder: number;
  /** … and, for the inferred case, no other member within these ages free of a care need. */
  adultFrom: number;
  adultTo: number;
  /** A consultation about ひきこもり: its category or summary contains one of these. */
  hikikomoriWords: string[];
}

export const DEFAULT_THRESHOLDS: SituationThresholds = {
  elderFrom: 75,
  childFrom: 40,
  childTo: 64,
  youngChildUnder: 6,
  minorUnder: 18,
  adultFrom: 18,
  adultTo: 64,
  hikikomoriWords: ['ひきこもり', '引きこもり', '引き籠もり', 'ひき籠もり'],
};
