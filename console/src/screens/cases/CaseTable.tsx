import { Link } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { CaseRowFragment } from '../../gql/graphql.js';
import { CASE_STAGE_LABEL, INTAKE_ROUTE_LABEL, dateJa, dateTimeJa, label } from '../../labels.js';
import { caseTitle } from './case-title.js';

graphql(`
  fragment CaseRow on Case {
    id
    stage
    route
    openedAt
    closedAt
    withoutConsent
    subjects {
      id
      name
    }
    plan {
      version
      reviewOn
    }
    leadOrganisation {
      id
      name
    }
  }
`);

/** A list of cases, each row named by its case (a link to its page). */
export function CaseTable({ cases, caption }: { cases: readonly CaseRowFragment[]; caption?: string }) {
  return (
    <table>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">ケース</th>
          <th scope="col">段階</th>
          <th scope="col">受付経路</th>
          <th scope="col">受付日時</th>
          <th scope="col">次の見直し</th>
          <th scope="col">主担当</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <Link to={`/cases/${encodeURIComponent(c.id)}`}>{caseTitle(c)}</Link>
            </th>
            <td>
              {label(CASE_STAGE_LABEL, c.stage)}
              {c.closedAt && `（${dateTimeJa(c.closedAt)}）`}
            </td>
            <td>
              {label(INTAKE_ROUTE_LABEL, c.route)}
              {c.withoutConsent && '（本人同意なし）'}
            </td>
            <td>{dateTimeJa(c.openedAt)}</td>
            <td>{c.plan && c.stage !== 'CLOSED' ? dateJa(c.plan.reviewOn) : '—'}</td>
            <td>{c.leadOrganisation?.name ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
