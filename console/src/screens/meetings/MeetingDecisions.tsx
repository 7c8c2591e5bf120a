import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql/index.js';
import { DECISION_KIND_LABEL, dateTimeJa, label } from '../../labels.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';
import { caseTitle } from '../cases/case-title.js';
import { DecisionForm, type DecisionCase } from '../cases/DecisionForm.js';
import { decisionKindsFor } from '../cases/decision-kinds.js';

const CASES = graphql(`
  query CasesForMeeting {
    myCases {
      id
      stage
      withoutConsent
      subjects {
        id
        name
        household {
          id
        }
      }
      plan {
        version
        approved
      }
      decisions {
        id
        kind
        meetingId
        at
        note
        person {
          id
          name
        }
      }
    }
  }
`);

/**
 * The meeting's decisions about cases (cases.md: a decision is recorded in a meeting and stays readable after it): those
 * of the cases the viewer may see, and for a coordinator while the meeting is open, the form to record one for a case
 * about the meeting's subjects.
 */
export default function MeetingDecisions({
  meetingId,
  persons,
  households,
  canRecord,
}: {
  meetingId: string;
  persons: readonly string[];
  households: readonly string[];
  canRecord: boolean;
}) {
  const { data, loading, error, refetch } = useQuery(CASES, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading what="ケース" />;
  const all = data?.myCases ?? [];
  const made = all.flatMap((c) => c.decisions.filter((d) => d.meetingId === meetingId).map((d) => ({ ...d, caseId: c.id, title: caseTitle(c) })));
  const about = all.filter((c) => c.subjects.some((s) => persons.includes(s.id) || households.includes(s.household.id)));
  const cases: DecisionCase[] = about
    .map((c) => ({
      id: c.id,
      title: caseTitle(c),
      subjects: c.subjects,
      kinds: decisionKindsFor({ stage: c.stage, withoutConsent: c.withoutConsent, planApproved: c.plan?.approved ?? false }),
    }))
    .filter((c) => c.kinds.length > 0);
  return (
    <section aria-labelledby="meeting-decisions-heading">
      <h2 id="meeting-decisions-heading">ケースの決定</h2>
      <ErrorNote error={error} />
      {made.length === 0 ? (
        <p>この会議での決定の記録はありません。</p>
      ) : (
        <table>
          <caption>この会議での決定</caption>
          <thead>
            <tr>
              <th scope="col">ケース</th>
              <th scope="col">決定</th>
              <th scope="col">日時</th>
              <th scope="col">記録</th>
            </tr>
          </thead>
          <tbody>
            {made.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link to={`/cases/${encodeURIComponent(d.caseId)}`}>{d.title}</Link>
                </th>
                <td>
                  {label(DECISION_KIND_LABEL, d.kind)}
                  {d.person && `（${d.person.name}）`}
                </td>
                <td>{dateTimeJa(d.at)}</td>
                <td>{d.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRecord &&
        (cases.length === 0 ? (
          <p>この会議の対象者について、決定を記録できるケースはありません。</p>
        ) : (
          <DecisionForm meetingId={meetingId} cases={cases} onDone={() => void refetch()} />
        ))}
    </section>
  );
}
