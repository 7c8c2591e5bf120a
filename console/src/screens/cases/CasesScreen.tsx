import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { CaseStage } from '../../gql/graphql.js';
import { CASE_STAGES, CASE_STAGE_LABEL, INTAKE_ROUTE_LABEL, dateJa, dateTimeJa, label } from '../../labels.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';
import { caseTitle } from './case-title.js';
import { ReferralsToMe } from './ReferralsToMe.js';

const MY_CASES = graphql(`
  query MyCases($stage: CaseStage) {
    myCases(stage: $stage) {
      id
      stage
      route
      openedAt
      withoutConsent
      subjects {
        id
        name
      }
      plan {
        version
        reviewOn
      }
      leadOrganisation {
        id
        name
      }
    }
  }
`);

/** ケース: the work list, the cases in which the viewer's organisation has a role (every case for a coordinator). */
export default function CasesScreen() {
  const [stage, setStage] = useState<CaseStage | ''>('');
  const { data, loading, error } = useQuery(MY_CASES, { variables: { stage: stage || null }, fetchPolicy: 'cache-and-network' });
  const id = useId();
  const cases = data?.myCases ?? [];
  return (
    <>
      <h1>ケース</h1>
      <section aria-labelledby="my-cases-heading">
        <h2 id="my-cases-heading">担当するケース</h2>
        <p className="muted">自機関が支援プランで役割を持つケース、または主担当のケースです（コーディネーターはすべてのケース）。</p>
        <div className="inline-form">
          <label htmlFor={id}>段階</label>
          <select id={id} value={stage} onChange={(e) => setStage(e.target.value as CaseStage | '')}>
            <option value="">すべて</option>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s}>
                {CASE_STAGE_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <ErrorNote error={error} />
        {loading && !data ? (
          <Loading what="ケース" />
        ) : cases.length === 0 ? (
          <p role="status">該当するケースはありません。</p>
        ) : (
          <>
            <p role="status">{cases.length}件</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">ケース</th>
                  <th scope="col">段階</th>
                  <th scope="col">受付経路</th>
                  <th scope="col">受付日時</th>
                  <th scope="col">次の見直し</th>
                  <th scope="col">主担当</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/cases/${encodeURIComponent(c.id)}`}>{caseTitle(c)}</Link>
                    </th>
                    <td>{label(CASE_STAGE_LABEL, c.stage)}</td>
                    <td>
                      {label(INTAKE_ROUTE_LABEL, c.route)}
                      {c.withoutConsent && '（本人同意なし）'}
                    </td>
                    <td>{dateTimeJa(c.openedAt)}</td>
                    <td>{c.plan ? dateJa(c.plan.reviewOn) : '—'}</td>
                    <td>{c.leadOrganisation?.name ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <ReferralsToMe />
    </>
  );
}
