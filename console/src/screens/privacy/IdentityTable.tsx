import { graphql } from '../../gql/index.js';
import type { IdentityFieldsFragment } from '../../gql/graphql.js';
import { IDENTITY_ACTION_LABEL, dateTimeJa, label } from '../../labels.js';

graphql(`
  fragment IdentityFields on IdentityAccessRecord {
    id
    at
    staffId
    orgId
    personId
    action
    purpose
    protected
    restricted
  }
`);

/** Identity reads (who was shown a person's identity): the same table for identityLog, protectedReads and disclosure. */
export function IdentityTable({
  rows,
  caption,
  withPerson = false,
  withFlags = true,
}: {
  rows: readonly IdentityFieldsFragment[];
  caption: string;
  withPerson?: boolean;
  withFlags?: boolean;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">日時</th>
          {withPerson && <th scope="col">宛名番号</th>}
          <th scope="col">職員</th>
          <th scope="col">機関</th>
          <th scope="col">操作</th>
          <th scope="col">目的</th>
          {withFlags && <th scope="col">支援措置</th>}
          {withFlags && <th scope="col">不開示</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{dateTimeJa(r.at)}</td>
            {withPerson && <td>{r.personId}</td>}
            <td>{r.staffId}</td>
            <td>{r.orgId}</td>
            <td>{label(IDENTITY_ACTION_LABEL, r.action)}</td>
            <td>{r.purpose}</td>
            {withFlags && <td>{r.protected ? '対象' : '—'}</td>}
            {withFlags && <td>{r.restricted ? '不開示' : '—'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
