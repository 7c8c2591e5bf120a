import type { CaseStage, DecisionKind } from '../../gql/graphql.js';

/**
 * The decisions cases.md lets a meeting record for a case at its stage: OUTREACH_PLANNED (支援会議) before consent;
 * the others (重層的支援会議) only for a case with its consent. The hub decides anyway and says what is missing.
 */
export function decisionKindsFor(c: { stage: CaseStage; withoutConsent: boolean; planApproved: boolean }): DecisionKind[] {
  if (c.stage === 'CLOSED') return [];
  if (c.withoutConsent) return ['OUTREACH_PLANNED'];
  switch (c.stage) {
    case 'INTAKE':
    case 'ASSESSMENT':
      return ['OUTREACH_PLANNED'];
    case 'PLANNING':
      return ['PLAN_APPROVED'];
    case 'ACTIVE':
      return [...(c.planApproved ? [] : (['PLAN_APPROVED'] as const)), 'EVALUATED', 'PARTICIPATION_NEEDED'];
    case 'MONITORING':
      return [...(c.planApproved ? [] : (['PLAN_APPROVED'] as const)), 'CLOSURE_APPROVED', 'EVALUATED', 'PARTICIPATION_NEEDED'];
  }
}

/** What moves the case on from its stage, in the words of the work. */
export const NEXT_STEP: Record<CaseStage, string> = {
  INTAKE: 'アセスメントを記録すると「アセスメント」に進みます。',
  ASSESSMENT: '支援プランを作成すると「プラン作成」に進みます。',
  PLANNING: '重層的支援会議で「プランの承認」を記録すると「支援の実施」に進みます。',
  ACTIVE: '重層的支援会議で「支援の評価」を記録すると「モニタリング」に進みます。',
  MONITORING: '重層的支援会議で「終結の承認」（主担当を指定）を記録すると終結し、主担当につなぎ戻します。',
  CLOSED: 'このケースは終結しています。',
};
