import fc from 'fast-check';
import { encodeCp932 } from '@welfare-hub/codec';
import { parseSochiList } from '../../src/sochi/parse.js';
import { parseSochiFileName } from '../../src/sochi/file-name.js';

const HEADER = '宛名番号,措置区分,開始日,終了日,更新日時';
const list = (...lines: string[]): Buffer => encodeCp932(lines.map((l) => `${l}\r\n`).join(''));
const OPEN = '0000012345,1,20260401,,20260401093000';
const ENDED = '0000012346,3,20250401,20260331,20260331170000';

describe('parseSochiList', () => {
  it('reads the rows of a list, an open measure with no end', () => {
    expect(parseSochiList(list(HEADER, OPEN, ENDED))).toEqual({
      ok: true,
      duplicates: 0,
      rows: [
        { atenaNo: '0000012345', kubun: '1', startDate: '2026-04-01', endDate: null, updatedAt: '2026-04-01T09:30:00+09:00' },
        { atenaNo: '0000012346', kubun: '3', startDate: '2025-04-01', endDate: '2026-03-31', updatedAt: '2026-03-31T17:00:00+09:00' },
      ],
    });
  });

  it('takes a header-only list as a list of no one, and quoted fields and stray spaces as their values', () => {
    expect(parseSochiList(list(HEADER))).toEqual({ ok: true, rows: [], duplicates: 0 });
    const quoted = parseSochiList(list('"宛名番号","措置区分","開始日","終了日","更新日時"', '"0000012345", "1" ,20260401,"",20260401093000'));
    expect(quoted).toMatchObject({ ok: true, rows: [{ atenaNo: '0000012345', kubun: '1', endDate: null }] });
  });

  it('keeps identical rows once and counts them; keeps a measure and its renewal both', () => {
    const renewal = '0000012345,1,20250401,20260331,20250401093000';
    const parsed = parseSochiList(list(HEADER, OPEN, OPEN, renewal, OPEN));
    expect(parsed).toMatchObject({ ok: true, duplicates: 2 });
    expect(parsed.ok && parsed.rows.map((r) => r.startDate)).toEqual(['2026-04-01', '2025-04-01']);
  });

  it('skips empty lines', () => {
    expect(parseSochiList(list(HEADER, '', OPEN, '   '))).toMatchObject({ ok: true, rows: [{ atenaNo: '0000012345' }] });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty file', true],
    ['a last line without CRLF', Buffer.concat([list(HEADER), encodeCp932(OPEN)]), 'does not end in CRLF', true],
    ['a file ending in a lone CR', Buffer.concat([list(HEADER), encodeCp932(`${OPEN}\r`)]), 'does not end in CRLF', true],
    ['LF line ends (an ASCII-mode transfer)', encodeCp932(`${HEADER}\n${OPEN}\r\n`), 'line 1: a CR or LF', false],
    ['bytes that are not CP932', Buffer.concat([list(HEADER), Buffer.from([0x30, 0x85, 0x40, 0x0d, 0x0a])]), 'line 2: not CP932', false],
    ['a double-byte character cut by the line end', Buffer.concat([list(HEADER), Buffer.from([0x30, 0x82, 0x0d, 0x0a])]), 'line 2: not CP932', false],
    ['外字', Buffer.concat([list(HEADER), Buffer.from([0xf0, 0x40, 0x0d, 0x0a])]), 'line 2: not CP932', false],
    ['another header', list('atena,kubun,start,end,updated', OPEN), 'line 1: header', false],
    ['a missing header', list(OPEN), 'line 1: header', false],
    ['four columns', list(HEADER, '0000012345,1,20260401,20260401093000'), 'line 2: expected 5 columns, found 4', false],
    ['six columns', list(HEADER, `${OPEN},x`), 'line 2: expected 5 columns, found 6', false],
    ['a 宛名番号 of 9 digits', list(HEADER, OPEN.slice(1)), 'line 2: 宛名番号', false],
    ['a 宛名番号 in full-width digits', list(HEADER, `０００００１２３４５${OPEN.slice(10)}`), 'line 2: 宛名番号', false],
    ['an unknown 措置区分', list(HEADER, OPEN.replace(',1,', ',4,')), 'line 2: 措置区分: code not in the specification', false],
    ['a blank 措置区分', list(HEADER, OPEN.replace(',1,', ',,')), 'line 2: 措置区分', false],
    ['29 February of a common year', list(HEADER, OPEN.replace('20260401', '20230229')), 'line 2: 開始日: not a date', false],
    ['a thirteenth month', list(HEADER, ENDED.replace('20260331,', '20261301,')), 'line 2: 終了日: not a date', false],
    ['a 和暦 date', list(HEADER, OPEN.replace('20260401', '5080401')), 'line 2: 開始日: not a date', false],
    ['zeros for a date', list(HEADER, OPEN.replace('20260401', '00000000')), 'line 2: 開始日: not a date', false],
    ['an end before the start', list(HEADER, ENDED.replace('20260331,', '20240331,')), 'line 2: 終了日: before 開始日', false],
    ["a 更新日時 at 25 o'clock", list(HEADER, OPEN.replace('093000', '253000')), 'line 2: 更新日時: not a timestamp', false],
    ['a bad row after good ones', list(HEADER, OPEN, ENDED, 'x'), 'line 4: expected 5 columns', false],
  ])('refuses the whole list for %s, naming the line and never a value', (_, bytes, problem, cut) => {
    const parsed = parseSochiList(bytes);
    expect(parsed).toMatchObject({ ok: false, cut });
    expect(parsed.ok || parsed.problem).toContain(problem);
    expect(parsed.ok || parsed.problem).not.toMatch(/0000012345|2026040/);
  });

  const row = fc.record({
    atenaNo: fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => String(n).padStart(10, '0')),
    kubun: fc.constantFrom('1', '2', '3', '9'),
    start: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    days: fc.option(fc.integer({ min: 0, max: 800 })),
  });
  const compact = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
  const line = (r: { atenaNo: string; kubun: string; start: Date; days: number | null }) =>
    `${r.atenaNo},${r.kubun},${compact(r.start)},${r.days === null ? '' : compact(new Date(r.start.getTime() + r.days * 86_400_000))},${compact(r.start)}120000`;

  it('reads back every row written (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const parsed = parseSochiList(list(HEADER, ...rows.map(line)));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.rows.length + parsed.duplicates).toBe(rows.length);
      }),
    );
  });

  it('never applies a list cut anywhere but at a line end (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.nat(), (rows, at) => {
        const bytes = list(HEADER, ...rows.map(line));
        const cut = at % bytes.length;
        const atLineEnd = cut >= 2 && bytes[cut - 2] === 0x0d && bytes[cut - 1] === 0x0a;
        fc.pre(!atLineEnd);
        expect(parseSochiList(bytes.subarray(0, cut)).ok).toBe(false);
      }),
    );
  });
});

describe('parseSochiFileName', () => {
  it('knows the list and its date', () => {
    expect(parseSochiFileName('JUKI_SOCHI_20261122.csv')).toEqual({ date: '2026-11-22' });
  });
  it.each([
    'JUKI_SOCHI_20230229.csv',
    'JUKI_SOCHI_2026112.csv',
    'JUKI_SOCHI_20261122.CSV',
    'JUKI_SOCHI_20261122.csv.tmp',
    'JUKI_FULL_20261122.DAT',
    '',
  ])('is null for %j', (name) => expect(parseSochiFileName(name)).toBeNull());
});
