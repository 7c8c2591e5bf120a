import { isValidCalendarDate, parseIsoDate, parseSeirekiCompact, parseTimestamp14, todayInTokyo } from '../src/index.js';

describe('calendar dates', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2100, 2, 29, false],
    [2024, 2, 28, true],
    [2024, 4, 30, true],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 13, 1, false],
    [2024, 0, 1, false],
    [2024, 1, 0, false],
    [2024, 1, 32, false],
    [0, 1, 1, false],
    [2024, 1.5, 1, false],
    [Number.NaN, 1, 1, false],
  ])('%d-%d-%d exists: %s', (y, m, d, exists) => {
    expect(isValidCalendarDate(y, m, d)).toBe(exists);
  });

  it('reads YYYY-MM-DD only when it is a real date', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const text of ['2023-02-29', '2024-2-29', '2024/02/29', '20240229', '', 'garbage!!!', '２０２４-０２-２９']) {
      expect(parseIsoDate(text)).toBeNull();
    }
  });
});

describe('西暦 compact dates (YYYYMMDD)', () => {
  it.each([
    ['20240229', '2024-02-29'],
    ['20230229', null],
    ['19000229', null],
    ['20000229', '2000-02-29'],
    ['19990231', null],
    ['19850401', '1985-04-01'],
    ['00000000', null],
    ['        ', null],
    ['', null],
    ['2024041', null],
    ['202404011', null],
    ['2024-4-1', null],
    ['20241301', null],
    ['20240100', null],
    ['2024040 ', null],
    [' 2024040', null],
    ['２０２４０４０１', null],
    ['abcdefgh', null],
  ])('%j → %s', (text, iso) => {
    expect(parseSeirekiCompact(text)).toBe(iso);
  });
});

describe('timestamps (YYYYMMDDHHMMSS, Japan time)', () => {
  it.each([
    ['20240401093000', '2024-04-01T09:30:00+09:00'],
    ['20240229235959', '2024-02-29T23:59:59+09:00'],
    ['20240101000000', '2024-01-01T00:00:00+09:00'],
    ['20240401240000', null],
    ['20240401096000', null],
    ['20240401093060', null],
    ['20240431093000', null],
    ['20230229093000', null],
    ['2024040109300', null],
    ['202404010930000', null],
    ['00000000000000', null],
    ['              ', null],
    ['2024040109300A', null],
    ['20240401 93000', null],
  ])('%j → %s', (text, iso) => {
    expect(parseTimestamp14(text)).toBe(iso);
  });

  it('keeps the instant: +09:00 is Japan time', () => {
    expect(new Date(parseTimestamp14('20240401093000')!).toISOString()).toBe('2024-04-01T00:30:00.000Z');
  });
});

describe('today in Japan', () => {
  it('turns the date at 15:00 UTC', () => {
    expect(todayInTokyo(new Date('2024-03-31T14:59:59Z'))).toBe('2024-03-31');
    expect(todayInTokyo(new Date('2024-03-31T15:00:00Z'))).toBe('2024-04-01');
  });
});
