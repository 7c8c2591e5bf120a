import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { MeetingKind } from '../../gql/graphql.js';
import { MEETING_KIND_LABEL, dateTimeJa, label } from '../../labels.js';
import { hasRole, useSession } from '../../session/SessionContext.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';

const MEETINGS = graphql(`
  query MyMeetings {
    myMeetings(includeClosed: true) {
      id
      kind
      title
      opensAt
      closesAt
      closedAt
      open
    }
  }
`);

const OPEN = graphql(`
  mutation OpenMeeting($input: MeetingInput!) {
    openSupportMeeting(input: $input) {
      id
    }
  }
`);

/** 支援会議: the worker's meetings; a coordinator opens one here. */
export function MeetingsScreen() {
  const { session } = useSession();
  const { data, loading, error } = useQuery(MEETINGS, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <h1>支援会議</h1>
      <ErrorNote error={error} />
      {loading && !data ? (
        <Loading what="会議" />
      ) : (
        <section aria-labelledby="my-meetings-heading">
          <h2 id="my-meetings-heading">参加している会議</h2>
          {(data?.myMeetings.length ?? 0) === 0 ? (
            <p>参加している会議はありません。</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">会議</th>
                  <th scope="col">種別</th>
                  <th scope="col">開催</th>
                  <th scope="col">状態</th>
                </tr>
              </thead>
              <tbody>
                {data!.myMeetings.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                    </th>
                    <td>{label(MEETING_KIND_LABEL, m.kind)}</td>
                    <td>
                      {dateTimeJa(m.opensAt)}〜{dateTimeJa(m.closesAt)}
                    </td>
                    <td>{m.open ? '開催中' : m.closedAt ? '閉会' : '開催時間外'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {hasRole(session, 'coordinator') && <OpenMeetingForm />}
    </>
  );
}

function localInput(date: Date): string {
  const tokyo = new Date(date.getTime() + 9 * 3600_000);
  return tokyo.toISOString().slice(0, 16);
}

/** A datetime-local value is read as Japan's time. */
function fromLocalInput(value: string): string {
  return new Date(`${value}:00+09:00`).toISOString();
}

const split = (text: string): string[] => text.split(/[,、\s]+/).filter(Boolean);

function OpenMeetingForm() {
  const navigate = useNavigate();
  const { session } = useSession();
  const [kind, setKind] = useState<MeetingKind>('SHIEN_KAIGI');
  const [title, setTitle] = useState('');
  const [persons, setPersons] = useState('');
  const [households, setHouseholds] = useState('');
  const [members, setMembers] = useState(session.staffId);
  const [opensAt, setOpensAt] = useState(() => localInput(new Date()));
  const [closesAt, setClosesAt] = useState(() => localInput(new Date(Date.now() + 2 * 3600_000)));
  const [open, { loading, error }] = useMutation(OPEN);
  const ids = { kind: useId(), title: useId(), persons: useId(), households: useId(), members: useId(), opens: useId(), closes: useId() };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void open({
      variables: {
        input: {
          kind,
          title,
          subjectPersonIds: split(persons),
          subjectHouseholdIds: split(households),
          memberStaffIds: split(members),
          opensAt: fromLocalInput(opensAt),
          closesAt: fromLocalInput(closesAt),
        },
      },
    }).then(
      (r) => r.data && navigate(`/meetings/${r.data.openSupportMeeting.id}`),
      () => undefined,
    );
  };
  return (
    <section aria-labelledby="open-meeting-heading">
      <h2 id="open-meeting-heading">会議を開く</h2>
      <form onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor={ids.kind}>会議の種別</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
            <option value="SHIEN_KAIGI">{MEETING_KIND_LABEL['SHIEN_KAIGI']}</option>
            <option value="JUSOU_SHIEN_KAIGI">{MEETING_KIND_LABEL['JUSOU_SHIEN_KAIGI']}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.title}>会議名</label>
          <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.persons}>対象者の宛名番号（複数は「,」区切り）</label>
          <input id={ids.persons} value={persons} onChange={(e) => setPersons(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.households}>対象世帯の世帯番号（複数は「,」区切り）</label>
          <input id={ids.households} value={households} onChange={(e) => setHouseholds(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.members}>構成員の職員ID（複数は「,」区切り）</label>
          <input id={ids.members} value={members} onChange={(e) => setMembers(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.opens}>開始</label>
          <input id={ids.opens} type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.closes}>終了</label>
          <input id={ids.closes} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} required />
        </div>
        <button type="submit" disabled={loading}>
          会議を開く
        </button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}
