import { useId, useState, type FormEvent } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { CASE_BASIS_LABEL, STATUS_LABEL, dateTimeJa, label } from '../../labels.js';
import { ErrorNote } from '../../ui/ErrorNote.js';
import { LogTable } from '../../ui/LogTable.js';

const CASE_ACCESS_LOG = graphql(`
  query CaseAccessLog($personId: ID!) {
    caseAccessLog(personId: $personId, limit: 500) {
      id
      at
      staffId
      orgId
      status
      basis
      purpose
      reference
    }
  }
`);

/** caseAccessLog: who read the 多機関協働 cases about a person, when, and on what basis (newest first). */
export function CaseAccessSection() {
  const [personId, setPersonId] = useState('');
  const [load, { data, loading, error, called }] = useLazyQuery(CASE_ACCESS_LOG, { fetchPolicy: 'network-only' });
  const id = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void load({ variables: { personId: personId.trim() } }).catch(() => undefined);
  };
  const rows = data?.caseAccessLog ?? [];
  return (
    <section aria-labelledby="case-access-heading">
      <h2 id="case-access-heading">ケースの閲覧記録</h2>
      <p className="muted">住民についての多機関協働のケース・つなぎを、誰が、いつ、どの根拠で見たか。</p>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={id}>宛名番号</label>
        <input id={id} value={personId} onChange={(e) => setPersonId(e.target.value)} required inputMode="numeric" autoComplete="off" />
        <button type="submit" disabled={loading}>
          ケースの閲覧記録を表示
        </button>
      </form>
      <ErrorNote error={error} />
      {called && data && (
        <>
          <p role="status">{rows.length}件</p>
          {rows.length > 0 && (
            <LogTable
              caption="ケースの閲覧（新しい順）"
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                { header: '日時', cell: (r) => dateTimeJa(r.at) },
                { header: '職員', cell: (r) => r.staffId },
                { header: '機関', cell: (r) => r.orgId },
                { header: '判断', cell: (r) => label(STATUS_LABEL, r.status) },
                { header: '根拠', cell: (r) => label(CASE_BASIS_LABEL, r.basis) },
                { header: '目的', cell: (r) => r.purpose },
                { header: 'ケース・つなぎ', cell: (r) => r.reference ?? '—' },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
