import { useId } from 'react';
import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from './gql/index.js';
import { dateTimeJa } from './labels.js';
import { useMeetingContext } from './meeting-context.js';
import { useSession } from './session/SessionContext.js';

const MY_MEETINGS = graphql(`
  query MyOpenMeetings {
    myMeetings {
      id
      kind
      title
      closesAt
      open
      members {
        staffId
        role
      }
    }
  }
`);

/**
 * The select named 「支援会議」: the 支援会議 context, chosen from the worker's own open meetings (asked outside any
 * meeting, so that a meeting that has closed can still be left).
 */
export function MeetingSelect({ client }: { client: ApolloClient }) {
  const { meeting, choose } = useMeetingContext();
  const { data } = useQuery(MY_MEETINGS, { client, fetchPolicy: 'cache-and-network' });
  const id = useId();
  const { session } = useSession();
  // A context is a meeting that can grant anything (a 重層的支援会議 grants nothing by itself) and in which the viewer is
  // a full member (a coordinator who convened one without sitting in it has no context there: the gateway would refuse).
  const meetings = (data?.myMeetings ?? []).filter(
    (m) => m.kind !== 'JUSOU_SHIEN_KAIGI' && m.members.some((r) => r.staffId === session.staffId && r.role === 'FULL'),
  );
  const known = meeting && !meetings.some((m) => m.id === meeting.id) ? [{ id: meeting.id, title: meeting.title, closesAt: meeting.closesAt }] : [];
  return (
    <div className="meeting-select">
      <label htmlFor={id}>支援会議</label>
      <select
        id={id}
        value={meeting?.id ?? ''}
        onChange={(e) => {
          const chosen = [...meetings, ...known].find((m) => m.id === e.target.value);
          choose(chosen ? { id: chosen.id, title: chosen.title, closesAt: chosen.closesAt } : null);
        }}
      >
        <option value="">なし（支援会議の外で閲覧）</option>
        {[...meetings, ...known].map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** While a meeting is on, every screen says so, with the way out. */
export function MeetingBanner() {
  const { meeting, choose } = useMeetingContext();
  if (!meeting) return null;
  return (
    <section className="meeting-banner" aria-label="支援会議の文脈">
      <p>
        <strong>支援会議の文脈で閲覧中：</strong>
        {meeting.title}（{dateTimeJa(meeting.closesAt)}まで）。本人同意のない分野の情報は、この会議の構成員としての守秘義務の下で表示されます。
      </p>
      <button type="button" onClick={() => choose(null)}>
        支援会議の文脈を外す
      </button>
    </section>
  );
}
