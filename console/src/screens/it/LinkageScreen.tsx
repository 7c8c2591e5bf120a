import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { LinkageQueueQuery, Sector } from '../../gql/graphql.js';
import { LINK_FIELD_LABEL, LINK_STATE_LABEL, SECTOR_LABEL, SECTORS, label } from '../../labels.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';

const QUEUE = graphql(`
  query LinkageQueue($sector: Sector!) {
    linkageQueue(sector: $sector, limit: 50) {
      source
      sourceKey
      state
      candidates {
        personId
        score
        agreed
        disagreed
      }
    }
  }
`);

const CANDIDATE = graphql(`
  query LinkCandidatePerson($id: ID!) {
    person(id: $id) {
      id
      name
      nameKana
      birthDate
      address
    }
  }
`);

const CONFIRM = graphql(`
  mutation ConfirmLink($source: String!, $sourceKey: ID!, $personId: ID!) {
    confirmLink(source: $source, sourceKey: $sourceKey, personId: $personId)
  }
`);

const REJECT = graphql(`
  mutation RejectLink($source: String!, $sourceKey: ID!, $personId: ID!) {
    rejectLink(source: $source, sourceKey: $sourceKey, personId: $personId)
  }
`);

type Entry = LinkageQueueQuery['linkageQueue'][number];

/** 名寄せ確認: a sector's records no rule linked by itself, with each candidate's score and the fields that agreed. */
export default function LinkageScreen({ sectors }: { sectors: readonly string[] }) {
  const own = SECTORS.filter((s) => sectors.includes(s));
  const [sector, setSector] = useState<Sector>((own[0] ?? 'SHOGAI') as Sector);
  const { data, loading, error, refetch } = useQuery(QUEUE, { variables: { sector }, fetchPolicy: 'cache-and-network' });
  const id = useId();
  return (
    <>
      <h1>名寄せ確認</h1>
      <div className="inline-form">
        <label htmlFor={id}>分野</label>
        <select id={id} value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
          {(own.length > 0 ? own : SECTORS).map((s) => (
            <option key={s} value={s}>
              {SECTOR_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <ErrorNote error={error} />
      {loading && !data && <Loading what="名寄せ待ち" />}
      {data && (
        <section aria-label="名寄せ待ちのレコード">
          <p role="status">{data.linkageQueue.length === 0 ? '名寄せ待ちのレコードはありません。' : `${data.linkageQueue.length}件`}</p>
          {data.linkageQueue.map((entry) => (
            <QueueEntry key={`${entry.source}/${entry.sourceKey}`} entry={entry} onDone={() => void refetch()} />
          ))}
        </section>
      )}
    </>
  );
}

function QueueEntry({ entry, onDone }: { entry: Entry; onDone(): void }) {
  const headingId = useId();
  return (
    <article className="queue-entry" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {entry.source} {entry.sourceKey}（{label(LINK_STATE_LABEL, entry.state)}）
      </h2>
      {entry.candidates.length === 0 ? (
        <p>候補となる住民は見つかりませんでした。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">候補</th>
              <th scope="col">一致度</th>
              <th scope="col">一致した項目</th>
              <th scope="col">一致しない項目</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {entry.candidates.map((c) => (
              <Candidate key={c.personId} entry={entry} candidate={c} onDone={onDone} />
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function Candidate({ entry, candidate: c, onDone }: { entry: Entry; candidate: Entry['candidates'][number]; onDone(): void }) {
  const person = useQuery(CANDIDATE, { variables: { id: c.personId } }).data?.person;
  const [confirm, confirming] = useMutation(CONFIRM);
  const [reject, rejecting] = useMutation(REJECT);
  const variables = { source: entry.source, sourceKey: entry.sourceKey, personId: c.personId };
  const who = person ? `${person.name}（${person.nameKana}、${person.birthDate}）` : c.personId;
  return (
    <tr>
      <th scope="row">
        {who}
        {person && <div className="muted">{person.address}</div>}
      </th>
      <td>{c.score.toFixed(1)}</td>
      <td>{c.agreed.map((f) => label(LINK_FIELD_LABEL, f)).join('、') || '—'}</td>
      <td>{c.disagreed.map((f) => label(LINK_FIELD_LABEL, f)).join('、') || '—'}</td>
      <td>
        <button
          type="button"
          aria-label={`${who}と同一人物として確定`}
          disabled={confirming.loading}
          onClick={() => void confirm({ variables }).then(onDone, () => undefined)}
        >
          確定
        </button>{' '}
        <button
          type="button"
          aria-label={`${who}は別人`}
          disabled={rejecting.loading}
          onClick={() => void reject({ variables }).then(onDone, () => undefined)}
        >
          別人
        </button>
        <ErrorNote error={confirming.error ?? rejecting.error} />
      </td>
    </tr>
  );
}
