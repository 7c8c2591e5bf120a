/**
 * What the situation rules need of one sector about one person, and nothing more: periods, consultation
 * dates with their text, case flags. Each sector subgraph gives it only on a granted decision.
 */
export interface SituationFacts {
  /**
   * kaigo: one per certification, kind = the CareLevel (SUPPORT_1 … CARE_5, PROGRAM_ELIGIBLE, NON_APPLICABLE, PENDING);
   * shogai: TECHO (手帳: issued → valid until), JUKYUSHA (受給者証) and SHIEN_KUBUN (a 受給者証 with a 障害支援区分).
   */
  periods: { kind: string; from: string | null; until: string | null }[];
  /** Consultations: date, whether open (not 終結/中断), and category and summary as text. */
  consultations: { date: string; open: boolean; text: string }[];
  /** kodomo cases: youngCarer = flagged youngCarerConcern or of category ヤングケアラー支援. */
  cases: { openedOn: string; closedOn: string | null; open: boolean; youngCarer: boolean }[];
}

export const noFacts = (): SituationFacts => ({ periods: [], consultations: [], cases: [] });
