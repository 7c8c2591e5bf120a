import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { graphql } from '../../gql/index.js';
import { MEETING_KIND_LABEL, MEETING_ROLE_LABEL, dateTimeJa, label } from '../../labels.js';
import { useMeetingContext } from '../../meeting-context.js';
import { hasRole, useSession } from '../../session/SessionContext.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';

// The meeting's case decisions (and a coordinator's form to record one), loaded with the meeting's page.
const MeetingDecisions = lazy(() => import('./MeetingDecisions.js'));

const MEETING = graphql(`
  query Meeting($id: ID!) {
    supportMeeting(id: $id) {
      id
      kind
      title
      subjectPersonIds
      subjectHouseholdIds
      opensAt
      closesAt
      closedAt
      open
      convenedBy
      members {
        staffId
        orgId
        role
        addedAt
      }
      concerns {
        id
        personId
        householdId
        note
        sourceStaffId
        sourceOrgId
        recordedAt
      }
    }
  }
`);

const CLOSE = graphql(`
  mutation CloseMeeting($id: ID!) {
    closeSupportMeeting(id: $id) {
      id
      open
      closedAt
    }
  }
`);

const SET_MEMBER = graphql(`
  mutation SetMeetingMember($meetingId: ID!, $staffId: ID!, $role: MeetingRole) {
    setMeetingMember(meetingId: $meetingId, staffId: $staffId, role: $role) {
      id
    }
  }
`);

const REMOVE_MEMBER = graphql(`
  mutation RemoveMeetingMember($meetingId: ID!, $staffId: ID!) {
    removeMeetingMember(meetingId: $meetingId, staffId: $staffId) {
      id
    }
  }
`);

const CONCERN = graphql(`
  mutation RecordConcern($input: ConcernInput!) {
    recordConcern(input: $input) {
      id
    }
  }
`);

/** One meeting: its subjects, roster and concerns (気になる情報); a coordinator manages the roster and closes it. */
export function MeetingScreen() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const { meeting: context, choose } = useMeetingContext();
  const { data, loading, error, refetch } = useQuery(MEETING, { variables: { id } });
  const [close, closing] = useMutation(CLOSE);
  if (loading && !data) return <Loading what="会議" />;
  const m = data?.supportMeeting;
  if (!m) {
    return (
      <>
        <h1>支援会議</h1>
        <ErrorNote error={error} />
        {!error && <p>この会議は表示できません（存在しないか、構成員ではありません）。</p>}
      </>
    );
  }
  const coordinator = hasRole(session, 'coordinator');
  const after = (): void => void refetch();
  return (
    <>
      <h1>{m.title}</h1>
      <ErrorNote error={error} />
      <dl className="facts">
        <dt>種別</dt>
        <dd>{label(MEETING_KIND_LABEL, m.kind)}</dd>
        <dt>開催</dt>
        <dd>
          {dateTimeJa(m.opensAt)}〜{dateTimeJa(m.closesAt)}（{m.open ? '開催中' : m.closedAt ? `閉会 ${dateTimeJa(m.closedAt)}` : '開催時間外'}）
        </dd>
        <dt>対象者</dt>
        <dd>{m.subjectPersonIds.join('、') || '—'}</dd>
        <dt>対象世帯</dt>
        <dd>{m.subjectHouseholdIds.join('、') || '—'}</dd>
        <dt>招集</dt>
        <dd>{m.convenedBy}</dd>
      </dl>
      {m.open && m.kind === 'SHIEN_KAIGI' && context?.id !== m.id && (
        <button type="button" onClick={() => choose({ id: m.id, title: m.title, closesAt: m.closesAt })}>
          この会議の文脈で閲覧する
        </button>
      )}
      {coordinator && m.open && (
        <button type="button" disabled={closing.loading} onClick={() => void close({ variables: { id: m.id } }).then(after, () => undefined)}>
          会議を閉じる
        </button>
      )}
      <ErrorNote error={closing.error} />
      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading">構成員</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">職員</th>
              <th scope="col">機関</th>
              <th scope="col">役割</th>
              {coordinator && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {m.members.map((r) => (
              <tr key={r.staffId}>
                <th scope="row">{r.staffId}</th>
                <td>{r.orgId}</td>
                <td>{label(MEETING_ROLE_LABEL, r.role)}</td>
                {coordinator && (
                  <td>
                    <RemoveMember meetingId={m.id} staffId={r.staffId} onDone={after} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {coordinator && <AddMember meetingId={m.id} onDone={after} />}
      </section>
      <section aria-labelledby="concerns-heading">
        <h2 id="concerns-heading">気になる情報</h2>
        {m.concerns.length === 0 ? (
          <p>記録はありません。</p>
        ) : (
          <ul>
            {m.concerns.map((c) => (
              <li key={c.id}>
                {dateTimeJa(c.recordedAt)} {c.personId ? `宛名番号 ${c.personId}` : `世帯 ${c.householdId}`}：{c.note}（{c.sourceStaffId}、
                {c.sourceOrgId}）
              </li>
            ))}
          </ul>
        )}
        {m.open && <ConcernForm meetingId={m.id} onDone={after} />}
      </section>
      {m.kind !== 'YOUTAIKYO' && (
        <Suspense fallback={<Loading what="ケース" />}>
          <MeetingDecisions meetingId={m.id} persons={m.subjectPersonIds} households={m.subjectHouseholdIds} canRecord={coordinator && m.open} />
        </Suspense>
      )}
    </>
  );
}

function RemoveMember({ meetingId, staffId, onDone }: { meetingId: string; staffId: string; onDone(): void }) {
  const [remove, { loading, error }] = useMutation(REMOVE_MEMBER);
  return (
    <>
      <button
        type="button"
        disabled={loading}
        aria-label={`${staffId}を構成員から外す`}
        onClick={() => void remove({ variables: { meetingId, staffId } }).then(onDone, () => undefined)}
      >
        外す
      </button>
      <ErrorNote error={error} />
    </>
  );
}

function AddMember({ meetingId, onDone }: { meetingId: string; onDone(): void }) {
  const [staffId, setStaffId] = useState('');
  const [role, setRole] = useState<'' | 'FULL' | 'SUBMIT_ONLY'>('');
  const [add, { loading, error }] = useMutation(SET_MEMBER);
  const ids = { staff: useId(), role: useId() };
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void add({ variables: { meetingId, staffId: staffId.trim(), role: role || null } }).then(
          () => {
            setStaffId('');
            onDone();
          },
          () => undefined,
        );
      }}
    >
      <label htmlFor={ids.staff}>追加する職員ID</label>
      <input id={ids.staff} value={staffId} onChange={(e) => setStaffId(e.target.value)} required />
      <label htmlFor={ids.role}>役割</label>
      <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as '' | 'FULL' | 'SUBMIT_ONLY')}>
        <option value="">所属に応じて自動</option>
        <option value="FULL">構成員</option>
        <option value="SUBMIT_ONLY">情報提供のみ</option>
      </select>
      <button type="submit" disabled={loading}>
        構成員を追加
      </button>
      <ErrorNote error={error} />
    </form>
  );
}

function ConcernForm({ meetingId, onDone }: { meetingId: string; onDone(): void }) {
  const [target, setTarget] = useState<'person' | 'household'>('person');
  const [subject, setSubject] = useState('');
  const [note, setNote] = useState('');
  const [record, { loading, error }] = useMutation(CONCERN);
  const ids = { target: useId(), subject: useId(), note: useId() };
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        const input = {
          meetingId,
          note,
          personId: target === 'person' ? subject.trim() : null,
          householdId: target === 'household' ? subject.trim() : null,
        };
        void record({ variables: { input } }).then(
          () => {
            setNote('');
            onDone();
          },
          () => undefined,
        );
      }}
    >
      <div className="field">
        <label htmlFor={ids.target}>対象の種類</label>
        <select id={ids.target} value={target} onChange={(e) => setTarget(e.target.value as 'person' | 'household')}>
          <option value="person">住民（宛名番号）</option>
          <option value="household">世帯（世帯番号）</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.subject}>対象の番号</label>
        <input id={ids.subject} value={subject} onChange={(e) => setSubject(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={ids.note}>気になること</label>
        <textarea id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} required rows={3} />
      </div>
      <button type="submit" disabled={loading}>
        気になる情報を記録
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
