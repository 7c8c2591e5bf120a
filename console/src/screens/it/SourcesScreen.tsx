import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { SourceName } from '../../gql/graphql.js';
import { READ_STATE_LABEL, SOURCE_LABEL, dateTimeJa, label } from '../../labels.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';
import { SourceHealth } from './SourceHealth.js';

const SOURCES: SourceName[] = ['JUKI', 'KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'];

const READS = graphql(`
  query SourceReads($source: SourceName) {
    sourceReads(source: $source, limit: 20) {
      source
      name
      state
      recordsRead
      recordsRejected
      problem
      readAt
    }
    rejectedRecords(source: $source, limit: 100) {
      id
      source
      origin
      position
      field
      reason
      value
      rejectedAt
    }
  }
`);

const REPROCESS = graphql(`
  mutation Reprocess($source: SourceName!) {
    reprocessRejected(source: $source) {
      source
      resolved
      stillRejected
    }
  }
`);

/**
 * The IT officer (an admin, or a sector's own staff for their own source): each source's reads and health, the records
 * it rejected with the field, the reason and the record as the source sent it (the graph gives that raw value only to the
 * staff of the sector that owns the source: an admin sees 「表示できません」), and re-processing them after a fix (the
 * registry's, for now).
 */
export default function SourcesScreen({ sectors, admin }: { sectors: readonly string[]; admin: boolean }) {
  // An admin sees every source; a sector's staff their own sector's source (the registry, JUKI, belongs to no sector).
  const mine = admin ? SOURCES : SOURCES.filter((s) => sectors.includes(s));
  const [source, setSource] = useState<SourceName>(mine[0] ?? 'JUKI');
  const { data, loading, error, refetch } = useQuery(READS, { variables: { source }, fetchPolicy: 'cache-and-network' });
  const [reprocess, done] = useMutation(REPROCESS);
  const id = useId();
  return (
    <>
      <h1>データ取込</h1>
      <SourceHealth sources={mine} />
      <div className="inline-form">
        <label htmlFor={id}>取込元</label>
        <select id={id} value={source} onChange={(e) => setSource(e.target.value as SourceName)}>
          {mine.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <ErrorNote error={error} />
      {loading && !data && <Loading what="取込の記録" />}
      {data && (
        <>
          <section aria-labelledby="reads-heading">
            <h2 id="reads-heading">読込の記録（{SOURCE_LABEL[source]}）</h2>
            {data.sourceReads.length === 0 ? (
              <p>読込の記録はありません。</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">日時</th>
                    <th scope="col">ファイル・読込</th>
                    <th scope="col">状態</th>
                    <th scope="col">件数</th>
                    <th scope="col">却下</th>
                    <th scope="col">問題</th>
                  </tr>
                </thead>
                <tbody>
                  {data.sourceReads.map((r, i) => (
                    <tr key={`${r.readAt}-${i}`}>
                      <td>{dateTimeJa(r.readAt)}</td>
                      <th scope="row">{r.name}</th>
                      <td>{label(READ_STATE_LABEL, r.state)}</td>
                      <td>{r.recordsRead}</td>
                      <td>{r.recordsRejected}</td>
                      <td>{r.problem ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="rejected-heading">
            <h2 id="rejected-heading">却下されたレコード（{data.rejectedRecords.length}件）</h2>
            {admin && source === 'JUKI' ? (
              <button
                type="button"
                disabled={done.loading}
                onClick={() =>
                  void reprocess({ variables: { source } }).then(
                    () => refetch(),
                    () => undefined,
                  )
                }
              >
                却下レコードを再処理
              </button>
            ) : (
              <p className="muted">この取込元のレコードは、修正されたファイル・データが次に読み込まれたときに取り込み直されます。</p>
            )}
            <ErrorNote error={done.error} />
            {done.data && (
              <p role="status">
                再処理しました：取り込めたもの {done.data.reprocessRejected.resolved}件、引き続き却下 {done.data.reprocessRejected.stillRejected}件。
              </p>
            )}
            {data.rejectedRecords.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th scope="col">ファイル・読込</th>
                    <th scope="col">位置</th>
                    <th scope="col">項目</th>
                    <th scope="col">理由</th>
                    <th scope="col">元の値</th>
                    <th scope="col">却下日時</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rejectedRecords.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{r.origin}</th>
                      <td>{r.position}件目</td>
                      <td>{r.field ?? '—'}</td>
                      <td>{r.reason}</td>
                      <td>{r.value != null ? <code className="raw">{r.value}</code> : <span className="withheld">表示できません</span>}</td>
                      <td>{dateTimeJa(r.rejectedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  );
}
