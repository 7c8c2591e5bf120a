import { useState, type FormEvent } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { ErrorNote } from '../../ui/ErrorNote.js';
import { IdentityTable } from './IdentityTable.js';
import { PeriodFields, periodVariables, type Period } from './period.js';

const PROTECTED_READS = graphql(`
  query ProtectedReads($from: DateTime, $to: DateTime) {
    protectedReads(from: $from, to: $to, limit: 500) {
      ...IdentityFields
    }
  }
`);

/** protectedReads: every read of a resident under a 住民基本台帳 支援措置 (DV, stalking, abuse) in the period. */
export function ProtectedReadsSection() {
  const [period, setPeriod] = useState<Period>({ from: '', to: '' });
  const [load, { data, loading, error, called }] = useLazyQuery(PROTECTED_READS, { fetchPolicy: 'network-only' });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void load({ variables: periodVariables(period) }).catch(() => undefined);
  };
  return (
    <section aria-labelledby="protected-reads-heading">
      <h2 id="protected-reads-heading">支援措置対象者の閲覧</h2>
      <p className="muted">住民基本台帳の支援措置（DV・ストーカー・虐待）の対象者の閲覧すべて。</p>
      <form className="inline-form" onSubmit={submit}>
        <PeriodFields value={period} onChange={setPeriod} />
        <button type="submit" disabled={loading}>
          支援措置対象者の閲覧を表示
        </button>
      </form>
      <ErrorNote error={error} />
      {called && data && (
        <>
          <p role="status">{data.protectedReads.length}件</p>
          {data.protectedReads.length > 0 && (
            <IdentityTable rows={data.protectedReads} caption="支援措置対象者の閲覧（新しい順）" withPerson withFlags={false} />
          )}
        </>
      )}
    </section>
  );
}
