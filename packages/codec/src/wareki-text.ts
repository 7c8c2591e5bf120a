import type { IsoDate } from './calendar.js';
import { ERAS, toEraDate, fromEra } from './eras.js';

// Applied after NFKC (full-width digits, letters and dots become ASCII) and upper-casing.
const LETTER_FORM = /^([MTSHR])\s*(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/;
const KANJI_FORM = /^(明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * 和暦 text dates as staff and systems write them: S45.3.12, S45.03.12, R6.4.1, 昭和45年3月12日,
 * 昭和45年 3月12日, 令和元年5月1日; lower-case letters, full-width digits and surrounding spaces allowed.
 * Null when the text is none of these, or not a date of its era.
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
    return fromEra(era, kanji[2] === '元' ? 1 : Number(kanji[2]), Number(kanji[3]), Number(kanji[4]));
  }
  return null;
}

export type WarekiTextStyle = 'letter' | 'letter-padded' | 'kanji';

/** 'S45.3.12', 'S45.03.12' or '昭和45年3月12日' (元年 for the first year). Throws RangeError before 明治. */
export function toWarekiText(iso: IsoDate, style: WarekiTextStyle): string {
  const { era, eraYear, month, day } = toEraDate(iso);
  if (style === 'kanji') return `${era.name}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
  const pad = (n: number): string => (style === 'letter-padded' ? String(n).padStart(2, '0') : String(n));
  return `${era.letter}${pad(eraYear)}.${pad(month)}.${pad(day)}`;
}
