import { graphql } from '../../gql/index.js';
import type { ContactFieldsFragment } from '../../gql/graphql.js';
import { CONTACT_KIND_LABEL, PARTICIPATION_STATE_LABEL, dateTimeJa, label } from '../../labels.js';

graphql(`
  fragment ContactFields on CaseContact {
    id
    at
    kind
    note
    by
    person {
      id
      name
    }
  }
`);

interface ParticipationRow {
  id: string;
  state: string;
  startedAt: string;
  endedAt?: string | null;
  host: { name: string };
  person: { name: string };
  followUps: readonly ContactFieldsFragment[];
}

/** 支援経過 (contacts) and 参加支援, as far as this viewer may see them. */
export function ContactsSection({
  contacts,
  participations,
}: {
  contacts: readonly ContactFieldsFragment[];
  participations: readonly ParticipationRow[];
}) {
  return (
    <>
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">支援経過</h2>
        {contacts.length === 0 ? (
          <p>記録はありません（または表示できません）。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">種別</th>
                <th scope="col">対象</th>
                <th scope="col">内容</th>
                <th scope="col">記録者</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <td>{dateTimeJa(c.at)}</td>
                  <td>{label(CONTACT_KIND_LABEL, c.kind)}</td>
                  <td>{c.person?.name ?? 'ケース全体'}</td>
                  <td>{c.note}</td>
                  <td>{c.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {participations.length > 0 && (
        <section aria-labelledby="participations-heading">
          <h2 id="participations-heading">参加支援</h2>
          <ul>
            {participations.map((p) => (
              <li key={p.id}>
                {p.person.name}：{p.host.name}（{label(PARTICIPATION_STATE_LABEL, p.state)}、{dateTimeJa(p.startedAt)}から
                {p.endedAt ? `${dateTimeJa(p.endedAt)}まで` : ''}）
                {p.followUps.length > 0 && (
                  <ul>
                    {p.followUps.map((f) => (
                      <li key={f.id}>
                        {dateTimeJa(f.at)} {label(CONTACT_KIND_LABEL, f.kind)}：{f.note}（{f.by}）
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
