import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { PlanFieldsFragment } from '../../gql/graphql.js';
import { CaseErrorNote } from './case-errors.js';
import { dayInJapan } from './local-time.js';

const PROPOSE_PLAN = graphql(`
  mutation ProposePlan($caseId: ID!, $input: PlanInput!) {
    proposePlan(caseId: $caseId, input: $input) {
      id
      stage
    }
  }
`);

interface RoleRow {
  orgId: string;
  personId: string;
  task: string;
}

/** 支援プランを作成 (a coordinator): goals, 役割分担 and the review date; a new version when there is one already. */
export function PlanForm({
  caseId,
  plan,
  subjects,
  onDone,
}: {
  caseId: string;
  plan: PlanFieldsFragment | null;
  subjects: readonly { id: string; name: string }[];
  onDone(): void;
}) {
  const [goals, setGoals] = useState(() => plan?.goals.join('\n') ?? '');
  const [roles, setRoles] = useState<RoleRow[]>(() =>
    plan && plan.roles.length > 0
      ? plan.roles.map((r) => ({ orgId: r.organisation.id, personId: r.person?.id ?? '', task: r.task }))
      : [{ orgId: '', personId: '', task: '' }],
  );
  const [reviewOn, setReviewOn] = useState(() => dayInJapan(90));
  const [propose, { loading, error }] = useMutation(PROPOSE_PLAN);
  const ids = { goals: useId(), review: useId(), rows: useId() };
  const setRow = (i: number, change: Partial<RoleRow>): void => setRoles((before) => before.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const input = {
      goals: goals
        .split('\n')
        .map((g) => g.trim())
        .filter(Boolean),
      roles: roles.filter((r) => r.orgId.trim()).map((r) => ({ orgId: r.orgId.trim(), personId: r.personId || null, task: r.task })),
      reviewOn,
    };
    void propose({ variables: { caseId, input } }).then(onDone, () => undefined);
  };
  return (
    <section aria-labelledby="propose-plan-heading">
      <h3 id="propose-plan-heading">{plan ? `支援プランを改定（第${plan.version + 1}版）` : '支援プランを作成'}</h3>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.goals}>目標（1行に1つ）</label>
          <textarea id={ids.goals} value={goals} onChange={(e) => setGoals(e.target.value)} required rows={3} />
        </div>
        <fieldset>
          <legend>役割分担</legend>
          {roles.map((r, i) => (
            <div key={i} className="inline-form role-row">
              <label htmlFor={`${ids.rows}-org-${i}`}>{`役割${i + 1}の機関コード`}</label>
              <input id={`${ids.rows}-org-${i}`} value={r.orgId} onChange={(e) => setRow(i, { orgId: e.target.value })} required size={16} />
              <label htmlFor={`${ids.rows}-person-${i}`}>{`役割${i + 1}の対象`}</label>
              <select id={`${ids.rows}-person-${i}`} value={r.personId} onChange={(e) => setRow(i, { personId: e.target.value })}>
                <option value="">ケース全体</option>
                {subjects.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              <label htmlFor={`${ids.rows}-task-${i}`}>{`役割${i + 1}の内容`}</label>
              <input id={`${ids.rows}-task-${i}`} value={r.task} onChange={(e) => setRow(i, { task: e.target.value })} required />
              {roles.length > 1 && (
                <button type="button" onClick={() => setRoles((before) => before.filter((_, j) => j !== i))}>
                  {`役割${i + 1}を削除`}
                </button>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setRoles((before) => [...before, { orgId: '', personId: '', task: '' }])}>
            役割を追加
          </button>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.review}>見直しの日</label>
          <input id={ids.review} type="date" value={reviewOn} onChange={(e) => setReviewOn(e.target.value)} required />
        </div>
        <button type="submit" disabled={loading}>
          {plan ? 'プランを改定' : 'プランを作成'}
        </button>
      </form>
      <CaseErrorNote error={error} />
    </section>
  );
}
