/**
 * Dates as whole days since 1970-01-01 (a "day number"): the city stores millions of them in typed arrays,
 * and only turns one into text when a record is written. Dates are civil dates of Japan; no time zone applies.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
  if (isoOf(day) !== iso) throw new RangeError(`no such date: ${iso}`);
  return day;
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 'YYYYMMDD', as the registry writes 西暦 dates. */
export function compactOf(day: Day): string {
  const iso = isoOf(day);
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

/** The same calendar day `years` later (or earlier); 29 February falls on 1 March in a common year. */
export function addYears(day: Day, years: number): Day {
  const d = new Date(day * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY;
}

/** Age in whole years on `on`, as every Japanese age is reckoned. */
export function ageOn(birth: Day, on: Day): number {
  const b = new Date(birth * MS_PER_DAY);
  const o = new Date(on * MS_PER_DAY);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** A birth day at which someone is exactly `age` on `on`; `u` in [0, 1) picks where in that year. */
export function birthDayForAge(on: Day, age: number, u: number): Day {
  const earliest = addYears(on, -(age + 1)) + 1;
  const latest = addYears(on, -age);
  return earliest + Math.floor(u * (latest - earliest + 1));
}

/** 'YYYYMMDDHHMMSS' for a moment given as seconds since 1970-01-01 00:00 (Japan's clock, no zone). */
export function timestamp14(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

export const SECONDS_PER_DAY = 86_400;
