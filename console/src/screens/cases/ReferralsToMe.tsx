import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { dateTimeJa } from '../../labels.js';
import { hasRole, useSession } from '../../session/SessionContext.js';
import type { FromReferral } from './OpenCaseForm.js';
import { Loading } from '../../ui/ErrorNote.js';
import { CaseErrorNote } from './case-errors.js';

const REFERRALS = graphql(`
  query ReferralsToMe {
    referralsToMe(state: SENT) {
      id
      reason
      sentAt
      sentBy
      from {
        id
        name
      }
      to {
        id
        name
      }
      subjects {
        id
        name
      }
    }
  }
`);

const ACCEPT = graphql(`
  mutation AcceptReferral($id: ID!) {
    acceptReferral(id: $id) {
      id
      state
    }
  }
`);

const DECLINE = graphql(`
  mutation DeclineReferral($id: ID!, $reason: String!) {
    declineReferral(id: $id, reason: $reason) {
      id
      state
    }
  }
`);

/** つなぎ: referrals waiting for the viewer's organisation (for coordinators, the 多機関協働 teams' too). */
export function ReferralsToMe({ onOpenCase }: { onOpenCase: ((referral: FromReferral) => void) | null }) {
  const { session } = useSession();
  const { data, loading, error, refetch } = useQuery(REFERRALS, { fetchPolicy: 'cache-and-network' });
  const referrals = data?.referralsToMe ?? [];
  // A 多機関協働 team accepts a referral by opening a case (cases.md): its coordinators get no accept button here.
  const team = hasRole(session, 'coordinator');
  return (
    <section aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">受付待ちのつなぎ</h2>
      <CaseErrorNote error={error} />
      {loading && !data ? (
        <Loading what="つなぎ" />
      ) : referrals.length === 0 ? (
        <p>受付待ちのつなぎはありません。</p>
      ) : (
        <ul className="consents">
          {referrals.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{r.subjects.map((s) => s.name).join('・') || '対象者未特定'}</strong>：{r.from.name}（{r.sentBy}）から{r.to.name}へ、
                {dateTimeJa(r.sentAt)}
              </p>
              <p>理由：{r.reason}</p>
              {onOpenCase && (
                <button
                  type="button"
                  aria-label={`${r.subjects.map((s) => s.name).join('・') || '対象者未特定'}のつなぎからケースを開く`}
                  onClick={() => onOpenCase({ id: r.id, fromName: r.from.name, subjectIds: r.subjects.map((s) => s.id) })}
                >
                  つなぎからケースを開く
                </button>
              )}
              <ReferralActions id={r.id} accept={!team} onDone={() => void refetch()} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReferralActions({ id, accept: canAccept, onDone }: { id: string; accept: boolean; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [accept, accepting] = useMutation(ACCEPT);
  const [decline, declining] = useMutation(DECLINE);
  const reasonId = useId();
  return (
    <>
      {canAccept && (
        <button type="button" disabled={accepting.loading} onClick={() => void accept({ variables: { id } }).then(onDone, () => undefined)}>
          受け付ける
        </button>
      )}
      <form
        className="inline-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void decline({ variables: { id, reason } }).then(onDone, () => undefined);
        }}
      >
        <label htmlFor={reasonId}>辞退の理由</label>
        <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required />
        <button type="submit" disabled={declining.loading}>
          辞退する
        </button>
      </form>
      <CaseErrorNote error={accepting.error ?? declining.error} />
    </>
  );
}
