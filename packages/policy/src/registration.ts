import type { Sector } from './sector.js';

/**
 * A viewer as the hub's register knows them: staff registered under the token's organisation, and the sectors that
 * organisation holds. A token naming another organisation is not a registered viewer (facts.ts reads it).
 */
export interface Registration {
  staffId: string;
  orgId: string;
  sectors: Sector[];
  /** 民生委員, a utility: its staff submit concerns and see no resident (the contract's Transport and identity). */
  outsideWelfare: boolean;
}
