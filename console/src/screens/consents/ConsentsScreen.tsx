import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { ConsentFieldsFragment } from '../../gql/graphql.js';
import { CONSENT_METHOD_LABEL, CONSENT_STATUS_LABEL, SECTOR_LABEL, dateJa, dateTimeJa, label } from '../../labels.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';
import { RecordConsentForm } from './RecordConsentForm.js';
import { Receipt } from './Receipt.js';

graphql(`
  fragment ConsentFields on Consent {
    id
    personId
    sectors
    recipientOrgs
    purpose
    validFrom
    validUntil
    method
    givenBy
    evidence
    status
    recordedBy
    recordedOrg
    recordedAt
    revokedAt
    revokedBy
    revokeReason
  }
`);

const CONSENTS = graphql(`
  query PersonConsents($personId: ID!) {
    person(id: $personId) {
      id
      name
      nameKana
      birthDate
      age
      address
    }
    consents(personId: $personId) {
      ...ConsentFields
    }
  }
`);

const REVOKE = graphql(`
  mutation RevokeConsent($id: ID!, $reason: String!) {
    revokeConsent(id: $id, reason: $reason) {
      ...ConsentFields
    }
  }
`);

/** 同意: a person's consents, recording one (with the representative for a minor), revoking, and the receipt. */
export function ConsentsScreen() {
  const { personId } = useParams();
  return (
    <>
      <h1>同意</h1>
      <PersonPicker current={personId ?? ''} />
      {personId && <PersonConsents key={personId} personId={personId} />}
    </>
  );
}

function PersonPicker({ current }: { current: string }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(current);
  const id = useId();
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (value.trim()) navigate(`/consents/${encodeURIComponent(value.trim())}`);
      }}
    >
      <label htmlFor={id}>宛名番号</label>
      <input id={id} value={value} onChange={(e) => setValue(e.target.value)} inputMode="numeric" autoComplete="off" />
      <button type="submit">表示</button>
    </form>
  );
}

function PersonConsents({ personId }: { personId: string }) {
  const { data, loading, error, refetch } = useQuery(CONSENTS, { variables: { personId } });
  const [receipt, setReceipt] = useState<ConsentFieldsFragment | null>(null);
  if (loading && !data) return <Loading what="同意" />;
  const person = data?.person;
  if (!person) {
    return (
      <>
        <ErrorNote error={error} />
        {!error && <p>この住民は表示できません（存在しないか、閲覧できません）。</p>}
      </>
    );
  }
  return (
    <>
      <h2>
        {person.name}（{person.nameKana}、{dateJa(person.birthDate)}生、{person.age}歳）
      </h2>
      <ErrorNote error={error} />
      {receipt && <Receipt consent={receipt} person={person} onClose={() => setReceipt(null)} />}
      <section aria-labelledby="consent-list-heading">
        <h3 id="consent-list-heading">記録された同意</h3>
        {data.consents.length === 0 ? (
          <p>同意の記録はありません。</p>
        ) : (
          <ul className="consents">
            {data.consents.map((c) => (
              <ConsentItem key={c.id} consent={c} onReceipt={() => setReceipt(c)} onChanged={() => void refetch()} />
            ))}
          </ul>
        )}
      </section>
      <RecordConsentForm
        person={person}
        onRecorded={(c) => {
          setReceipt(c);
          void refetch();
        }}
      />
    </>
  );
}

function ConsentItem({ consent: c, onReceipt, onChanged }: { consent: ConsentFieldsFragment; onReceipt(): void; onChanged(): void }) {
  const [reason, setReason] = useState('');
  const [revoke, { loading, error }] = useMutation(REVOKE);
  const reasonId = useId();
  return (
    <li className={c.status === 'REVOKED' ? 'revoked' : ''}>
      <p>
        <strong>{label(CONSENT_STATUS_LABEL, c.status)}</strong> {c.sectors.map((s) => SECTOR_LABEL[s] ?? s).join('・')} →{' '}
        {c.recipientOrgs.join('、')}／目的：
        {c.purpose}／{dateJa(c.validFrom)}〜{dateJa(c.validUntil)}／{label(CONSENT_METHOD_LABEL, c.method)}
        {c.givenBy && `／代理人 ${c.givenBy}`}
      </p>
      <p className="muted">
        記録：{c.recordedBy}（{c.recordedOrg}）{dateTimeJa(c.recordedAt)}
        {c.revokedAt && `／撤回：${c.revokedBy ?? ''} ${dateTimeJa(c.revokedAt)}（${c.revokeReason ?? ''}）`}
      </p>
      <button type="button" onClick={onReceipt}>
        控えを表示
      </button>
      {c.status === 'ACTIVE' && (
        <form
          className="inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void revoke({ variables: { id: c.id, reason } }).then(onChanged, () => undefined);
          }}
        >
          <label htmlFor={reasonId}>撤回の理由</label>
          <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required />
          <button type="submit" disabled={loading}>
            同意を撤回
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </li>
  );
}
