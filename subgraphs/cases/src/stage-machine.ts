/**
 * The stages of a 多機関協働 case and the only steps between them (cases.md, "The flow"; seeds 000:1764-1825):
 *
 *   INTAKE ─assessment─▶ ASSESSMENT ─plan─▶ PLANNING ─PLAN_APPROVED─▶ ACTIVE ─EVALUATED─▶ MONITORING ─CLOSURE_APPROVED─▶ CLOSED
 *
 * A plan may be revised (a new version) from ACTIVE or MONITORING and approved again (back to ACTIVE). Every step that
 * is not one of these is refused with the step that is missing, so the worker knows what to do next.
 */

export const STAGES = ['INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'MONITORING', 'CLOSED'] as const;
export type Stage = (typeof STAGES)[number];

export const DECISION_KINDS = ['PLAN_APPROVED', 'EVALUATED', 'CLOSURE_APPROVED', 'PARTICIPATION_NEEDED', 'OUTREACH_PLANNED'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The decisions only a 重層的支援会議 takes, and only about a case with consent. */
export const JUSOU_DECISIONS: ReadonlySet<DecisionKind> = new Set(['PLAN_APPROVED', 'EVALUATED', 'CLOSURE_APPROVED', 'PARTICIPATION_NEEDED']);

/** What the machine needs to know of a case. */
export interface CaseState {
  stage: Stage;
  /** The newest plan version, if any, and whether it is approved. */
  plan: { version: number; approved: boolean } | null;
  /** The 主担当, if one is set already. */
  leadOrgId: string | null;
}

/** A step refused: the input field at fault and what is missing, for BAD_USER_INPUT. */
export class StepRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type Step = { kind: 'ASSESSMENT' } | { kind: 'PLAN' } | { kind: 'DECISION'; decision: DecisionKind; leadOrgId: string | null };

/** The stage after the step, or StepRefused naming what is missing. */
export function nextStage(state: CaseState, step: Step): Stage {
  const { stage } = state;
  if (stage === 'CLOSED') throw new StepRefused('caseId', 'The case is closed (終結): open a new case for new work');
  switch (step.kind) {
    case 'ASSESSMENT':
      // The first assessment moves the case on; a later one (再アセスメント) keeps its stage.
      return stage === 'INTAKE' ? 'ASSESSMENT' : stage;
    case 'PLAN':
      if (stage === 'INTAKE') throw new StepRefused('caseId', 'Record an assessment (recordAssessment) before proposing a plan');
      // A new version in ACTIVE or MONITORING is a revision: the case keeps its stage until the revision is approved.
      return stage === 'ASSESSMENT' ? 'PLANNING' : stage;
    case 'DECISION':
      return afterDecision(state, step.decision, step.leadOrgId);
  }
}

function afterDecision(state: CaseState, decision: DecisionKind, leadOrgId: string | null): Stage {
  const { stage, plan } = state;
  switch (decision) {
    case 'PLAN_APPROVED':
      if (stage === 'INTAKE') throw new StepRefused('input.kind', 'Record an assessment and propose a plan before approving one');
      if (!plan || stage === 'ASSESSMENT') throw new StepRefused('input.kind', 'Propose a plan (proposePlan) before approving one');
      if (plan.approved) throw new StepRefused('input.kind', `Plan version ${plan.version} is approved already: propose a revision to approve again`);
      return 'ACTIVE';
    case 'EVALUATED':
      if (stage !== 'ACTIVE' && stage !== 'MONITORING')
        throw new StepRefused('input.kind', 'Only an approved plan (ACTIVE) can be evaluated: approve the plan first (PLAN_APPROVED)');
      return 'MONITORING';
    case 'CLOSURE_APPROVED':
      if (stage !== 'MONITORING') {
        throw new StepRefused(
          'input.kind',
          stage === 'ACTIVE'
            ? 'Evaluate the plan (EVALUATED) before closing the case'
            : 'A case closes only after its plan is approved and evaluated (PLAN_APPROVED, then EVALUATED)',
        );
      }
      if (!leadOrgId && !state.leadOrgId)
        throw new StepRefused('input.leadOrgId', 'Name the 主担当 organisation that carries on after closure (leadOrgId)');
      return 'CLOSED';
    case 'PARTICIPATION_NEEDED':
      if (stage === 'INTAKE') throw new StepRefused('input.kind', 'Record an assessment before deciding on 参加支援');
      return stage;
    case 'OUTREACH_PLANNED':
      return stage;
  }
}

/** The meeting kind a decision must be taken in. */
export function meetingKindFor(decision: DecisionKind): 'JUSOU_SHIEN_KAIGI' | 'SHIEN_KAIGI' {
  return JUSOU_DECISIONS.has(decision) ? 'JUSOU_SHIEN_KAIGI' : 'SHIEN_KAIGI';
}

export const PARTICIPATION_STATES = ['MATCHED', 'ACTIVE', 'SETTLED', 'ENDED'] as const;
export type ParticipationState = (typeof PARTICIPATION_STATES)[number];

/** 参加支援: MATCHED → ACTIVE (the first follow-up) → SETTLED (定着) or ENDED; an ended participation stays ended. */
export function participationAfter(state: ParticipationState, step: 'FOLLOW_UP' | 'SETTLED' | 'ENDED'): ParticipationState {
  const ended = state === 'SETTLED' || state === 'ENDED';
  if (step === 'FOLLOW_UP') return state === 'MATCHED' ? 'ACTIVE' : state;
  if (ended) throw new StepRefused('id', `The participation is ${state} already`);
  return step;
}
