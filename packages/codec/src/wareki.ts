import { isValidCalendarDate, isoDate, type IsoDate } from './calendar.js';

export interface Era {
  code: number;
  letter: 'M' | 'T' | 'S' | 'H' | 'R';
  name: string;
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive; null for the current era. */
  end: IsoDate | null;
}

export const ERAS: readonly Era[] = [
  { code: 1, letter: 'M', name: '明治', start: '1868-10-23', end: '1912-07-29' },
  { code: 2, letter: 'T', name: '大正', start: '1912-07-30', end: '1926-12-24' },
  { code: 3, letter: 'S', name: '昭和', start: '1926-12-25', end: '1989-01-07' },
  { code: 4, letter: 'H', name: '平成', start: '1989-01-08', end: '2019-04-30' },
  { code: 5, letter: 'R', name: '令和', start: '2019-05-01', end: null },
];

const firstYear = (era: Era): number => Number(era.start.slice(0, 4));

/** An era date as a western date, or null when it does not exist or lies outside the era (never "corrected"). */
export function fromEra(era: Era, eraYear: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(eraYear) || eraYear < 1) return null;
  const year = firstYear(era) + eraYear - 1;
  if (!isValidCalendarDate(year, month, day)) return null;
  const iso = isoDate(year, month, day);
  if (iso < era.start || (era.end !== null && iso > era.end)) return null;
  return iso;
}

export function eraOf(iso: IsoDate): Era {
  const era = [...ERAS].reverse().find((e) => iso >= e.start);
  if (!era) throw new RangeError('date before 明治 cannot be written in 和暦');
  return era;
}

/** 和暦 code date GYYMMDD: '3450312' = 昭和45年3月12日 = 1970-03-12. */
export function parseWarekiCode(value: string): IsoDate | null {
  if (!/^\d{7}$/.test(value)) return null;
  const era = ERAS.find((e) => e.code === Number(value[0]));
  if (!era) return null;
  return fromEra(era, Number(value.slice(1, 3)), Number(value.slice(3, 5)), Number(value.slice(5, 7)));
}

export function toWarekiCode(iso: IsoDate): string {
  const era = eraOf(iso);
  const eraYear = Number(iso.slice(0, 4)) - firstYear(era) + 1;
  return `${era.code}${String(eraYear).padStart(2, '0')}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

const LETTER_FORM = /^([MTSHR])\s*(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/;
const KANJI_FORM = /^(明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * 和暦 text dates as staff and systems write them: S45.3.12, S45.03.12, R6.4.1, 昭和45年3月12日,
 * 昭和45年 3月12日, 令和元年5月1日; full-width digits and surrounding spaces allowed.
 */
export function parseWarekiText(value: string): IsoDate | null {
  const text = value.normalize('NFKC').trim();
  const letter = LETTER_FORM.exec(text.toUpperCase());
  if (letter) {
    const era = ERAS.find((e) => e.letter === letter[1])!;
    return fromEra(era, Number(letter[2]), Number(letter[3]), Number(letter[4]));
  }
  const kanji = KANJI_FORM.exec(text);
  if (kanji) {
    const era = ERAS.find((e) => e.name === kanji[1])!;
    const year = kanji[2] === '元' ? 1 : Number(kanji[2]);
    return fromEra(era, year, Number(kanji[3]), Number(kanji[4]));
  }
  return null;
}

export function toWarekiText(iso: IsoDate, style: 'letter' | 'letter-padded' | 'kanji'): string {
  const era = eraOf(iso);
  const eraYear = Number(iso.slice(0, 4)) - firstYear(era) + 1;
  const [month, day] = [Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (style === 'kanji') return `${era.name}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
  const pad = (n: number): string => (style === 'letter-padded' ? String(n).padStart(2, '0') : String(n));
  return `${era.letter}${pad(eraYear)}.${pad(month)}.${pad(day)}`;
}
