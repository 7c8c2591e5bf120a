/**
 * What every layer may know of a sector without importing it: the data part of its descriptor. The sector's own
 * folder exports the whole descriptor (adapters/<sector>/src/sector.ts); the launcher registers any sector beyond the
 * four built in here before it composes the hub, so every package that reads `sectors()` sees the same list.
 */
export interface SectorInfo {
  /** The Sector enum value: what the policy decides on and the audit log records. */
  code: string;
  /** The Person field the sector adds (Person.kaigo); its facts are Person.<field>Facts. */
  field: string;
  /** The subgraph that serves it. */
  subgraph: string;
  /** The name in Japanese, for people. */
  label: string;
  /** Its source in the ingest ledger (packages/ingest) and the health answer. */
  source: string;
  /** The linkage sources (linkage.link.source) of its records: what the linkage queue of the sector lists. */
  linkageSources: readonly string[];
}

/** The four sectors whose data needs a lawful basis to be seen, in the contract's order (Person.access). */
const BUILT_IN: readonly SectorInfo[] = [
  { code: 'KAIGO', field: 'kaigo', subgraph: 'kaigo', label: '介護', source: 'kaigo', linkageSources: ['kaigo-hihokensha', 'kaigo-sodan'] },
  {
    code: 'SHOGAI',
    field: 'shogai',
    subgraph: 'shogai',
    label: '障害',
    source: 'shogai',
    linkageSources: ['shogai-techo', 'shogai-jukyusha', 'shogai-sodan'],
  },
  { code: 'KODOMO', field: 'kodomo', subgraph: 'kodomo', label: '子ども', source: 'kodomo', linkageSources: ['kodomo-child', 'kodomo-case'] },
  { code: 'KONKYU', field: 'konkyu', subgraph: 'konkyu', label: '困窮', source: 'konkyu', linkageSources: ['konkyu'] },
];

let registered: SectorInfo[] = [...BUILT_IN];

/** Every sector, the built-in four first (in the contract's order), then those registered, in their order. */
export function sectors(): readonly SectorInfo[] {
  return registered;
}

export function sectorCodes(): string[] {
  return registered.map((s) => s.code);
}

export function isSectorCode(value: unknown): value is string {
  return typeof value === 'string' && registered.some((s) => s.code === value);
}

export const sectorByCode = (code: string): SectorInfo | undefined => registered.find((s) => s.code === code);
export const sectorBySubgraph = (subgraph: string): SectorInfo | undefined => registered.find((s) => s.subgraph === subgraph);
export const sectorByLinkageSource = (source: string): SectorInfo | undefined => registered.find((s) => s.linkageSources.includes(source));

/**
 * Adds a sector to the list, once (the same descriptor again is a no-op). A code, field, subgraph or source already
 * taken by another sector is refused: two sectors sharing a name would share a basis or a breaker.
 */
export function registerSector(info: SectorInfo): void {
  // The code is an enum value (and written into SQL as one); the field, subgraph and source are names in the graph.
  if (!/^[A-Z][A-Z0-9_]*$/.test(info.code)) throw new Error(`sector code ${info.code} is not an enum value (A-Z, 0-9, _)`);
  for (const name of [info.field, info.subgraph, info.source]) {
    if (!/^[a-z][a-z0-9]*$/.test(name)) throw new Error(`sector ${info.code}: ${name} is not a name (a-z, 0-9)`);
  }
  const same = registered.find((s) => s.code === info.code);
  if (same && JSON.stringify(same) === JSON.stringify(info)) return;
  const clash = registered.find((s) => s.code === info.code || s.field === info.field || s.subgraph === info.subgraph || s.source === info.source);
  if (clash) throw new Error(`sector ${info.code} clashes with ${clash.code}`);
  registered = [...registered, { ...info, linkageSources: [...info.linkageSources] }];
}
