import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { REFERRAL_STATE_LABEL, dateTimeJa, label } from '../../labels.js';
import { CaseErrorNote } from './case-errors.js';

const REFERRALS_FROM_ME = graphql(`
  query ReferralsFromMe {
    referralsFromMe {
      id
      reason
      state
      sentAt
      declineReason
      to {
        id
        name
      }
      subjects {
        id
        name
      }
    }
  }
`);

const REFER = graphql(`
  mutation Refer($input: ReferralInput!) {
    refer(input: $input) {
      id
      state
    }
  }
`);

/** つなぎ: a referral to another organisation (the 多機関協働 team, JUSOU-SUISHIN in the demo), and those sent so far. */
export function ReferForm() {
  const sent = useQuery(REFERRALS_FROM_ME, { fetchPolicy: 'cache-and-network' });
  const [subjects, setSubjects] = useState('');
  const [toOrgId, setToOrgId] = useState('');
  const [reason, setReason] = useState('');
  const [refer, { loading, error, data }] = useMutation(REFER);
  const ids = { subjects: useId(), to: useId(), reason: useId() };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const input = { subjectPersonIds: subjects.split(/[,、\s]+/).filter(Boolean), toOrgId: toOrgId.trim(), reason };
    void refer({ variables: { input } }).then(
      () => {
        setReason('');
        void sent.refetch();
      },
      () => undefined,
    );
  };
  const list = sent.data?.referralsFromMe ?? [];
  return (
    <section aria-labelledby="refer-heading">
      <h2 id="refer-heading">つなぎ（他機関への紹介）</h2>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.subjects}>つなぐ人の宛名番号（複数は「,」区切り）</label>
          <input id={ids.subjects} value={subjects} onChange={(e) => setSubjects(e.target.value)} required inputMode="numeric" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>つなぎ先の機関コード</label>
          <input id={ids.to} value={toOrgId} onChange={(e) => setToOrgId(e.target.value)} required placeholder="JUSOU-SUISHIN" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={ids.reason}>つなぐ理由</label>
          <textarea id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} />
        </div>
        <button type="submit" disabled={loading}>
          つなぎを送る
        </button>
      </form>
      {data && !error && <p role="status">つなぎを送りました。</p>}
      <CaseErrorNote error={error} />
      {list.length > 0 && (
        <table>
          <caption>送ったつなぎ（新しい順）</caption>
          <thead>
            <tr>
              <th scope="col">対象者</th>
              <th scope="col">つなぎ先</th>
              <th scope="col">送った日時</th>
              <th scope="col">状態</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.subjects.map((s) => s.name).join('・')}</th>
                <td>{r.to.name}</td>
                <td>{dateTimeJa(r.sentAt)}</td>
                <td>
                  {label(REFERRAL_STATE_LABEL, r.state)}
                  {r.declineReason && `（${r.declineReason}）`}
                </td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
