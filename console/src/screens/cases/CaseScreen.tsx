import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql/index.js';
import { CASE_STAGE_LABEL, CASE_VISIBILITY_LABEL, INTAKE_ROUTE_LABEL, dateTimeJa, label } from '../../labels.js';
import { hasRole, useSession } from '../../session/SessionContext.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';
import { caseTitle } from './case-title.js';
import { StageSteps } from './StageSteps.js';
import { PlanSection } from './PlanSection.js';
import { DecisionsSection } from './DecisionsSection.js';
import { ContactsSection } from './ContactsSection.js';
import { CaseActions } from './CaseActions.js';

const CASE = graphql(`
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id
      stage
      route
      openedAt
      closedAt
      summary
      visibility
      withoutConsent
      consent {
        id
        status
        recipientOrgs
      }
      subjects {
        id
        name
      }
      leadOrganisation {
        id
        name
      }
      returnedTo {
        id
        name
      }
      referral {
        id
        reason
        from {
          id
          name
        }
      }
      assessment {
        issues
        summary
        recordedAt
        recordedBy
      }
      plan {
        ...PlanFields
      }
      decisions {
        ...DecisionFields
      }
      contacts {
        ...ContactFields
      }
      participations {
        id
        state
        startedAt
        endedAt
        host {
          id
          name
        }
        person {
          id
          name
        }
        followUps {
          ...ContactFields
        }
      }
    }
    issueCodes {
      code
      label
    }
  }
`);

/** One case: its stage, plan, decisions and contacts as this viewer may see them, and what the viewer may do next. */
export default function CaseScreen() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const { data, loading, error, refetch } = useQuery(CASE, { variables: { id }, fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading what="ケース" />;
  const c = data?.case;
  if (!c) {
    return (
      <>
        <h1>ケース</h1>
        <ErrorNote error={error} />
        {!error && <p>このケースは表示できません（存在しないか、閲覧できません）。</p>}
        <p>
          <Link to="/cases">担当するケースの一覧へ</Link>
        </p>
      </>
    );
  }
  const issueLabel = new Map((data?.issueCodes ?? []).map((i) => [i.code, i.label]));
  return (
    <>
      <h1>{caseTitle(c)}</h1>
      <p>
        <Link to="/cases">担当するケースの一覧へ</Link>
      </p>
      <ErrorNote error={error} />
      <StageSteps stage={c.stage} />
      <dl className="facts">
        <dt>段階</dt>
        <dd>{label(CASE_STAGE_LABEL, c.stage)}</dd>
        <dt>受付</dt>
        <dd>
          {label(INTAKE_ROUTE_LABEL, c.route)}、{dateTimeJa(c.openedAt)}
          {c.referral && `（${c.referral.from.name}からのつなぎ：${c.referral.reason}）`}
        </dd>
        <dt>対象者</dt>
        <dd>{c.subjects.map((s) => `${s.name}（宛名番号 ${s.id}）`).join('、') || '対象者未特定'}</dd>
        <dt>同意</dt>
        <dd>
          {c.withoutConsent
            ? '本人同意なし（支援会議のもとで支援）'
            : c.consent
              ? `申込票の同意あり（同意番号 ${c.consent.id}）`
              : '申込票の同意あり'}
        </dd>
        <dt>主担当</dt>
        <dd>{c.leadOrganisation?.name ?? '—'}</dd>
        {c.closedAt && (
          <>
            <dt>終結</dt>
            <dd>
              {dateTimeJa(c.closedAt)}
              {c.returnedTo && `、${c.returnedTo.name}へつなぎ戻し`}
            </dd>
          </>
        )}
        <dt>受付時の記録</dt>
        <dd>{c.summary ?? (c.visibility === 'SUMMARY' ? '（表示できません）' : '—')}</dd>
        <dt>表示の範囲</dt>
        <dd>{label(CASE_VISIBILITY_LABEL, c.visibility)}</dd>
      </dl>
      <section aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">アセスメント</h2>
        {c.assessment ? (
          <>
            <p>課題：{c.assessment.issues.map((i) => issueLabel.get(i) ?? i).join('、') || '—'}</p>
            <p>{c.assessment.summary}</p>
            <p className="muted">
              記録：{c.assessment.recordedBy} {dateTimeJa(c.assessment.recordedAt)}
            </p>
          </>
        ) : (
          <p>記録はありません（または表示できません）。</p>
        )}
      </section>
      <PlanSection plan={c.plan ?? null} />
      <DecisionsSection decisions={c.decisions} notesShown={c.visibility !== 'SUMMARY'} />
      <ContactsSection contacts={c.contacts} participations={c.participations} />
      <CaseActions caseItem={c} issueCodes={data?.issueCodes ?? []} coordinator={hasRole(session, 'coordinator')} onDone={() => void refetch()} />
    </>
  );
}
