import { Link } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { DecisionFieldsFragment } from '../../gql/graphql.js';
import { DECISION_KIND_LABEL, dateTimeJa, label } from '../../labels.js';

graphql(`
  fragment DecisionFields on CaseDecision {
    id
    kind
    meetingId
    at
    note
    present
    leadOrganisation {
      id
      name
    }
    person {
      id
      name
    }
  }
`);

/**
 * 会議の決定: each kept with its meeting, time, the members present and a note; readable after the meeting closed. A
 * role in the plan alone (SUMMARY) does not see the notes: said so, not shown as empty.
 */
export function DecisionsSection({ decisions, notesShown }: { decisions: readonly DecisionFieldsFragment[]; notesShown: boolean }) {
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">会議の決定</h2>
      {decisions.length === 0 ? (
        <p>決定の記録はありません。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">決定</th>
              <th scope="col">会議</th>
              <th scope="col">出席者</th>
              <th scope="col">記録</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id}>
                <td>{dateTimeJa(d.at)}</td>
                <th scope="row">
                  {label(DECISION_KIND_LABEL, d.kind)}
                  {d.person && `（${d.person.name}）`}
                  {d.leadOrganisation && `（主担当 ${d.leadOrganisation.name}）`}
                </th>
                <td>
                  <Link to={`/meetings/${encodeURIComponent(d.meetingId)}`}>会議 {d.meetingId}</Link>
                </td>
                <td>{d.present.join('、') || '—'}</td>
                <td>{d.note ?? (notesShown ? '—' : '（表示できません）')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
