import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { CaseErrorNote } from './case-errors.js';

const RECORD_ASSESSMENT = graphql(`
  mutation RecordAssessment($caseId: ID!, $input: AssessmentInput!) {
    recordAssessment(caseId: $caseId, input: $input) {
      id
      stage
    }
  }
`);

/** インテーク・アセスメント: the 課題 (the hub's list) and a summary; a coordinator or the 主担当. */
export function AssessmentForm({
  caseId,
  issueCodes,
  onDone,
}: {
  caseId: string;
  issueCodes: readonly { code: string; label: string }[];
  onDone(): void;
}) {
  const [issues, setIssues] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const [record, { loading, error }] = useMutation(RECORD_ASSESSMENT);
  const summaryId = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void record({ variables: { caseId, input: { issues, summary } } }).then(onDone, () => undefined);
  };
  return (
    <section aria-labelledby="record-assessment-heading">
      <h3 id="record-assessment-heading">アセスメントを記録</h3>
      <form className="stack" onSubmit={submit}>
        <fieldset>
          <legend>課題</legend>
          {issueCodes.map((i) => (
            <label key={i.code} className="check">
              <input
                type="checkbox"
                checked={issues.includes(i.code)}
                onChange={(e) => setIssues((before) => (e.target.checked ? [...before, i.code] : before.filter((x) => x !== i.code)))}
              />
              {i.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={summaryId}>見立て</label>
          <textarea id={summaryId} value={summary} onChange={(e) => setSummary(e.target.value)} required rows={3} />
        </div>
        <button type="submit" disabled={loading || issues.length === 0}>
          アセスメントを記録
        </button>
      </form>
      <CaseErrorNote error={error} />
    </section>
  );
}
