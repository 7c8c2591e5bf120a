import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { IntakeRoute } from '../../gql/graphql.js';
import { INTAKE_ROUTE_LABEL } from '../../labels.js';
import { CaseErrorNote } from './case-errors.js';
import { ConsentChoice, WITHOUT_CONSENT } from './ConsentChoice.js';

const OPEN_CASE = graphql(`
  mutation OpenCase($input: OpenCaseInput!) {
    openCase(input: $input) {
      id
    }
  }
`);

const ROUTES: IntakeRoute[] = ['WINDOW', 'OUTREACH', 'CONCERN', 'OTHER'];

export interface FromReferral {
  id: string;
  fromName: string;
  subjectIds: readonly string[];
}

/** 相談受付 (a coordinator): a case opened directly or from a referral to the team, on the 申込票's consent or 【本人同意なし】. */
export function OpenCaseForm({ referral }: { referral: FromReferral | null }) {
  const navigate = useNavigate();
  const [route, setRoute] = useState<IntakeRoute>('WINDOW');
  const [subjects, setSubjects] = useState(() => referral?.subjectIds.join(', ') ?? '');
  const [consentId, setConsentId] = useState(WITHOUT_CONSENT);
  const [summary, setSummary] = useState('');
  const [open, { loading, error }] = useMutation(OPEN_CASE);
  const ids = { route: useId(), subjects: useId(), summary: useId() };
  const subjectIds = subjects.split(/[,、\s]+/).filter(Boolean);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Chosen from the list above: the keyboard and the screen reader go to the form.
    if (referral) heading.current?.focus();
  }, [referral]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const input = {
      route: referral ? ('REFERRAL' as const) : route,
      referralId: referral?.id ?? null,
      subjectPersonIds: subjectIds,
      consentId: consentId || null,
      withoutConsent: consentId === WITHOUT_CONSENT,
      summary,
    };
    void open({ variables: { input } }).then(
      (r) => r.data && navigate(`/cases/${encodeURIComponent(r.data.openCase.id)}`),
      () => undefined,
    );
  };
  return (
    <section aria-labelledby="open-case-heading">
      <h2 id="open-case-heading" tabIndex={-1} ref={heading}>
        {referral ? `つなぎからケースを開く（${referral.fromName}から）` : 'ケースを開く（相談受付）'}
      </h2>
      <form className="stack" onSubmit={submit}>
        {!referral && (
          <div className="field">
            <label htmlFor={ids.route}>受付経路</label>
            <select id={ids.route} value={route} onChange={(e) => setRoute(e.target.value as IntakeRoute)}>
              {ROUTES.map((r) => (
                <option key={r} value={r}>
                  {INTAKE_ROUTE_LABEL[r]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.subjects}>対象者の宛名番号（複数は「,」区切り、未特定なら空欄）</label>
          <input
            id={ids.subjects}
            value={subjects}
            onChange={(e) => {
              setSubjects(e.target.value);
              setConsentId(WITHOUT_CONSENT);
            }}
            inputMode="numeric"
            autoComplete="off"
          />
        </div>
        <ConsentChoice personId={subjectIds[0] ?? ''} value={consentId} onChange={setConsentId} allowWithout />
        <div className="field">
          <label htmlFor={ids.summary}>相談受付の記録</label>
          <textarea id={ids.summary} value={summary} onChange={(e) => setSummary(e.target.value)} required rows={3} />
        </div>
        <button type="submit" disabled={loading}>
          ケースを開く
        </button>
      </form>
      <CaseErrorNote error={error} />
    </section>
  );
}
