import type { Sector } from './sector.js';

export type AccessBasis = 'OWN_SECTOR' | 'CONSENT' | 'SUPPORT_MEETING';

/** The answer to "may this viewer see this person's data of this sector, now?" */
export interface Decision {
  sector: Sector;
  status: 'GRANTED' | 'DENIED';
  basis: AccessBasis | null;
  /** The consent or meeting the basis rests on. */
  reference: string | null;
}

export const denied = (sector: Sector): Decision => ({ sector, status: 'DENIED', basis: null, reference: null });
