import type { City } from './city.js';
import type { Planted, PlantedYoutaikyo } from './planted.js';

/** One record a sector's demo source holds, and the resident it should link to: what the linkage tests check. */
export interface SourceTruth {
  source: string;
  /** The record's own key in its source (受給者証番号, 相談ID, or the 手帳's natural key). */
  key: string;
  atenaNo: string;
}

/** What a sector's demo writer is told of the city beside the residents themselves. */
export interface SectorDemoContext {
  /** The day its files are as of. */
  asOf: string;
  seed: number;
  /** Residents a planted situation says this sector holds: written whatever the odds. */
  must: ReadonlySet<string>;
  /** Residents of planted households: they hold exactly what the plant lists, so a sector writes them only if `must`. */
  quiet: ReadonlySet<string>;
  /** The planted situations (8050, ダブルケア, …) and 要対協 cases, for a sector whose records carry them. */
  planted: readonly Planted[];
  youtaikyo: readonly PlantedYoutaikyo[];
  /** What the sectors written before this one hold, by sector code (a plant that needs another sector's record). */
  written: ReadonlyMap<string, readonly SourceTruth[]>;
}

/** Writes a sector's legacy source for a demo city into `dir` (the sector's own folder) and says what each record is. */
export type SectorDemoWriter = (city: City, dir: string, context: SectorDemoContext) => SourceTruth[] | Promise<SourceTruth[]>;

/** A sector as the city generator sees it: its code, its folder in the city, its writer. Given by the caller (the registry). */
export interface DemoCitySector {
  code: string;
  folder: string;
  write: SectorDemoWriter;
}
