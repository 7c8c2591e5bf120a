import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { ErrorNote } from '../../ui/ErrorNote.js';
import { CaseTable } from './CaseTable.js';
import { dayInJapan } from './local-time.js';

const DUE_AND_RETURNED = graphql(`
  query ReviewsDueAndReturned($before: Date!) {
    reviewsDue(before: $before) {
      ...CaseRow
    }
    returnedToMe {
      ...CaseRow
    }
  }
`);

/** The work list's other two: plans to review within two weeks (reviewsDue), and cases returned to the organisation (つなぎ戻し). */
export function CaseLists() {
  const { data, error } = useQuery(DUE_AND_RETURNED, { variables: { before: dayInJapan(14) }, fetchPolicy: 'cache-and-network' });
  if (!data) return <ErrorNote error={error} />;
  return (
    <>
      <ErrorNote error={error} />
      <section aria-labelledby="reviews-due-heading">
        <h2 id="reviews-due-heading">見直しが近いケース（2週間以内）</h2>
        {data.reviewsDue.length === 0 ? <p>ありません。</p> : <CaseTable cases={data.reviewsDue} />}
      </section>
      {data.returnedToMe.length > 0 && (
        <section aria-labelledby="returned-heading">
          <h2 id="returned-heading">つなぎ戻されたケース</h2>
          <CaseTable cases={data.returnedToMe} />
        </section>
      )}
    </>
  );
}
