import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { DecisionKind } from '../../gql/graphql.js';
import { DECISION_KIND_LABEL, MEETING_KIND_LABEL, label } from '../../labels.js';
import { CaseErrorNote } from './case-errors.js';

const OPEN_MEETINGS = graphql(`
  query OpenMeetingsForDecision {
    myMeetings {
      id
      kind
      title
      open
    }
  }
`);

const RECORD_DECISION = graphql(`
  mutation RecordDecision($meetingId: ID!, $input: DecisionInput!) {
    recordDecision(meetingId: $meetingId, input: $input) {
      id
      kind
    }
  }
`);

export interface DecisionCase {
  id: string;
  title: string;
  kinds: readonly DecisionKind[];
  subjects: readonly { id: string; name: string }[];
}

/**
 * 会議の決定を記録 (a coordinator, a full member of the meeting, while it is open): on a case page the meeting is chosen
 * among the viewer's open meetings; on a meeting's page the case among those offered.
 */
export function DecisionForm({ meetingId: fixedMeeting, cases, onDone }: { meetingId?: string; cases: readonly DecisionCase[]; onDone(): void }) {
  const meetings = useQuery(OPEN_MEETINGS, { skip: fixedMeeting !== undefined, fetchPolicy: 'cache-and-network' });
  const open = (meetings.data?.myMeetings ?? []).filter((m) => m.open);
  const [chosenMeeting, setMeeting] = useState('');
  const [caseId, setCaseId] = useState(cases[0]?.id ?? '');
  const current = cases.find((c) => c.id === caseId) ?? cases[0];
  const [kind, setKind] = useState<DecisionKind | ''>('');
  const chosenKind: DecisionKind | undefined = kind && current?.kinds.includes(kind) ? kind : current?.kinds[0];
  const [personId, setPersonId] = useState('');
  const [leadOrgId, setLeadOrgId] = useState('');
  const [note, setNote] = useState('');
  const [record, { loading, error, data }] = useMutation(RECORD_DECISION);
  const ids = { meeting: useId(), case: useId(), kind: useId(), person: useId(), lead: useId(), note: useId() };
  const meetingId = fixedMeeting ?? (chosenMeeting || open[0]?.id || '');
  if (!current) return <p>決定を記録できるケースはありません。</p>;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!chosenKind || !meetingId) return;
    const input = {
      caseId: current.id,
      kind: chosenKind,
      note: note.trim() || null,
      personId: chosenKind === 'PARTICIPATION_NEEDED' ? personId || current.subjects[0]?.id || null : null,
      leadOrgId: chosenKind === 'CLOSURE_APPROVED' ? leadOrgId.trim() || null : null,
    };
    void record({ variables: { meetingId, input } }).then(
      () => {
        setNote('');
        onDone();
      },
      () => undefined,
    );
  };
  return (
    <section aria-labelledby="record-decision-heading">
      <h3 id="record-decision-heading">会議の決定を記録</h3>
      <form className="stack" onSubmit={submit}>
        {fixedMeeting === undefined && (
          <div className="field">
            <label htmlFor={ids.meeting}>会議</label>
            <select id={ids.meeting} value={meetingId} onChange={(e) => setMeeting(e.target.value)} required>
              {open.length === 0 && <option value="">開催中の会議はありません</option>}
              {open.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}（{label(MEETING_KIND_LABEL, m.kind)}）
                </option>
              ))}
            </select>
          </div>
        )}
        {cases.length > 1 && (
          <div className="field">
            <label htmlFor={ids.case}>ケース</label>
            <select id={ids.case} value={current.id} onChange={(e) => setCaseId(e.target.value)}>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {cases.length === 1 && fixedMeeting !== undefined && <p>ケース：{current.title}</p>}
        <div className="field">
          <label htmlFor={ids.kind}>決定</label>
          <select id={ids.kind} value={chosenKind ?? ''} onChange={(e) => setKind(e.target.value as DecisionKind)}>
            {current.kinds.map((k) => (
              <option key={k} value={k}>
                {label(DECISION_KIND_LABEL, k)}
              </option>
            ))}
          </select>
        </div>
        {chosenKind === 'PARTICIPATION_NEEDED' && (
          <div className="field">
            <label htmlFor={ids.person}>参加支援が必要な人</label>
            <select id={ids.person} value={personId} onChange={(e) => setPersonId(e.target.value)}>
              {current.subjects.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {chosenKind === 'CLOSURE_APPROVED' && (
          <div className="field">
            <label htmlFor={ids.lead}>主担当の機関コード（つなぎ戻し先）</label>
            <input id={ids.lead} value={leadOrgId} onChange={(e) => setLeadOrgId(e.target.value)} required />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.note}>決定の記録</label>
          <textarea id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </div>
        <button type="submit" disabled={loading || !chosenKind || !meetingId}>
          決定を記録
        </button>
      </form>
      {data && !error && <p role="status">決定を記録しました。</p>}
      <CaseErrorNote error={error} />
    </section>
  );
}
