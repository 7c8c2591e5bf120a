import { listRejected, type RejectedRecordRow, type SourceName } from '@welfare-hub/ingest';
import type { Sector } from '@welfare-hub/policy';
import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { sectors as registered } from '@welfare-hub/sectors';
import type { HubContext } from './hub-context.js';
import type { SourceName as GraphSourceName } from './generated/resolvers.js';

/**
 * The sector that owns each source's records. The registry (juki) belongs to no sector of the hub: its rejected
 * records' values are shown to no one here; the file and record number find them in the drop folder.
 */
const sourceSector = (source: SourceName): Sector | null => registered().find((s) => s.source === source)?.code ?? null;

const WITHHELD = '＊＊＊';

/**
 * A rejected record as this viewer may see it. Its value (the bytes as the source sent them) and the key some
 * sources name it by (a 介護 被保険者番号, a kodomo childId in `table:key`) are personal data of that sector: shown
 * only to staff of an organisation holding the sector. Everyone else sees the source, where the record sits, the
 * reason and the field.
 */
function asSeen(row: RejectedRecordRow, sectors: readonly Sector[]) {
  const { raw, ...rest } = row;
  const sector = sourceSector(row.source);
  const own = sector !== null && sectors.includes(sector);
  const colon = row.origin.indexOf(':');
  return {
    ...rest,
    source: row.source.toUpperCase() as GraphSourceName,
    origin: own || colon === -1 ? row.origin : `${row.origin.slice(0, colon)}:${WITHHELD}`,
    value: own && raw ? raw.toString('utf8') : null,
  };
}

/**
 * Role admin (every source), or registered staff of an organisation inside welfare that holds a sector (that
 * sector's sources only: they are the ones who can fix them).
 */
export async function rejectedRecords(
  args: { source: SourceName | undefined; includeResolved: boolean; limit: number; offset: number },
  ctx: HubContext,
) {
  const registration = ctx.policy.hasRole('analyst') ? null : await ctx.policy.registration();
  const [org] = registration ? await ctx.register.organisations([registration.orgId]) : [];
  const sectors = org && !org.outsideWelfare ? org.sectors : [];
  const admin = ctx.policy.hasRole('admin');
  const mine = registered()
    .filter((s) => sectors.includes(s.code))
    .map((s) => s.source);
  if (!admin && mine.length === 0) throw forbidden('Only an admin or staff of an organisation holding a sector lists rejected records');
  if (!admin && args.source && !mine.includes(args.source))
    throw forbidden('Only staff of the sector that owns the source list its rejected records');
  if (!Number.isInteger(args.limit) || args.limit < 0 || args.limit > 1000) throw badInput('limit', 'limit must be between 0 and 1000');
  if (!Number.isInteger(args.offset) || args.offset < 0 || args.offset > 10_000_000)
    throw badInput('offset', 'offset must be between 0 and 10000000');
  const sources = args.source ? [args.source] : admin ? [undefined] : mine;
  const rows: RejectedRecordRow[] = [];
  for (const source of sources) {
    rows.push(...(await listRejected(ctx.db, { source, includeResolved: args.includeResolved, limit: args.limit, offset: args.offset })));
  }
  return rows.map((row) => asSeen(row, sectors));
}
