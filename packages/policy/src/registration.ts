import type { DataSource } from 'typeorm';
import { isSector, type Sector } from './sector.js';
import type { Viewer } from '@welfare-hub/context';

/** A viewer as the hub's register knows them: staff of a registered organisation holding these sectors. */
export interface Registration {
  staffId: string;
  orgId: string;
  sectors: Sector[];
}

/**
 * Looks the viewer up in the hub's register. The token's organisation must be the one the staff member is
 * registered under: a token naming another organisation is not a registered viewer.
 */
export async function findRegistration(db: DataSource, viewer: Viewer): Promise<Registration | null> {
  const rows: { org_id: string; sectors: string[] }[] = await db.query(
    `SELECT s.org_id, o.sectors FROM hub.staff s JOIN hub.organisation o ON o.id = s.org_id WHERE s.id = $1`,
    [viewer.staffId],
  );
  const row = rows[0];
  if (!row || row.org_id !== viewer.orgId) return null;
  return { staffId: viewer.staffId, orgId: row.org_id, sectors: row.sectors.filter(isSector) };
}
