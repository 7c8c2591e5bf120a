import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { ConsentFieldsFragment, Sector } from '../../gql/graphql.js';
import { SECTOR_LABEL, SECTORS } from '../../labels.js';
import { ErrorNote } from '../../ui/ErrorNote.js';

const RECORD = graphql(`
  mutation RecordConsent($input: ConsentInput!) {
    recordConsent(input: $input) {
      ...ConsentFields
    }
  }
`);

/** Below this age the consent is given by a representative (HUB_CONSENT_OWN_AGE's default; the hub checks anyway). */
const OWN_CONSENT_AGE = 15;

function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

function yearLater(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function RecordConsentForm({ person, onRecorded }: { person: { id: string; age: number }; onRecorded(consent: ConsentFieldsFragment): void }) {
  const minor = person.age < OWN_CONSENT_AGE;
  const [sectors, setSectors] = useState<Sector[]>([]);
  const [recipients, setRecipients] = useState('');
  const [purpose, setPurpose] = useState('');
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState(() => yearLater(today()));
  const [method, setMethod] = useState<'WRITTEN' | 'ORAL'>('WRITTEN');
  const [givenBy, setGivenBy] = useState('');
  const [evidence, setEvidence] = useState('');
  const [record, { loading, error }] = useMutation(RECORD);
  const ids = { recipients: useId(), purpose: useId(), from: useId(), until: useId(), method: useId(), givenBy: useId(), evidence: useId() };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void record({
      variables: {
        input: {
          personId: person.id,
          sectors,
          recipientOrgs: recipients.split(/[,、\s]+/).filter(Boolean),
          purpose,
          validFrom,
          validUntil,
          method,
          givenBy: givenBy.trim() || null,
          evidence: evidence.trim() || null,
        },
      },
    }).then(
      (result) => {
        if (result.data) {
          onRecorded(result.data.recordConsent);
          setSectors([]);
          setPurpose('');
        }
      },
      () => undefined,
    );
  };

  return (
    <section aria-labelledby="record-consent-heading">
      <h3 id="record-consent-heading">同意を記録</h3>
      <form onSubmit={submit} className="stack">
        <fieldset>
          <legend>同意する分野</legend>
          {SECTORS.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={sectors.includes(s)}
                onChange={(e) => setSectors((before) => (e.target.checked ? [...before, s] : before.filter((x) => x !== s)))}
              />
              {SECTOR_LABEL[s]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.recipients}>提供先の機関コード（複数は「,」区切り）</label>
          <input id={ids.recipients} value={recipients} onChange={(e) => setRecipients(e.target.value)} required placeholder="SHOGAI-SODAN" />
        </div>
        <div className="field">
          <label htmlFor={ids.purpose}>利用目的</label>
          <input id={ids.purpose} value={purpose} onChange={(e) => setPurpose(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.from}>有効期間の開始日</label>
          <input id={ids.from} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.until}>有効期間の終了日</label>
          <input id={ids.until} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.method}>同意の方法</label>
          <select id={ids.method} value={method} onChange={(e) => setMethod(e.target.value as 'WRITTEN' | 'ORAL')}>
            <option value="WRITTEN">書面</option>
            <option value="ORAL">口頭</option>
          </select>
        </div>
        {minor && (
          <div className="field">
            <label htmlFor={ids.givenBy}>代理人（保護者）の宛名番号</label>
            <input id={ids.givenBy} value={givenBy} onChange={(e) => setGivenBy(e.target.value)} required inputMode="numeric" />
            <p className="muted">{OWN_CONSENT_AGE}歳未満の方の同意は、代理人が行います。</p>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.evidence}>同意の証跡（同意書の保管場所、口頭の場合は立会人）</label>
          <input id={ids.evidence} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        </div>
        <button type="submit" disabled={loading || sectors.length === 0}>
          同意を記録
        </button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}
