import type { Sector } from './sector.js';

export type AccessBasis = 'OWN_SECTOR' | 'CONSENT' | 'SUPPORT_MEETING';

/** The answer to "may this viewer see this person's data of this sector, now?" */
export interface Decision {
  sector: Sector;
  status: 'GRANTED' | 'DENIED';
  basis: AccessBasis | null;
  /** The consent or meeting the basis rests on. */
  reference: string | null;
  /**
   * KODOMO only: whether cases registered with the 要対協 are released on this basis (access rule 4, youtaikyo.ts):
   * on OWN_SECTOR and through a YOUTAIKYO meeting. Absent means not released.
   */
  releasesYoutaikyo?: boolean;
}

export const denied = (sector: Sector): Decision => ({ sector, status: 'DENIED', basis: null, reference: null });
