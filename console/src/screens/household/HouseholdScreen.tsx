import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql/index.js';
import { accessLabel, label, SECTOR_LABEL, SECTORS, SITUATION_LABEL, BASIS_LABEL, dateJa } from '../../labels.js';
import { useMeetingContext } from '../../meeting-context.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';
import { SectorDetail } from './SectorDetail.js';

const HOUSEHOLD = graphql(`
  query HouseholdCard($id: ID!) {
    household(id: $id) {
      id
      address
      district
      members {
        id
        name
        nameKana
        birthDate
        age
        relationship
        access {
          sector
          status
          basis
          reference
        }
        kaigo {
          careLevel
          careLevelValidUntil
          lastInvolvementOn
          sourceReadAt
          lead {
            id
            name
            contact
          }
          consultations {
            id
            date
            category
            status
          }
        }
        shogai {
          supportLevel
          services
          certificates {
            type
            grade
            validUntil
          }
          lastInvolvementOn
          sourceReadAt
          lead {
            id
            name
            contact
          }
          consultations {
            id
            date
            category
            status
          }
        }
        kodomo {
          lastInvolvementOn
          sourceReadAt
          lead {
            id
            name
            contact
          }
          cases {
            id
            category
            status
            openedOn
            closedOn
            youngCarerConcern
          }
        }
        konkyu {
          lastInvolvementOn
          sourceReadAt
          lead {
            id
            name
            contact
          }
          consultations {
            id
            date
            category
            status
          }
        }
      }
      situations {
        kind
        personIds
        evidence
        inferred
      }
    }
  }
`);

/** The basis in words: the meeting by its title when it is the one the console works in, a consent by its number. */
function basisText(basis: string, reference: string | null | undefined, meeting: { id: string; title: string } | null): string {
  if (basis === 'SUPPORT_MEETING' && meeting && reference === meeting.id) return `支援会議「${meeting.title}」`;
  if (basis === 'CONSENT' && reference) return `同意（同意番号 ${reference}）`;
  return BASIS_LABEL[basis] ?? basis;
}

/**
 * The household card: a region named 「世帯」 with one row per member and one column per sector, each cell the access
 * status and its basis in the exact words of the issue; below it, who to call and how fresh each source is, the
 * situations with their evidence, and what is withheld shown as withheld.
 */
export function HouseholdScreen() {
  const { id = '' } = useParams();
  const { meeting } = useMeetingContext();
  const { data, loading, error } = useQuery(HOUSEHOLD, { variables: { id } });
  if (loading && !data) return <Loading what="世帯" />;
  const household = data?.household;
  if (!household) {
    return (
      <>
        <h1>世帯</h1>
        <ErrorNote error={error} />
        {!error && <p>この世帯は表示できません（存在しないか、閲覧できません）。</p>}
      </>
    );
  }
  const names = new Map(household.members.map((m) => [m.id, m.name]));
  return (
    <>
      <h1>世帯 {household.id}</h1>
      <ErrorNote error={error} />
      <p>
        {household.address}（地区 {household.district}）
      </p>
      <section aria-label="世帯" className="household">
        <table>
          <caption>分野ごとの閲覧の可否と根拠{meeting ? `（支援会議「${meeting.title}」の文脈）` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">氏名</th>
              <th scope="col">続柄</th>
              <th scope="col">年齢</th>
              {SECTORS.map((s) => (
                <th scope="col" key={s}>
                  {SECTOR_LABEL[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {household.members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.relationship}</td>
                <td>{m.age}歳</td>
                {SECTORS.map((s) => {
                  const a = m.access.find((x) => x.sector === s);
                  const text = accessLabel(a?.status ?? 'DENIED', a?.basis);
                  return (
                    <td key={s} className={a?.status === 'GRANTED' ? 'granted' : 'denied'}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="situations-heading">
        <h2 id="situations-heading">世帯の状況</h2>
        {household.situations.length === 0 ? (
          <p>閲覧できる情報からは、該当する状況はありません（閲覧できない分野の情報は判断に含まれていません）。</p>
        ) : (
          <ul className="situations">
            {household.situations.map((s) => (
              <li key={s.kind}>
                <strong className="badge">{label(SITUATION_LABEL, s.kind)}</strong>
                <span>対象：{s.personIds.map((p) => names.get(p) ?? p).join('、')}</span>
                <span>根拠：{s.evidence.length > 0 ? s.evidence.map((e) => SECTOR_LABEL[e] ?? e).join('・') : '世帯の構成'}</span>
                {s.inferred && <span>（世帯の構成からの推定）</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">世帯員ごとの情報と連絡先</h2>
        {household.members.map((m) => (
          <article key={m.id} aria-labelledby={`member-${m.id}`} className="member">
            <h3 id={`member-${m.id}`}>
              {m.name}（{m.nameKana}、{dateJa(m.birthDate)}生、{m.relationship}）
            </h3>
            <p>
              <Link to={`/consents/${m.id}`} aria-label={`${m.name}の同意を確認・記録する`}>
                同意を確認・記録する
              </Link>
            </p>
            <dl className="sectors">
              {SECTORS.map((s) => {
                const a = m.access.find((x) => x.sector === s);
                return (
                  <div key={s} className="sector">
                    <dt>
                      {SECTOR_LABEL[s]}
                      {a?.status === 'GRANTED' && a.basis && <span className="muted">（根拠：{basisText(a.basis, a.reference, meeting)}）</span>}
                    </dt>
                    <dd>
                      {a?.status === 'GRANTED' ? (
                        <SectorDetail member={m} sector={s} />
                      ) : (
                        <span className="withheld">
                          閲覧不可：この分野を見る根拠（自分野・本人同意・支援会議）がありません。記録の有無も表示しません。
                        </span>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </article>
        ))}
      </section>
    </>
  );
}
