import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { CaseErrorNote } from './case-errors.js';
import { ConsentChoice } from './ConsentChoice.js';

const ATTACH_CONSENT = graphql(`
  mutation AttachConsent($caseId: ID!, $consentId: ID!) {
    attachConsent(caseId: $caseId, consentId: $consentId) {
      id
      withoutConsent
    }
  }
`);

/** 申込票 signed at last (a coordinator): the subject's active consent is attached to a 【本人同意なし】 case. */
export function AttachConsentForm({ caseId, personId, onDone }: { caseId: string; personId: string; onDone(): void }) {
  const [consentId, setConsentId] = useState('');
  const [attach, { loading, error }] = useMutation(ATTACH_CONSENT);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (consentId) void attach({ variables: { caseId, consentId } }).then(onDone, () => undefined);
  };
  return (
    <section aria-labelledby="attach-consent-heading">
      <h3 id="attach-consent-heading">同意を添付</h3>
      <form className="stack" onSubmit={submit}>
        <ConsentChoice personId={personId} value={consentId} onChange={setConsentId} allowWithout={false} />
        <button type="submit" disabled={loading || !consentId}>
          同意を添付
        </button>
      </form>
      <CaseErrorNote error={error} />
    </section>
  );
}
