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

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'YYYYMMDD' (西暦). Null for blanks, zeros and dates that do not exist, such as 19990231. */
export function parseSeirekiCompact(value: string): IsoDate | null {
  if (!/^\d{8}$/.test(value)) return null;
  const [y, m, d] = [Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8))];
  return isValidCalendarDate(y, m, d) ? isoDate(y, m, d) : null;
}

/** 'YYYYMMDDHHMMSS', Japan time, as ISO 8601 with its +09:00 offset. */
export function parseTimestamp14(value: string): string | null {
  if (!/^\d{14}$/.test(value)) return null;
  const date = parseSeirekiCompact(value.slice(0, 8));
  const [h, mi, s] = [Number(value.slice(8, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14))];
  if (!date || h > 23 || mi > 59 || s > 59) return null;
  return `${date}T${value.slice(8, 10)}:${value.slice(10, 12)}:${value.slice(12, 14)}+09:00`;
}

/** Today's date in Japan, where every age and validity in the hub is reckoned. */
export function todayInTokyo(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
