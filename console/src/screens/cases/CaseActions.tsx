import type { CaseStage, PlanFieldsFragment } from '../../gql/graphql.js';
import { caseTitle } from './case-title.js';
import { ContactForm } from './ContactForm.js';
import { AssessmentForm } from './AssessmentForm.js';
import { PlanForm } from './PlanForm.js';
import { DecisionForm } from './DecisionForm.js';
import { AttachConsentForm } from './AttachConsentForm.js';
import { LeadForm } from './LeadForm.js';
import { ParticipationFollowUp, StartParticipationForm } from './ParticipationActions.js';
import { NEXT_STEP, decisionKindsFor } from './decision-kinds.js';

interface ActionCase {
  id: string;
  stage: CaseStage;
  visibility: string;
  withoutConsent: boolean;
  subjects: readonly { id: string; name: string }[];
  leadOrganisation?: { id: string } | null;
  plan?: PlanFieldsFragment | null;
  decisions: readonly { kind: string; person?: { id: string; name: string } | null }[];
  participations: readonly { id: string; state: string; person: { id: string; name: string }; host: { name: string } }[];
}

/**
 * What cases.md offers this viewer at this stage: a contact for anyone working on the case; the assessment for a
 * coordinator or the 主担当; the consent of a 【本人同意なし】 case, the plan and the meeting's decisions for a
 * coordinator. The hub decides anyway.
 */
export function CaseActions({
  caseItem: c,
  issueCodes,
  coordinator,
  onDone,
}: {
  caseItem: ActionCase;
  issueCodes: readonly { code: string; label: string }[];
  coordinator: boolean;
  onDone(): void;
}) {
  const closed = c.stage === 'CLOSED';
  const assess = (coordinator || c.visibility === 'FULL') && (c.stage === 'INTAKE' || c.stage === 'ASSESSMENT');
  const plan = coordinator && !closed && c.stage !== 'INTAKE';
  // 参加支援 starts only for a person a 重層的支援会議 decided needs it, once for each.
  const needed = c.decisions
    .filter((d) => d.kind === 'PARTICIPATION_NEEDED' && d.person)
    .map((d) => d.person!)
    .filter(
      (person, i, all) =>
        all.findIndex((x) => x.id === person.id) === i && !c.participations.some((p) => p.person.id === person.id && p.state !== 'ENDED'),
    );
  const kinds = decisionKindsFor({ stage: c.stage, withoutConsent: c.withoutConsent, planApproved: c.plan?.approved ?? false });
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">次の操作</h2>
      <p>{NEXT_STEP[c.stage]}</p>
      {!closed && <ContactForm caseId={c.id} subjects={c.subjects} onDone={onDone} />}
      {coordinator && !closed && c.withoutConsent && c.subjects[0] && <AttachConsentForm caseId={c.id} personId={c.subjects[0].id} onDone={onDone} />}
      {assess && <AssessmentForm caseId={c.id} issueCodes={issueCodes} onDone={onDone} />}
      {plan && <PlanForm key={c.plan?.version ?? 0} caseId={c.id} plan={c.plan ?? null} subjects={c.subjects} onDone={onDone} />}
      {coordinator && needed.length > 0 && !closed && <StartParticipationForm caseId={c.id} needed={needed} onDone={onDone} />}
      {c.participations.map((p) => (
        <ParticipationFollowUp key={p.id} participation={p} coordinator={coordinator} onDone={onDone} />
      ))}
      {coordinator && !closed && (
        <LeadForm key={c.leadOrganisation?.id ?? ''} caseId={c.id} current={c.leadOrganisation?.id ?? null} onDone={onDone} />
      )}
      {coordinator && kinds.length > 0 && (
        <DecisionForm key={c.stage} cases={[{ id: c.id, title: caseTitle(c), kinds, subjects: c.subjects }]} onDone={onDone} />
      )}
    </section>
  );
}
