import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { dateTimeJa } from '../../labels.js';
import { ErrorNote } from '../../ui/ErrorNote.js';

// auditIntegrity walks the whole chain: asked on demand, as a mutation-like action, not on opening the screen.
const INTEGRITY = graphql(`
  query AuditIntegrity {
    auditIntegrity {
      ok
      entries
      firstBadEntry
      checkedAt
      checkpoints
      lastCheckpointAt
    }
  }
`);

/** The audit log's hash chain and signed checkpoints, checked on demand. */
export function IntegritySection() {
  const [check, { data, loading, error }] = useLazyQuery(INTEGRITY, { fetchPolicy: 'network-only' });
  const r = data?.auditIntegrity;
  return (
    <section aria-labelledby="integrity-heading">
      <h2 id="integrity-heading">監査ログの完全性</h2>
      <button type="button" disabled={loading} onClick={() => void check().catch(() => undefined)}>
        監査ログを検証する
      </button>
      <ErrorNote error={error} />
      {r && (
        <p role="status" className={r.ok ? 'ok' : 'error'}>
          {r.ok ? '改ざんは検出されませんでした。' : `改ざんの疑い：記録 ${r.firstBadEntry ?? '?'} 以降が連鎖と一致しません。`}
          検証した記録 {r.entries}件、署名済みチェックポイント {r.checkpoints}件（最終 {dateTimeJa(r.lastCheckpointAt)}）、検証日時{' '}
          {dateTimeJa(r.checkedAt)}。
        </p>
      )}
    </section>
  );
}
