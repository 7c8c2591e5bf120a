import type { Day } from '../dates.js';
import type { PersonState } from './person.js';

/** One day's 異動: each person changed that day once, in their state after the day. */
export interface DayLog {
  day: Day;
  changes: PersonState[];
}

/**
 * What the registry looked like on the day of the full extract, kept as the difference from today's city:
 * people who changed since are kept as they were, people who came since are not in it. Small (the changes
 * of a few days), so the city itself only has to hold its present.
 */
export class History {
  /** Rows from here on were created after the full extract (births, 転入). */
  firstNewRow = Number.POSITIVE_INFINITY;
  readonly before = new Map<number, PersonState>();
  readonly days: DayLog[] = [];

  constructor(readonly fullDay: Day) {}

  inFullExtract(row: number): boolean {
    return row < this.firstNewRow;
  }
}
