import { ERAS, parseWarekiCode, parseWarekiText, toWarekiCode, toWarekiText, parseSeirekiCompact, parseTimestamp14, isValidCalendarDate } from '../src/index.js';

describe('和暦 code dates (GYYMMDD)', () => {
  it('reads the spec\'s example', () => {
    expect(parseWarekiCode('3450312')).toBe('1970-03-12');
  });

  // Every era's first and last day, and the day on either side.
  it.each([
    ['1010101', null], // 明治元年1月1日 is before 明治 began (1868-10-23)
    ['1011023', '1868-10-23'],
    ['1450729', '1912-07-29'],
    ['1450730', null],
    ['2010729', null],
    ['2010730', '1912-07-30'],
    ['2151224', '1926-12-24'],
    ['2151225', null],
    ['3011224', null],
    ['3011225', '1926-12-25'],
    ['3640107', '1989-01-07'],
    ['3640108', null],
    ['4010107', null],
    ['4010108', '1989-01-08'],
    ['4310430', '2019-04-30'],
    ['4310501', null],
    ['5010430', null],
    ['5010501', '2019-05-01'],
    ['5060229', '2024-02-29'],
    ['5050229', null],
    ['3000101', null],
    ['6010101', null],
    ['0450312', null],
    ['345031', null],
    ['34503121', null],
    ['３４５０３１２', null],
    ['3451312', null],
    ['3450332', null],
  ])('%s → %s', (code, iso) => {
    expect(parseWarekiCode(code)).toBe(iso);
  });

  it('writes any date from 明治 on and reads it back', () => {
    for (const iso of ['1868-10-23', '1912-07-30', '1926-12-25', '1947-08-15', '1989-01-08', '2019-04-30', '2019-05-01', '2026-11-22']) {
      expect(parseWarekiCode(toWarekiCode(iso))).toBe(iso);
    }
    expect(toWarekiCode('2019-05-01')).toBe('5010501');
    expect(() => toWarekiCode('1868-10-22')).toThrow(RangeError);
  });

  it('has five eras in order', () => {
    expect(ERAS.map((e) => e.letter).join('')).toBe('MTSHR');
  });
});

describe('和暦 text dates', () => {
  it.each([
    ['S45.3.12', '1970-03-12'],
    ['S45.03.12', '1970-03-12'],
    ['s45.3.12', '1970-03-12'],
    ['H2.1.5', '1990-01-05'],
    ['R6.4.1', '2024-04-01'],
    ['昭和45年3月12日', '1970-03-12'],
    ['昭和45年 3月12日', '1970-03-12'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['　Ｓ４５．３．１２ ', '1970-03-12'],
    ['昭和４５年３月１２日', '1970-03-12'],
    ['S22.8.15', '1947-08-15'],
    ['M45.7.29', '1912-07-29'],
    ['T1.7.30', '1912-07-30'],
    ['H31.5.1', null],
    ['平成31年5月1日', null],
    ['R1.4.30', null],
    ['S64.1.8', null],
    ['H0.1.1', null],
    ['S45.2.30', null],
    ['X45.3.12', null],
    ['S45/3/12', null],
    ['昭和45年3月', null],
    ['', null],
    ['2024/4/1', null],
  ])('%j → %s', (text, iso) => {
    expect(parseWarekiText(text)).toBe(iso);
  });

  it('writes every style', () => {
    expect(toWarekiText('1970-03-12', 'letter')).toBe('S45.3.12');
    expect(toWarekiText('1970-03-12', 'letter-padded')).toBe('S45.03.12');
    expect(toWarekiText('2019-05-01', 'kanji')).toBe('令和元年5月1日');
    expect(toWarekiText('1990-01-05', 'kanji')).toBe('平成2年1月5日');
  });
});

describe('西暦 dates and timestamps', () => {
  it.each([
    ['20240229', '2024-02-29'],
    ['20230229', null],
    ['19000229', null],
    ['20000229', '2000-02-29'],
    ['19990231', null],
    ['00000000', null],
    ['        ', null],
    ['2024041', null],
  ])('%j → %s', (text, iso) => {
    expect(parseSeirekiCompact(text)).toBe(iso);
  });

  it('reads timestamps as Japan time', () => {
    expect(parseTimestamp14('20240401093000')).toBe('2024-04-01T09:30:00+09:00');
    expect(parseTimestamp14('20240401240000')).toBeNull();
    expect(parseTimestamp14('20240431093000')).toBeNull();
    expect(parseTimestamp14('2024040109300')).toBeNull();
  });

  it('knows leap years', () => {
    expect(isValidCalendarDate(2024, 2, 29)).toBe(true);
    expect(isValidCalendarDate(2100, 2, 29)).toBe(false);
    expect(isValidCalendarDate(2024, 4, 31)).toBe(false);
    expect(isValidCalendarDate(2024, 13, 1)).toBe(false);
  });
});
