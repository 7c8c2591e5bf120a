import { ERAS, eraOf, parseWarekiCode, parseWarekiText, toEraDate, toWarekiCode, toWarekiText } from '../src/index.js';

// Each era's first and last day, with the day on the other side of each border written in the wrong era.
const BORDERS = [
  { era: '明治', letter: 'M', code: 1, first: ['1011023', '1868-10-23', 1, 10, 23], last: ['1450729', '1912-07-29', 45, 7, 29] },
  { era: '大正', letter: 'T', code: 2, first: ['2010730', '1912-07-30', 1, 7, 30], last: ['2151224', '1926-12-24', 15, 12, 24] },
  { era: '昭和', letter: 'S', code: 3, first: ['3011225', '1926-12-25', 1, 12, 25], last: ['3640107', '1989-01-07', 64, 1, 7] },
  { era: '平成', letter: 'H', code: 4, first: ['4010108', '1989-01-08', 1, 1, 8], last: ['4310430', '2019-04-30', 31, 4, 30] },
  { era: '令和', letter: 'R', code: 5, first: ['5010501', '2019-05-01', 1, 5, 1], last: null },
] as const;

describe('the eras', () => {
  it('are the five modern eras, in order, each beginning the day after the last ends', () => {
    expect(ERAS.map((e) => `${e.code}${e.letter}${e.name}`)).toEqual(['1M明治', '2T大正', '3S昭和', '4H平成', '5R令和']);
    for (let i = 1; i < ERAS.length; i++) {
      const end = new Date(`${ERAS[i - 1]!.end}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      expect(end.toISOString().slice(0, 10)).toBe(ERAS[i]!.start);
    }
    expect(ERAS.at(-1)!.end).toBeNull();
  });

  it('place a date in its era', () => {
    expect(eraOf('1989-01-07').name).toBe('昭和');
    expect(eraOf('1989-01-08').name).toBe('平成');
    expect(toEraDate('2019-05-01')).toMatchObject({ eraYear: 1, month: 5, day: 1, era: { letter: 'R' } });
    expect(() => eraOf('1868-10-22')).toThrow(RangeError);
    expect(() => eraOf('not a date')).toThrow(RangeError);
  });
});

describe('和暦 code dates (GYYMMDD)', () => {
  it("reads the spec's example", () => {
    expect(parseWarekiCode('3450312')).toBe('1970-03-12');
  });

  describe.each(BORDERS)('$era', ({ code, first, last }) => {
    it('begins on its first day, and not a day before', () => {
      expect(parseWarekiCode(first[0])).toBe(first[1]);
      const dayBefore = `${code}01${String(first[3]).padStart(2, '0')}${String(first[4] - 1).padStart(2, '0')}`;
      expect(parseWarekiCode(dayBefore)).toBeNull();
    });
    if (last) {
      it('ends on its last day, and not a day after', () => {
        expect(parseWarekiCode(last[0])).toBe(last[1]);
        const dayAfter = `${last[0].slice(0, 5)}${String(last[4] + 1).padStart(2, '0')}`;
        expect(parseWarekiCode(dayAfter)).toBeNull();
      });
    }
  });

  it.each<[string, string | null, string]>([
    ['1010101', null, '明治元年1月1日 is before 明治 began'],
    ['4310501', null, '平成31年5月1日 is past 平成'],
    ['5010430', null, '令和元年4月30日 is before 令和'],
    ['4320101', null, '平成32年 never came'],
    ['3650101', null, '昭和65年 never came'],
    ['2160101', null, '大正16年 never came'],
    ['1460101', null, '明治46年 never came'],
    ['5990101', '2117-01-01', '令和 has no end yet'],
    ['5060229', '2024-02-29', 'a leap day'],
    ['5050229', null, 'not a leap year'],
    ['1330229', null, '1900 was not a leap year'],
    ['4120229', '2000-02-29', '2000 was a leap year'],
    ['3000101', null, 'no era year 0'],
    ['6010101', null, 'no era 6'],
    ['0450312', null, 'no era 0'],
    ['9450312', null, 'no era 9'],
    ['3451312', null, 'no month 13'],
    ['3450012', null, 'no month 0'],
    ['3450332', null, 'no day 32'],
    ['3450300', null, 'no day 0'],
    ['3450431', null, 'no 31 April'],
    ['345031', null, 'too short'],
    ['34503121', null, 'too long'],
    ['', null, 'empty'],
    ['       ', null, 'blank'],
    ['34503 2', null, 'a space'],
    ['S450312', null, 'a letter'],
    ['-450312', null, 'a sign'],
    ['3.45031', null, 'a dot'],
    ['３４５０３１２', null, 'full-width digits are not a code'],
  ])('%s → %s (%s)', (code, iso) => {
    expect(parseWarekiCode(code)).toBe(iso);
  });

  it('writes every day from 明治 to 2040 and reads it back', () => {
    const day = new Date('1868-10-23T00:00:00Z');
    let checked = 0;
    while (day.getUTCFullYear() < 2041) {
      const iso = day.toISOString().slice(0, 10);
      const code = toWarekiCode(iso);
      if (code.length !== 7 || parseWarekiCode(code) !== iso) throw new Error(`${iso} → ${code}`);
      checked++;
      day.setUTCDate(day.getUTCDate() + 1);
    }
    expect(checked).toBeGreaterThan(62_800);
  });

  it('writes the border days in their own era', () => {
    expect(toWarekiCode('1989-01-07')).toBe('3640107');
    expect(toWarekiCode('1989-01-08')).toBe('4010108');
    expect(toWarekiCode('2019-04-30')).toBe('4310430');
    expect(toWarekiCode('2019-05-01')).toBe('5010501');
    expect(toWarekiCode('1947-08-15')).toBe('3220815');
  });

  it('refuses to write what a code cannot hold', () => {
    expect(() => toWarekiCode('1868-10-22')).toThrow(RangeError);
    expect(() => toWarekiCode('1800-01-01')).toThrow(RangeError);
    expect(() => toWarekiCode('2118-01-01')).toThrow(RangeError);
    expect(() => toWarekiCode('2024-02-30')).toThrow(RangeError);
    expect(() => toWarekiCode('garbage')).toThrow(RangeError);
  });
});

describe('和暦 text dates', () => {
  it.each([
    ['S45.3.12', '1970-03-12'],
    ['S45.03.12', '1970-03-12'],
    ['s45.3.12', '1970-03-12'],
    ['S 45.3.12', '1970-03-12'],
    ['H2.1.5', '1990-01-05'],
    ['H02.01.05', '1990-01-05'],
    ['R6.4.1', '2024-04-01'],
    ['r6.4.1', '2024-04-01'],
    ['R1.5.1', '2019-05-01'],
    ['S22.8.15', '1947-08-15'],
    ['M45.7.29', '1912-07-29'],
    ['T1.7.30', '1912-07-30'],
    ['昭和45年3月12日', '1970-03-12'],
    ['昭和45年 3月12日', '1970-03-12'],
    ['昭和 45 年 3 月 12 日', '1970-03-12'],
    ['昭和45年03月12日', '1970-03-12'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和元年12月25日', '1926-12-25'],
    ['大正元年7月30日', '1912-07-30'],
    ['明治元年10月23日', '1868-10-23'],
    ['令和６年２月２９日', '2024-02-29'],
    ['　Ｓ４５．３．１２ ', '1970-03-12'],
    ['ｓ４５．３．１２', '1970-03-12'],
    ['\u3000昭和４５年３月１２日\u3000', '1970-03-12'],
    ['  R6.4.1\t', '2024-04-01'],
  ])('%j → %s', (text, iso) => {
    expect(parseWarekiText(text)).toBe(iso);
  });

  it.each([
    ['H31.5.1', '平成31年5月1日 is past 平成'],
    ['平成31年5月1日', 'the same in kanji'],
    ['R1.4.30', '令和元年4月30日 is before 令和'],
    ['令和元年4月30日', 'the same in kanji'],
    ['S64.1.8', 'past 昭和'],
    ['H1.1.7', 'before 平成'],
    ['平成元年1月7日', 'before 平成'],
    ['T15.12.25', 'past 大正'],
    ['M1.1.1', 'before 明治'],
    ['H0.1.1', 'no year 0'],
    ['R5.2.29', 'not a leap year'],
    ['S45.2.30', 'no 30 February'],
    ['S45.13.1', 'no month 13'],
    ['X45.3.12', 'no era X'],
    ['S45/3/12', "not the spec's separator"],
    ['S45.3', 'no day'],
    ['S45..3.12', 'an empty part'],
    ['SS45.3.12', 'two letters'],
    ['S45.3.12x', 'trailing text'],
    ['S100.1.1', 'a three-digit year'],
    ['昭和45年3月', 'no day'],
    ['昭和四十五年三月十二日', 'kanji numerals'],
    ['元年5月1日', 'no era'],
    ['令和元年', 'no month or day'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['2024/4/1', '西暦'],
    ['1970-03-12', 'ISO'],
    ['3450312', 'a code, not text'],
  ])('%j is not a date (%s)', (text) => {
    expect(parseWarekiText(text)).toBeNull();
  });

  it('writes every style', () => {
    expect(toWarekiText('1970-03-12', 'letter')).toBe('S45.3.12');
    expect(toWarekiText('1970-03-12', 'letter-padded')).toBe('S45.03.12');
    expect(toWarekiText('1970-03-12', 'kanji')).toBe('昭和45年3月12日');
    expect(toWarekiText('2019-05-01', 'kanji')).toBe('令和元年5月1日');
    expect(toWarekiText('2019-05-01', 'letter')).toBe('R1.5.1');
    expect(toWarekiText('2019-05-01', 'letter-padded')).toBe('R01.05.01');
    expect(toWarekiText('1989-01-07', 'kanji')).toBe('昭和64年1月7日');
    expect(toWarekiText('1989-01-08', 'kanji')).toBe('平成元年1月8日');
    expect(toWarekiText('1990-01-05', 'kanji')).toBe('平成2年1月5日');
    expect(toWarekiText('1868-10-23', 'kanji')).toBe('明治元年10月23日');
  });

  it('reads back every style of every day from 明治 to 2040', () => {
    const day = new Date('1868-10-23T00:00:00Z');
    const styles = ['letter', 'letter-padded', 'kanji'] as const;
    while (day.getUTCFullYear() < 2041) {
      const iso = day.toISOString().slice(0, 10);
      for (const style of styles) {
        const text = toWarekiText(iso, style);
        if (parseWarekiText(text) !== iso) throw new Error(`${iso} → ${text}`);
      }
      day.setUTCDate(day.getUTCDate() + 7);
    }
  });

  it('refuses to write a date before 明治 or one that does not exist', () => {
    expect(() => toWarekiText('1868-10-22', 'kanji')).toThrow(RangeError);
    expect(() => toWarekiText('2023-02-29', 'letter')).toThrow(RangeError);
  });
});
