import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { ContactKind } from '../../gql/graphql.js';
import { CONTACT_KIND_LABEL } from '../../labels.js';
import { CaseErrorNote } from './case-errors.js';
import { fromLocalInput, localInput } from './local-time.js';

const RECORD_CONTACT = graphql(`
  mutation RecordContact($caseId: ID!, $input: ContactInput!) {
    recordContact(caseId: $caseId, input: $input) {
      id
    }
  }
`);

const KINDS: ContactKind[] = ['VISIT', 'PHONE', 'LETTER', 'ACCOMPANY', 'MEETING', 'OTHER'];

/** 支援経過を記録: a coordinator, the 主担当 or an organisation with a role; before consent only under OUTREACH_PLANNED. */
export function ContactForm({ caseId, subjects, onDone }: { caseId: string; subjects: readonly { id: string; name: string }[]; onDone(): void }) {
  const [at, setAt] = useState(() => localInput(new Date()));
  const [kind, setKind] = useState<ContactKind>('VISIT');
  const [personId, setPersonId] = useState('');
  const [note, setNote] = useState('');
  const [record, { loading, error, data }] = useMutation(RECORD_CONTACT);
  const ids = { at: useId(), kind: useId(), person: useId(), note: useId() };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void record({ variables: { caseId, input: { at: fromLocalInput(at), kind, note, personId: personId || null } } }).then(
      () => {
        setNote('');
        onDone();
      },
      () => undefined,
    );
  };
  return (
    <section aria-labelledby="record-contact-heading">
      <h3 id="record-contact-heading">支援経過を記録</h3>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.at}>日時</label>
          <input id={ids.at} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>種別</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {CONTACT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.person}>対象の世帯員</label>
          <select id={ids.person} value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">ケース全体</option>
            {subjects.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.note}>支援の内容</label>
          <textarea id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} required rows={3} />
        </div>
        <button type="submit" disabled={loading}>
          支援経過を記録
        </button>
      </form>
      {data && !error && <p role="status">支援経過を記録しました。</p>}
      <CaseErrorNote error={error} />
    </section>
  );
}
