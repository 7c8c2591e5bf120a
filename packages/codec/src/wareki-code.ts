import { digitsAt, type IsoDate } from './calendar.js';
import { ERAS, toEraDate, fromEra } from './eras.js';

/** 和暦 code date GYYMMDD: '3450312' = 昭和45年3月12日 = 1970-03-12; null when it is not a date of its era. */
export function parseWarekiCode(value: string): IsoDate | null {
  if (value.length !== 7) return null;
  const era = ERAS[digitsAt(value, 0, 1) - 1];
  if (era === undefined) return null;
  return fromEra(era, digitsAt(value, 1, 3), digitsAt(value, 3, 5), digitsAt(value, 5, 7));
}

/** The GYYMMDD code of a date. Throws RangeError before 明治, and from 令和100年 on (YY has two digits). */
export function toWarekiCode(iso: IsoDate): string {
  const { era, eraYear, month, day } = toEraDate(iso);
  if (eraYear > 99) throw new RangeError('era year does not fit the two digits of a code date');
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${era.code}${two(eraYear)}${two(month)}${two(day)}`;
}
