import { useEffect, useRef } from 'react';
import type { ConsentFieldsFragment } from '../../gql/graphql.js';
import { CONSENT_METHOD_LABEL, CONSENT_STATUS_LABEL, SECTOR_LABEL, dateJa, dateTimeJa, label } from '../../labels.js';

/** The person's copy of their consent (控え), printable: the print style sheet shows this region alone. */
export function Receipt({
  consent: c,
  person,
  onClose,
}: {
  consent: ConsentFieldsFragment;
  person: { name: string; birthDate: string };
  onClose(): void;
}) {
  // Shown where the worker is, and focused: a screen reader reads the receipt next, the keyboard is on it.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, [c.id]);
  return (
    <section className="receipt" aria-label="同意の控え" tabIndex={-1} ref={ref}>
      <h2>個人情報の提供に関する同意の控え</h2>
      <dl>
        <dt>ご本人</dt>
        <dd>
          {person.name}（{dateJa(person.birthDate)}生）
        </dd>
        <dt>状態</dt>
        <dd>{label(CONSENT_STATUS_LABEL, c.status)}</dd>
        <dt>提供する情報の分野</dt>
        <dd>{c.sectors.map((s) => SECTOR_LABEL[s] ?? s).join('・')}</dd>
        <dt>提供先</dt>
        <dd>{c.recipientOrgs.join('、')}</dd>
        <dt>利用目的</dt>
        <dd>{c.purpose}</dd>
        <dt>有効期間</dt>
        <dd>
          {dateJa(c.validFrom)}から{dateJa(c.validUntil)}まで
        </dd>
        <dt>同意の方法</dt>
        <dd>
          {label(CONSENT_METHOD_LABEL, c.method)}
          {c.givenBy ? `（代理人 ${c.givenBy}）` : ''}
        </dd>
        <dt>受付</dt>
        <dd>
          {c.recordedOrg} {c.recordedBy}（{dateTimeJa(c.recordedAt)}）
        </dd>
        <dt>同意番号</dt>
        <dd>{c.id}</dd>
      </dl>
      <p>この同意はいつでも撤回できます。撤回は受付窓口にお申し出ください。撤回の後は、提供先はこの同意に基づいて情報を見ることができません。</p>
      <div className="no-print">
        <button type="button" onClick={() => window.print()}>
          控えを印刷
        </button>
        <button type="button" onClick={onClose}>
          控えを閉じる
        </button>
      </div>
    </section>
  );
}
