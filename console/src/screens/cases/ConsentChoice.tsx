import { useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { SECTOR_LABEL, dateJa } from '../../labels.js';

const SUBJECT_CONSENTS = graphql(`
  query SubjectConsents($personId: ID!) {
    consents(personId: $personId) {
      id
      status
      sectors
      recipientOrgs
      purpose
      validUntil
    }
  }
`);

/** The value for 【本人同意なし】 in the choice (a consent id is never empty). */
export const WITHOUT_CONSENT = '';

/**
 * The consent given on the 申込票: one of the subject's active consents (recorded on the 同意 screen), or, where the
 * caller allows it, 【本人同意なし】.
 */
export function ConsentChoice({
  personId,
  value,
  onChange,
  allowWithout,
}: {
  personId: string;
  value: string;
  onChange(id: string): void;
  allowWithout: boolean;
}) {
  const { data, loading } = useQuery(SUBJECT_CONSENTS, { variables: { personId }, skip: !personId, fetchPolicy: 'cache-and-network' });
  const active = (data?.consents ?? []).filter((c) => c.status === 'ACTIVE');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>申込票の同意</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={!allowWithout}>
        {allowWithout ? <option value={WITHOUT_CONSENT}>本人同意なし（支援会議のもとで支援）</option> : <option value="">選んでください</option>}
        {active.map((c) => (
          <option key={c.id} value={c.id}>
            {c.sectors.map((s) => SECTOR_LABEL[s] ?? s).join('・')} → {c.recipientOrgs.join('、')}（{c.purpose}、{dateJa(c.validUntil)}まで）
          </option>
        ))}
      </select>
      {personId && !loading && active.length === 0 && <p className="muted">この対象者の有効な同意はありません（「同意」の画面で記録できます）。</p>}
    </div>
  );
}
