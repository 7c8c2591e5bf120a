import { forbidden } from '@welfare-hub/subgraph-host';
import type { Sector } from '@welfare-hub/policy';
import { sectors } from '@welfare-hub/sectors';
import type { HubContext } from '../hub-context.js';

/** The sector whose organisation owns a source's records (the registry's); the registry (JUKI) belongs to none. */
const sourceSector = (source: string): Sector | undefined => sectors().find((s) => s.source.toUpperCase() === source.toUpperCase())?.code;

/**
 * Who may read a source's reads and rejected records (issue 17: the IT officer): an admin, any source; the staff of an
 * organisation holding a sector, that sector's own source, named in `source` (a sector's staff run their own system and
 * are the ones who can fix what it sent). Nobody else; an analyst never.
 */
export async function requireSourceReader(ctx: HubContext, source: string | null | undefined): Promise<void> {
  if (ctx.policy.hasRole('admin')) return;
  const sector = source ? sourceSector(source) : undefined;
  const registration = ctx.policy.hasRole('analyst') || !sector ? null : await ctx.policy.registration();
  if (registration && sector && registration.sectors.includes(sector)) return;
  throw forbidden('Source reads and rejected records are for admins, and for staff of the sector that owns the source (name it in source)');
}
