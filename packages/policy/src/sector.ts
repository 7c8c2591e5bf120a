/** The four sectors whose data needs a lawful basis to be seen. */
export const SECTORS = ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'] as const;
export type Sector = (typeof SECTORS)[number];

export function isSector(value: unknown): value is Sector {
  return typeof value === 'string' && (SECTORS as readonly string[]).includes(value);
}
