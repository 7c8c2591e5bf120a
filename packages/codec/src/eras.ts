import { isValidCalendarDate, isoDate, parseIsoDate, type IsoDate } from './calendar.js';

export interface Era {
  /** The G of a GYYMMDD code date. */
  code: 1 | 2 | 3 | 4 | 5;
  letter: 'M' | 'T' | 'S' | 'H' | 'R';
  name: '明治' | '大正' | '昭和' | '平成' | '令和';
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive; null for the current era. */
  end: IsoDate | null;
}

/** In order, so that ERAS[code - 1] is the era of a code. */
export const ERAS: readonly Era[] = [
  { code: 1, letter: 'M', name: '明治', start: '1868-10-23', end: '1912-07-29' },
  { code: 2, letter: 'T', name: '大正', start: '1912-07-30', end: '1926-12-24' },
  { code: 3, letter: 'S', name: '昭和', start: '1926-12-25', end: '1989-01-07' },
  { code: 4, letter: 'H', name: '平成', start: '1989-01-08', end: '2019-04-30' },
  { code: 5, letter: 'R', name: '令和', start: '2019-05-01', end: null },
];

const firstYear = (era: Era): number => Number(era.start.slice(0, 4));

/**
 * An era date as a western date, or null when it does not exist or lies outside the era: 平成31年5月1日 is
 * not "corrected" to 令和元年5月1日, since a wrong era usually means a wrong date.
 */
export function fromEra(era: Era, eraYear: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(eraYear) || eraYear < 1) return null;
  const year = firstYear(era) + eraYear - 1;
  if (!isValidCalendarDate(year, month, day)) return null;
  const iso = isoDate(year, month, day);
  if (iso < era.start || (era.end !== null && iso > era.end)) return null;
  return iso;
}

export interface EraDate {
  era: Era;
  eraYear: number;
  month: number;
  day: number;
}

/** A western date in its era. Throws RangeError for a malformed date or one before 明治, which 和暦 cannot write. */
export function toEraDate(iso: IsoDate): EraDate {
  const date = parseIsoDate(iso);
  if (date === null) throw new RangeError('not a YYYY-MM-DD date');
  let era: Era | undefined;
  for (const candidate of ERAS) if (iso >= candidate.start) era = candidate;
  if (era === undefined) throw new RangeError('date before 明治 cannot be written in 和暦');
  return { era, eraYear: date.year - firstYear(era) + 1, month: date.month, day: date.day };
}

/** The era a date falls in; throws as toEraDate does. */
export function eraOf(iso: IsoDate): Era {
  return toEraDate(iso).era;
}
