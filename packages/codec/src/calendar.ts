/** 'YYYY-MM-DD'. */
export type IsoDate = string;

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A 'YYYY-MM-DD' string's parts, or null when it is not one or not a real date. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const [year, month, day] = [digitsAt(iso, 0, 4), digitsAt(iso, 5, 7), digitsAt(iso, 8, 10)];
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The ASCII digits value[from..to) as a number; -1 when any is not a digit. Read by char code, not by regular
 * expression and Number(): the juki reader parses three dates per record, millions of records a run.
 */
export function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 0x30;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** 'YYYYMMDD' (西暦). Null for blanks, zeros and dates that do not exist, such as 19990231. */
export function parseSeirekiCompact(value: string): IsoDate | null {
  if (value.length !== 8) return null;
  const [y, m, d] = [digitsAt(value, 0, 4), digitsAt(value, 4, 6), digitsAt(value, 6, 8)];
  return isValidCalendarDate(y, m, d) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : null;
}

/** 'YYYYMMDDHHMMSS', Japan time, as ISO 8601 with its +09:00 offset. */
export function parseTimestamp14(value: string): string | null {
  if (value.length !== 14) return null;
  const date = parseSeirekiCompact(value.slice(0, 8));
  const [h, mi, s] = [digitsAt(value, 8, 10), digitsAt(value, 10, 12), digitsAt(value, 12, 14)];
  if (date === null || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return null;
  return `${date}T${value.slice(8, 10)}:${value.slice(10, 12)}:${value.slice(12, 14)}+09:00`;
}

/** Today's date in Japan, where every age and validity in the hub is reckoned. */
// Built once: making a DateTimeFormat costs far more than using one, and this runs on every request.
const TOKYO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInTokyo(now: Date = new Date()): IsoDate {
  return TOKYO_DAY.format(now);
}
