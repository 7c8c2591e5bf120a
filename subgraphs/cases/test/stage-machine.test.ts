import fc from 'fast-check';
import {
  DECISION_KINDS,
  meetingKindFor,
  nextStage,
  participationAfter,
  STAGES,
  StepRefused,
  type CaseState,
  type DecisionKind,
  type Stage,
  type Step,
} from '../src/stage-machine.js';

const state = (stage: Stage, plan: CaseState['plan'] = null, leadOrgId: string | null = null): CaseState => ({ stage, plan, leadOrgId });
const decision = (d: DecisionKind, leadOrgId: string | null = null): Step => ({ kind: 'DECISION', decision: d, leadOrgId });
const refusal = (s: CaseState, step: Step): { field: string; message: string } | null => {
  try {
    nextStage(s, step);
    return null;
  } catch (e) {
    if (!(e instanceof StepRefused)) throw e;
    return { field: e.field, message: e.message };
  }
};

describe('the stage machine of a 多機関協働 case', () => {
  it("walks the contract's path: INTAKE → ASSESSMENT → PLANNING → ACTIVE → MONITORING → CLOSED", () => {
    let s = state('INTAKE');
    const walk = (step: Step, to: Stage, plan = s.plan) => {
      const next = nextStage(s, step);
      expect(next).toBe(to);
      s = state(next, plan, s.leadOrgId);
    };
    walk({ kind: 'ASSESSMENT' }, 'ASSESSMENT');
    walk({ kind: 'PLAN' }, 'PLANNING', { version: 1, approved: false });
    walk(decision('PLAN_APPROVED'), 'ACTIVE', { version: 1, approved: true });
    walk(decision('EVALUATED'), 'MONITORING');
    walk(decision('CLOSURE_APPROVED', 'KAIGO-HOKATSU'), 'CLOSED');
  });

  it('names the missing step for each shortcut', () => {
    expect(refusal(state('INTAKE'), { kind: 'PLAN' })).toEqual({ field: 'caseId', message: expect.stringContaining('recordAssessment') });
    expect(refusal(state('ASSESSMENT'), decision('PLAN_APPROVED'))).toEqual({ field: 'input.kind', message: expect.stringContaining('proposePlan') });
    expect(refusal(state('PLANNING', { version: 1, approved: false }), decision('EVALUATED'))).toEqual({
      field: 'input.kind',
      message: expect.stringContaining('PLAN_APPROVED'),
    });
    expect(refusal(state('ACTIVE', { version: 1, approved: true }), decision('CLOSURE_APPROVED', 'X'))).toEqual({
      field: 'input.kind',
      message: expect.stringContaining('EVALUATED'),
    });
    expect(refusal(state('MONITORING', { version: 1, approved: true }), decision('CLOSURE_APPROVED'))).toEqual({
      field: 'input.leadOrgId',
      message: expect.stringContaining('主担当'),
    });
    expect(refusal(state('ACTIVE', { version: 1, approved: true }), decision('PLAN_APPROVED'))).toEqual({
      field: 'input.kind',
      message: expect.stringContaining('revision'),
    });
    expect(refusal(state('INTAKE'), decision('PARTICIPATION_NEEDED'))).toEqual({
      field: 'input.kind',
      message: expect.stringContaining('assessment'),
    });
  });

  it('takes a 主担当 named earlier at closure, and approves a revision from ACTIVE or MONITORING back to ACTIVE', () => {
    expect(nextStage(state('MONITORING', { version: 1, approved: true }, 'KONKYU-SHAKYO'), decision('CLOSURE_APPROVED'))).toBe('CLOSED');
    for (const stage of ['ACTIVE', 'MONITORING'] as const) {
      expect(nextStage(state(stage, { version: 1, approved: true }), { kind: 'PLAN' })).toBe(stage);
      expect(nextStage(state(stage, { version: 2, approved: false }), decision('PLAN_APPROVED'))).toBe('ACTIVE');
    }
  });

  it("never moves a closed case, never moves backwards except a revision's approval, and never skips a stage (property)", () => {
    const steps = fc.oneof(
      fc.constant<Step>({ kind: 'ASSESSMENT' }),
      fc.constant<Step>({ kind: 'PLAN' }),
      fc.record({
        kind: fc.constant('DECISION' as const),
        decision: fc.constantFrom(...DECISION_KINDS),
        leadOrgId: fc.option(fc.constant('ORG'), { nil: null }),
      }),
    );
    const states = fc.record({
      stage: fc.constantFrom(...STAGES),
      plan: fc.option(fc.record({ version: fc.integer({ min: 1, max: 5 }), approved: fc.boolean() }), { nil: null }),
      leadOrgId: fc.option(fc.constant('LEAD'), { nil: null }),
    });
    fc.assert(
      fc.property(states, steps, (s, step) => {
        const r = refusal(s, step);
        if (s.stage === 'CLOSED') return expect(r).not.toBeNull();
        if (r) return;
        const to = nextStage(s, step);
        const from = STAGES.indexOf(s.stage);
        const at = STAGES.indexOf(to);
        const revisionApproved = step.kind === 'DECISION' && step.decision === 'PLAN_APPROVED' && to === 'ACTIVE';
        expect(at === from || at === from + 1 || (revisionApproved && s.stage === 'MONITORING') || (revisionApproved && s.stage === 'PLANNING')).toBe(
          true,
        );
        if (to === 'CLOSED') expect(step.kind === 'DECISION' && step.decision === 'CLOSURE_APPROVED' && (step.leadOrgId || s.leadOrgId)).toBeTruthy();
        if (to === 'ACTIVE' && s.stage !== 'ACTIVE') expect(step).toMatchObject({ decision: 'PLAN_APPROVED' });
      }),
      { numRuns: 2000, seed: 16 },
    );
  });

  it('sends plan, evaluation, closure and participation to a 重層的支援会議, outreach to a 支援会議', () => {
    expect(DECISION_KINDS.map((k) => [k, meetingKindFor(k)])).toEqual([
      ['PLAN_APPROVED', 'JUSOU_SHIEN_KAIGI'],
      ['EVALUATED', 'JUSOU_SHIEN_KAIGI'],
      ['CLOSURE_APPROVED', 'JUSOU_SHIEN_KAIGI'],
      ['PARTICIPATION_NEEDED', 'JUSOU_SHIEN_KAIGI'],
      ['OUTREACH_PLANNED', 'SHIEN_KAIGI'],
    ]);
  });

  it('runs a participation MATCHED → ACTIVE → SETTLED or ENDED, with follow-ups after, and ends it once', () => {
    expect(participationAfter('MATCHED', 'FOLLOW_UP')).toBe('ACTIVE');
    expect(participationAfter('ACTIVE', 'FOLLOW_UP')).toBe('ACTIVE');
    expect(participationAfter('MATCHED', 'ENDED')).toBe('ENDED');
    expect(participationAfter('ACTIVE', 'SETTLED')).toBe('SETTLED');
    expect(participationAfter('SETTLED', 'FOLLOW_UP')).toBe('SETTLED');
    expect(() => participationAfter('SETTLED', 'ENDED')).toThrow(StepRefused);
    expect(() => participationAfter('ENDED', 'SETTLED')).toThrow(StepRefused);
  });
});
