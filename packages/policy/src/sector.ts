import { isSectorCode, sectorCodes } from '@welfare-hub/sectors';

/** The four built-in sectors whose data needs a lawful basis to be seen; rules about a named sector name it. */
export const SECTORS = ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'] as const;
/** A sector code: one of the four, or one registered with the hub (@welfare-hub/sectors). */
export type Sector = string;

/** Every registered sector, in the contract's order: what Person.access decides on. */
export const registeredSectors = (): string[] => sectorCodes();

export function isSector(value: unknown): value is Sector {
  return isSectorCode(value);
}
