import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { ContactKind } from '../../gql/graphql.js';
import { CONTACT_KIND_LABEL } from '../../labels.js';
import { CaseErrorNote } from './case-errors.js';

const HOSTS = graphql(`
  query Hosts {
    hosts {
      id
      name
      offers
    }
  }
`);

const START = graphql(`
  mutation StartParticipation($caseId: ID!, $personId: ID!, $hostId: ID!) {
    startParticipation(caseId: $caseId, personId: $personId, hostId: $hostId) {
      id
      state
    }
  }
`);

const FOLLOW_UP = graphql(`
  mutation RecordFollowUp($participationId: ID!, $input: ContactInput!) {
    recordFollowUp(participationId: $participationId, input: $input) {
      id
      state
    }
  }
`);

const END = graphql(`
  mutation EndParticipation($id: ID!, $state: ParticipationState!) {
    endParticipation(id: $id, state: $state) {
      id
      state
    }
  }
`);

type Named = { id: string; name: string };

/** 参加支援を開始 (a coordinator): for a person a 重層的支援会議 decided needs it (PARTICIPATION_NEEDED), at a 受入先. */
export function StartParticipationForm({ caseId, needed, onDone }: { caseId: string; needed: readonly Named[]; onDone(): void }) {
  const hosts = useQuery(HOSTS);
  const [personId, setPersonId] = useState(needed[0]?.id ?? '');
  const [hostId, setHostId] = useState('');
  const [start, { loading, error }] = useMutation(START);
  const ids = { person: useId(), host: useId() };
  const list = hosts.data?.hosts ?? [];
  const host = hostId || list[0]?.id || '';
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (personId && host) void start({ variables: { caseId, personId, hostId: host } }).then(onDone, () => undefined);
  };
  return (
    <section aria-labelledby="start-participation-heading">
      <h3 id="start-participation-heading">参加支援を開始</h3>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.person}>参加する人</label>
          <select id={ids.person} value={personId} onChange={(e) => setPersonId(e.target.value)}>
            {needed.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.host}>受入先</label>
          <select id={ids.host} value={host} onChange={(e) => setHostId(e.target.value)}>
            {list.length === 0 && <option value="">登録された受入先はありません</option>}
            {list.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}（{h.offers.join('、')}）
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={loading || !host || !personId}>
          参加支援を開始
        </button>
      </form>
      <CaseErrorNote error={error} />
    </section>
  );
}

/** 定着支援・フォローアップ of one participation, and its end (SETTLED 定着 or ENDED) for a coordinator. */
export function ParticipationFollowUp({
  participation: p,
  coordinator,
  onDone,
}: {
  participation: { id: string; state: string; person: { name: string }; host: { name: string } };
  coordinator: boolean;
  onDone(): void;
}) {
  const [kind, setKind] = useState<ContactKind>('VISIT');
  const [note, setNote] = useState('');
  const [followUp, following] = useMutation(FOLLOW_UP);
  const [end, ending] = useMutation(END);
  const ids = { kind: useId(), note: useId() };
  const who = `${p.person.name}（${p.host.name}）`;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void followUp({ variables: { participationId: p.id, input: { at: new Date(Date.now() - 1_000).toISOString(), kind, note } } }).then(
      () => {
        setNote('');
        onDone();
      },
      () => undefined,
    );
  };
  const over = p.state === 'SETTLED' || p.state === 'ENDED';
  return (
    <section aria-label={`${who}の参加支援`}>
      <h3>{who}の参加支援</h3>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={ids.kind}>種別</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
          {(['VISIT', 'PHONE', 'ACCOMPANY', 'MEETING', 'OTHER'] as const).map((k) => (
            <option key={k} value={k}>
              {CONTACT_KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.note}>フォローアップの内容</label>
        <input id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} required />
        <button type="submit" disabled={following.loading}>
          フォローアップを記録
        </button>
      </form>
      {coordinator && !over && (
        <p>
          <button
            type="button"
            disabled={ending.loading}
            onClick={() => void end({ variables: { id: p.id, state: 'SETTLED' } }).then(onDone, () => undefined)}
          >
            定着として終える
          </button>
          <button
            type="button"
            disabled={ending.loading}
            onClick={() => void end({ variables: { id: p.id, state: 'ENDED' } }).then(onDone, () => undefined)}
          >
            参加支援を終える
          </button>
        </p>
      )}
      <CaseErrorNote error={following.error ?? ending.error} />
    </section>
  );
}
