import { useId, useState, type FormEvent } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { BASIS_LABEL, SECTOR_LABEL, STATUS_LABEL, dateTimeJa, label } from '../../labels.js';
import { ErrorNote } from '../../ui/ErrorNote.js';
import { LogTable } from '../../ui/LogTable.js';

const ACCESS_LOG = graphql(`
  query AccessLog($personId: ID!, $from: DateTime, $to: DateTime) {
    accessLog(personId: $personId, from: $from, to: $to, limit: 500) {
      at
      staffId
      orgId
      sector
      status
      basis
      reference
    }
  }
`);

/** 本人開示 of the sectors: who saw or was refused what about a person. */
export function AccessLogSection() {
  const [personId, setPersonId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [load, { data, loading, error, called }] = useLazyQuery(ACCESS_LOG, { fetchPolicy: 'network-only' });
  const ids = { person: useId(), from: useId(), to: useId() };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void load({
      variables: {
        personId: personId.trim(),
        from: from ? new Date(`${from}T00:00:00+09:00`).toISOString() : null,
        to: to ? new Date(`${to}T23:59:59.999+09:00`).toISOString() : null,
      },
    }).catch(() => undefined);
  };
  return (
    <section aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">住民ごとの閲覧記録（本人開示）</h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={ids.person}>宛名番号</label>
        <input id={ids.person} value={personId} onChange={(e) => setPersonId(e.target.value)} required />
        <label htmlFor={ids.from}>期間の開始</label>
        <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={ids.to}>期間の終了</label>
        <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" disabled={loading}>
          閲覧記録を表示
        </button>
      </form>
      <ErrorNote error={error} />
      {called && data && (
        <>
          <p role="status">{data.accessLog.length}件</p>
          {data.accessLog.length > 0 && (
            <LogTable
              rows={data.accessLog}
              rowKey={(r, i) => `${r.at}-${i}`}
              columns={[
                { header: '日時', cell: (r) => dateTimeJa(r.at) },
                { header: '職員', cell: (r) => r.staffId },
                { header: '機関', cell: (r) => r.orgId },
                { header: '分野', cell: (r) => label(SECTOR_LABEL, r.sector) },
                { header: '判断', cell: (r) => label(STATUS_LABEL, r.status) },
                { header: '根拠', cell: (r) => label(BASIS_LABEL, r.basis) },
                { header: '参照', cell: (r) => r.reference ?? '—' },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
