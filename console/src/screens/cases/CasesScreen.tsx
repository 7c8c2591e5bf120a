import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { CaseStage } from '../../gql/graphql.js';
import { CASE_STAGES, CASE_STAGE_LABEL } from '../../labels.js';
import { hasRole, useSession } from '../../session/SessionContext.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';
import { CaseTable } from './CaseTable.js';
import { CaseLists } from './CaseLists.js';
import { ReferralsToMe } from './ReferralsToMe.js';
import { OpenCaseForm, type FromReferral } from './OpenCaseForm.js';
import { ReferForm } from './ReferForm.js';

const MY_CASES = graphql(`
  query MyCases($stage: CaseStage) {
    myCases(stage: $stage) {
      ...CaseRow
    }
  }
`);

/**
 * ケース: the work list (the cases in which the viewer's organisation has a role or is the 主担当, every case for a
 * coordinator; reviews due; cases returned), the referrals waiting, and the 相談受付 that opens a case (a coordinator)
 * or a referral to send (つなぎ, other staff).
 */
export default function CasesScreen() {
  const { session } = useSession();
  const coordinator = hasRole(session, 'coordinator');
  const [stage, setStage] = useState<CaseStage | ''>('');
  const [fromReferral, setFromReferral] = useState<FromReferral | null>(null);
  const { data, loading, error } = useQuery(MY_CASES, { variables: { stage: stage || null }, fetchPolicy: 'cache-and-network' });
  const id = useId();
  const cases = data?.myCases ?? [];
  return (
    <>
      <h1>ケース</h1>
      <section aria-labelledby="my-cases-heading">
        <h2 id="my-cases-heading">担当するケース</h2>
        <p className="muted">
          {coordinator ? 'すべてのケースです（コーディネーター）。' : '自機関が支援プランで役割を持つケース、または主担当のケースです。'}
        </p>
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
            <CaseTable cases={cases} />
          </>
        )}
      </section>
      <CaseLists />
      <ReferralsToMe onOpenCase={coordinator ? setFromReferral : null} />
      {coordinator && <OpenCaseForm key={fromReferral?.id ?? ''} referral={fromReferral} />}
      {!coordinator && <ReferForm />}
    </>
  );
}
