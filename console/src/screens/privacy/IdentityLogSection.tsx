import { useId, useState, type FormEvent } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { ErrorNote } from '../../ui/ErrorNote.js';
import { IdentityTable } from './IdentityTable.js';
import { PeriodFields, periodVariables, type Period } from './period.js';

const IDENTITY_LOG = graphql(`
  query IdentityLog($personId: ID!, $from: DateTime, $to: DateTime) {
    identityLog(personId: $personId, from: $from, to: $to, limit: 500) {
      ...IdentityFields
    }
  }
`);

/** identityLog: who was shown this person's identity (a card, a household, a member list, a search), newest first. */
export function IdentityLogSection() {
  const [personId, setPersonId] = useState('');
  const [period, setPeriod] = useState<Period>({ from: '', to: '' });
  const [load, { data, loading, error, called }] = useLazyQuery(IDENTITY_LOG, { fetchPolicy: 'network-only' });
  const id = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void load({ variables: { personId: personId.trim(), ...periodVariables(period) } }).catch(() => undefined);
  };
  return (
    <section aria-labelledby="identity-log-heading">
      <h2 id="identity-log-heading">識別情報の閲覧記録</h2>
      <p className="muted">住民の氏名・住所などが、誰に、いつ、どの操作（閲覧・検索）で表示されたか。</p>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={id}>宛名番号</label>
        <input id={id} value={personId} onChange={(e) => setPersonId(e.target.value)} required inputMode="numeric" autoComplete="off" />
        <PeriodFields value={period} onChange={setPeriod} />
        <button type="submit" disabled={loading}>
          識別情報の閲覧記録を表示
        </button>
      </form>
      <ErrorNote error={error} />
      {called && data && (
        <>
          <p role="status">{data.identityLog.length}件</p>
          {data.identityLog.length > 0 && <IdentityTable rows={data.identityLog} caption="識別情報の閲覧（新しい順）" />}
        </>
      )}
    </section>
  );
}
