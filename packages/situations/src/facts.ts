/**
 * What the situation rules need of one sector about one person, and nothing more: periods, consultation
 * dates with their text, case flags. Each sector subgraph gives it only on a granted decision.
 */
export interface SituationFacts {
  /**
   * kaigo: one per certification, kind = the CareLevel (SUPPORT_1 … CARE_5, PROGRAM_ELIGIBLE, NON_APPLICABLE, PENDING), in
   * the order of RIREKI_NO: the current certification is the last whose period covers the day (kaigo.md);
   * shogai: TECHO (手帳: issued → valid until), JUKYUSHA (受給者証), and for a 受給者証 with a 障害支援区分 a period whose
   * kind is the 区分 as the source writes it (非該当, 区分1 … 区分6), oldest first: the current 区分 is the last covering the day.
   */
  periods: { kind: string; from: string | null; until: string | null }[];
  /** Consultations: date, whether open (not 終結/中断), and category and summary as text. */
  consultations: { date: string; open: boolean; text: string }[];
  /**
   * kodomo cases: youngCarer = flagged youngCarerConcern or of category ヤングケアラー支援; youtaikyo = registered with the
   * 要保護児童対策地域協議会, which the kodomo subgraph drops before the facts leave it unless the decision releases such a
   * case (the contract's access rule 4, packages/policy). The rules themselves never read it.
   */
  cases: { openedOn: string; closedOn: string | null; open: boolean; youngCarer: boolean; youtaikyo?: boolean }[];
}

export const noFacts = (): SituationFacts => ({ periods: [], consultations: [], cases: [] });
