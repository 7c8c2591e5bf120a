import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { BASIS_LABEL, CONSENT_STATUS_LABEL, SECTOR_LABEL, STATUS_LABEL, dateJa, dateTimeJa, label } from '../../labels.js';
import { ErrorNote } from '../../ui/ErrorNote.js';
import { LogTable } from '../../ui/LogTable.js';
import { IdentityTable } from './IdentityTable.js';
import { PeriodFields, periodVariables, type Period } from './period.js';

const DISCLOSURE = graphql(`
  query Disclosure($personId: ID!, $from: DateTime, $to: DateTime) {
    disclosure(personId: $personId, from: $from, to: $to) {
      personId
      withheld
      identityEntries {
        ...IdentityFields
      }
      entries {
        id
        at
        staffId
        orgId
        sector
        status
        basis
        purpose
      }
      consents {
        id
        sectors
        recipientOrgs
        purpose
        validFrom
        validUntil
        status
        recordedBy
        recordedOrg
        recordedAt
        givenBy
        revokedAt
        revokedBy
      }
    }
  }
`);

/**
 * 本人開示 (開示請求): what the person is shown, restricted entries left out and counted; printable, the print style
 * sheet shows this document alone.
 */
export function DisclosureSection() {
  const [personId, setPersonId] = useState('');
  const [period, setPeriod] = useState<Period>({ from: '', to: '' });
  const [load, { data, loading, error }] = useLazyQuery(DISCLOSURE, { fetchPolicy: 'network-only' });
  const id = useId();
  const doc = useRef<HTMLElement>(null);
  const d = data?.disclosure;
  useEffect(() => {
    // The document is read next: focus on it, as on the consent's receipt.
    if (d) doc.current?.focus();
  }, [d]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void load({ variables: { personId: personId.trim(), ...periodVariables(period) } }).catch(() => undefined);
  };
  return (
    <section aria-labelledby="disclosure-heading" className="printable">
      <div className="no-print">
        <h2 id="disclosure-heading">本人開示（印刷用）</h2>
        <form className="inline-form" onSubmit={submit}>
          <label htmlFor={id}>宛名番号</label>
          <input id={id} value={personId} onChange={(e) => setPersonId(e.target.value)} required inputMode="numeric" autoComplete="off" />
          <PeriodFields value={period} onChange={setPeriod} />
          <button type="submit" disabled={loading}>
            開示文書を作成
          </button>
        </form>
        <ErrorNote error={error} />
      </div>
      {d && (
        <article className="receipt disclosure" aria-label="開示文書" tabIndex={-1} ref={doc}>
          <h3>保有個人情報の開示（閲覧の記録）</h3>
          <dl>
            <dt>宛名番号</dt>
            <dd>{d.personId}</dd>
            <dt>期間</dt>
            <dd>
              {period.from ? dateJa(period.from) : '記録の初めから'}〜{period.to ? dateJa(period.to) : '作成日まで'}
            </dd>
            <dt>作成日時</dt>
            <dd>{dateTimeJa(new Date().toISOString())}</dd>
          </dl>
          <h4>1. あなたの氏名・住所などが表示された記録</h4>
          {d.identityEntries.length === 0 ? (
            <p>記録はありません。</p>
          ) : (
            <IdentityTable rows={d.identityEntries} caption="識別情報の表示（古い順）" withFlags={false} />
          )}
          <h4>2. 福祉の各分野の情報の閲覧の記録</h4>
          {d.entries.length === 0 ? (
            <p>記録はありません。</p>
          ) : (
            <LogTable
              caption="分野の情報の閲覧（古い順）"
              rows={d.entries}
              rowKey={(r) => r.id}
              columns={[
                { header: '日時', cell: (r) => dateTimeJa(r.at) },
                { header: '職員', cell: (r) => r.staffId },
                { header: '機関', cell: (r) => r.orgId },
                { header: '分野', cell: (r) => label(SECTOR_LABEL, r.sector) },
                { header: '判断', cell: (r) => label(STATUS_LABEL, r.status) },
                { header: '根拠', cell: (r) => label(BASIS_LABEL, r.basis) },
                { header: '内容', cell: (r) => r.purpose },
              ]}
            />
          )}
          <h4>3. あなたの同意</h4>
          {d.consents.length === 0 ? (
            <p>記録はありません。</p>
          ) : (
            <ul>
              {d.consents.map((c) => (
                <li key={c.id}>
                  {label(CONSENT_STATUS_LABEL, c.status)}：{c.sectors.map((s) => SECTOR_LABEL[s] ?? s).join('・')}の情報を{c.recipientOrgs.join('、')}
                  へ（{c.purpose}）、
                  {dateJa(c.validFrom)}〜{dateJa(c.validUntil)}。記録 {c.recordedOrg} {c.recordedBy}（{dateTimeJa(c.recordedAt)}）
                  {c.givenBy && `、代理人 ${c.givenBy}`}
                  {c.revokedAt && `、撤回 ${dateTimeJa(c.revokedAt)}`}
                </li>
              ))}
            </ul>
          )}
          <p>
            {d.withheld > 0
              ? `このほか、法令の定めにより開示しない記録が${d.withheld}件あります（個人情報の保護に関する法律第78条）。`
              : '開示しない記録はありません。'}
          </p>
          <div className="no-print">
            <button type="button" onClick={() => window.print()}>
              開示文書を印刷
            </button>
          </div>
        </article>
      )}
    </section>
  );
}
