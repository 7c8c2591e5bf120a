import { useState, type FormEvent } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { CONSENT_FLAG_LABEL, CONSENT_METHOD_LABEL, CONSENT_STATUS_LABEL, SECTOR_LABEL, dateTimeJa, label } from '../../labels.js';
import { ErrorNote } from '../../ui/ErrorNote.js';
import { PeriodFields, periodVariables, type Period } from './period.js';

const CONSENT_REVIEW = graphql(`
  query ConsentReview($flaggedOnly: Boolean, $from: DateTime, $to: DateTime) {
    consentReview(flaggedOnly: $flaggedOnly, from: $from, to: $to, limit: 500) {
      flags
      recordedBy
      recordedByOrg
      consent {
        id
        personId
        sectors
        recipientOrgs
        purpose
        method
        evidence
        status
        recordedAt
        givenBy
        guardian {
          name
          relationship
          verified
        }
      }
    }
  }
`);

/** consentReview: the consents recorded in the period with their flags (self-recipient, no evidence, an unverified representative). */
export function ConsentReviewSection() {
  const [period, setPeriod] = useState<Period>({ from: '', to: '' });
  const [flaggedOnly, setFlaggedOnly] = useState(true);
  const [load, { data, loading, error, called }] = useLazyQuery(CONSENT_REVIEW, { fetchPolicy: 'network-only' });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void load({ variables: { flaggedOnly, ...periodVariables(period) } }).catch(() => undefined);
  };
  const rows = data?.consentReview ?? [];
  return (
    <section aria-labelledby="consent-review-heading">
      <h2 id="consent-review-heading">同意の点検</h2>
      <p className="muted">記録された同意と、点検が必要な点（{Object.values(CONSENT_FLAG_LABEL).join('、')}）。</p>
      <form className="inline-form" onSubmit={submit}>
        <PeriodFields value={period} onChange={setPeriod} />
        <label className="check">
          <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} />
          要点検のものだけ
        </label>
        <button type="submit" disabled={loading}>
          同意を点検
        </button>
      </form>
      <ErrorNote error={error} />
      {called && data && (
        <>
          <p role="status">{rows.length}件</p>
          {rows.length > 0 && (
            <table>
              <caption>記録された同意（新しい順）</caption>
              <thead>
                <tr>
                  <th scope="col">同意番号</th>
                  <th scope="col">記録日時</th>
                  <th scope="col">宛名番号</th>
                  <th scope="col">記録者</th>
                  <th scope="col">分野・提供先</th>
                  <th scope="col">方法・証跡</th>
                  <th scope="col">代理人</th>
                  <th scope="col">状態</th>
                  <th scope="col">要点検</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ consent: c, flags, recordedBy, recordedByOrg }) => (
                  <tr key={c.id}>
                    <th scope="row">{c.id}</th>
                    <td>{dateTimeJa(c.recordedAt)}</td>
                    <td>{c.personId}</td>
                    <td>
                      {recordedBy}（{recordedByOrg}）
                    </td>
                    <td>
                      {c.sectors.map((s) => SECTOR_LABEL[s] ?? s).join('・')} → {c.recipientOrgs.join('、')}
                    </td>
                    <td>
                      {label(CONSENT_METHOD_LABEL, c.method)}／{c.evidence ?? '証跡なし'}
                    </td>
                    <td>{c.guardian ? `${c.guardian.name}（${c.guardian.verified ? '住民記録で確認' : '未確認'}）` : (c.givenBy ?? '—')}</td>
                    <td>{label(CONSENT_STATUS_LABEL, c.status)}</td>
                    <td className={flags.length > 0 ? 'flagged' : ''}>
                      {flags.length > 0 ? flags.map((f) => CONSENT_FLAG_LABEL[f] ?? f).join('、') : 'なし'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
