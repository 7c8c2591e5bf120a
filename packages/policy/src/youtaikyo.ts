import type { Decision } from './decision.js';

/**
 * The contract's access rule 4: a こども case the kodomo system marks registered with the 要保護児童対策地域協議会 (児童福祉法
 * 25条の2, whose members keep its own 守秘義務, 25条の5) is released only on OWN_SECTOR or through a YOUTAIKYO meeting (a
 * 個別ケース検討会議 of the council) whose subjects include the child; never on CONSENT, for the guardian who consents may be
 * the one the council protects the child from, and never through a SHIEN_KAIGI. A case whose registration the source did not
 * state counts as registered.
 *
 * The decision says whether such cases are released (Decision.releasesYoutaikyo, decided in policy.ts with the basis); these
 * apply it where kodomo data leaves its subgraph. What remains is exactly what the viewer would see of a child who never had
 * a withheld case: no count, no flag, no date, nothing derived from it.
 */
export function releasedCases<C extends { youtaikyoRegistered: boolean | null }>(cases: readonly C[], decision: Decision): C[] {
  return decision.releasesYoutaikyo === true ? [...cases] : cases.filter((c) => c.youtaikyoRegistered === false);
}

/**
 * A child's kodomo profile as the decision releases it: the cases above, and the guardians only beside a released case (or
 * on a basis that releases everything). The system keeps a child record because it holds a case about the child: guardians
 * shown beside no case would tell that the only case is withheld.
 */
export function releasedProfile<P extends { cases: readonly { youtaikyoRegistered: boolean | null }[]; guardians: readonly unknown[] }>(
  profile: P,
  decision: Decision,
): P {
  if (decision.releasesYoutaikyo === true) return profile;
  const cases = releasedCases(profile.cases, decision);
  return { ...profile, cases, guardians: cases.length > 0 ? profile.guardians : [] };
}

/** The same rule over the situation rules' facts (their cases carry `youtaikyo`, true where registered or unknown). */
export function releasedFacts<F extends { cases: readonly { youtaikyo?: boolean }[] }>(facts: F, decision: Decision): F {
  return decision.releasesYoutaikyo === true ? facts : { ...facts, cases: facts.cases.filter((c) => c.youtaikyo === false) };
}
