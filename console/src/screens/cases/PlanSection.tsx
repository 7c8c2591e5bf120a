import { graphql } from '../../gql/index.js';
import type { PlanFieldsFragment } from '../../gql/graphql.js';
import { dateJa, dateTimeJa } from '../../labels.js';

graphql(`
  fragment PlanFields on Plan {
    version
    goals
    reviewOn
    approved
    approvedAt
    proposedAt
    roles {
      task
      organisation {
        id
        name
      }
      person {
        id
        name
      }
    }
  }
`);

/** 支援プラン: the newest version, its goals and 役割分担. */
export function PlanSection({ plan }: { plan: PlanFieldsFragment | null }) {
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">支援プラン</h2>
      {!plan ? (
        <p>プランはまだありません。</p>
      ) : (
        <>
          <p>
            第{plan.version}版（{dateTimeJa(plan.proposedAt)}作成）、
            {plan.approved ? `重層的支援会議で承認済み（${dateTimeJa(plan.approvedAt)}）` : '重層的支援会議の承認待ち'}、次の見直し{' '}
            {dateJa(plan.reviewOn)}
          </p>
          <h3>目標</h3>
          <ul>
            {plan.goals.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
          <h3>役割分担</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">機関</th>
                <th scope="col">対象の世帯員</th>
                <th scope="col">役割</th>
              </tr>
            </thead>
            <tbody>
              {plan.roles.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{r.organisation.name}</th>
                  <td>{r.person?.name ?? 'ケース全体'}</td>
                  <td>{r.task}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
