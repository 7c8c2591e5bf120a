import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { CaseErrorNote } from './case-errors.js';

const SET_LEAD = graphql(`
  mutation SetLeadOrganisation($caseId: ID!, $orgId: ID!) {
    setLeadOrganisation(caseId: $caseId, orgId: $orgId) {
      id
      leadOrganisation {
        id
        name
      }
    }
  }
`);

/** 主担当 named before closure (a coordinator); at closure CLOSURE_APPROVED names it. */
export function LeadForm({ caseId, current, onDone }: { caseId: string; current: string | null; onDone(): void }) {
  const [orgId, setOrgId] = useState(current ?? '');
  const [set, { loading, error }] = useMutation(SET_LEAD);
  const id = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void set({ variables: { caseId, orgId: orgId.trim() } }).then(onDone, () => undefined);
  };
  return (
    <section aria-labelledby="lead-heading">
      <h3 id="lead-heading">主担当を指定</h3>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={id}>主担当の機関コード</label>
        <input id={id} value={orgId} onChange={(e) => setOrgId(e.target.value)} required autoComplete="off" />
        <button type="submit" disabled={loading}>
          主担当を指定
        </button>
      </form>
      <CaseErrorNote error={error} />
    </section>
  );
}
