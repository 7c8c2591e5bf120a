import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
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
    }
  }
`);

/**
 * The meeting's decisions about cases (cases.md: a decision is recorded in a meeting): a coordinator records one for a
 * case about the meeting's subjects while the meeting is open. The decisions themselves are read on each case's page.
 */
export default function MeetingDecisions({ meetingId, persons, households }: { meetingId: string; persons: readonly string[]; households: readonly string[] }) {
  const { data, loading, error, refetch } = useQuery(CASES, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading what="ケース" />;
  const about = (data?.myCases ?? []).filter((c) => c.subjects.some((s) => persons.includes(s.id) || households.includes(s.household.id)));
  const cases: DecisionCase[] = about
    .map((c) => ({ id: c.id, title: caseTitle(c), subjects: c.subjects, kinds: decisionKindsFor({ stage: c.stage, withoutConsent: c.withoutConsent, planApproved: c.plan?.approved ?? false }) }))
    .filter((c) => c.kinds.length > 0);
  return (
    <section aria-labelledby="meeting-decisions-heading">
      <h2 id="meeting-decisions-heading">ケースの決定</h2>
      <ErrorNote error={error} />
      {cases.length === 0 ? (
        <p>この会議の対象者について、決定を記録できるケースはありません。</p>
      ) : (
        <DecisionForm meetingId={meetingId} cases={cases} onDone={() => void refetch()} />
      )}
      <p className="muted">記録した決定は、各ケースの画面の「会議の決定」に表示されます。</p>
    </section>
  );
}
