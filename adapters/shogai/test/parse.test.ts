import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCp932 } from '@welfare-hub/codec';
import { SODAN_HEADER, TECHO_HEADER, parseJukyusha, parseShogaiFileName, parseSodan, parseTecho, readCsvFile } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'shogai-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(...parts: (string | Buffer)[]): string {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, Buffer.concat(parts.map((p) => (typeof p === 'string' ? encodeCp932(p) : p))));
  return path;
}

const techo = ['0000012345', '山田　花子', 'ﾔﾏﾀﾞ ﾊﾅｺ', 'S45.03.12', '3', '2級', '精神', 'R5.4.1', 'R7.3.31', '2026/11/21 22:10:05'];
const line = (fields: string[]) => `${fields.join(',')}\r\n`;

describe('the CSV exports', () => {
  it('reads quoted commas, doubled quotes and line breaks inside a field', async () => {
    const sodan = [
      '40001',
      '',
      'ﾔﾏﾀﾞ ﾀﾛｳ',
      'S22.8.15',
      'R6.4.1',
      'ひきこもり',
      '"母と同居, ""外出なし""\r\n次回訪問"',
      '基幹相談支援センター',
      '対応中',
    ];
    const result = await readCsvFile(
      file(line(SODAN_HEADER), line(sodan), line([...sodan.slice(0, 1).map(() => '40002'), ...sodan.slice(1)])),
      SODAN_HEADER,
    );
    expect(result.complete).toBe(true);
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]!.fields[6]).toBe('母と同居, "外出なし"\r\n次回訪問');
    expect(result.rows[1]).toMatchObject({ recordNo: 2, line: 4 });
    expect(result.rows[0]).toMatchObject({ recordNo: 1, line: 2 });
    const parsed = parseSodan(result.rows[0]!.fields);
    expect(parsed).toMatchObject({
      ok: true,
      value: { sourceKey: '40001', atenaNo: null, nameKana: 'ヤマダ\u3000タロウ', birthDate: '1947-08-15', date: '2024-04-01', status: 'OPEN' },
    });
  });

  it('reports a file that ends inside a record as cut short', async () => {
    expect((await readCsvFile(file(line(TECHO_HEADER), line(techo), '0000012346,山田'), TECHO_HEADER)).complete).toBe(false);
    expect((await readCsvFile(file(line(TECHO_HEADER), line(techo), '0000012346,"山田\r\n'), TECHO_HEADER)).complete).toBe(false);
  });

  it('refuses a file whose header is not the specified one', async () => {
    const result = await readCsvFile(file(line([...TECHO_HEADER.slice(0, 9), '更新日']), line(techo)), TECHO_HEADER);
    expect(result).toMatchObject({ complete: false, problem: 'header row is not the specified one' });
  });

  it('rejects alone a record with bytes that are not CP932 or the wrong number of fields', async () => {
    const result = await readCsvFile(
      // Record 2 begins with a byte pair that is not CP932; record 3 is a column short.
      file(line(TECHO_HEADER), line(techo), Buffer.from([0x85, 0x40]), line(techo), line(techo.slice(0, 9)), line(techo)),
      TECHO_HEADER,
    );
    expect(result.complete).toBe(true);
    expect(result.rows.map((r) => r.recordNo)).toEqual([1, 4]);
    expect(result.rejected.map((r) => r.reason)).toEqual(['bytes that are not CP932 (or 外字)', '9 fields, expected 10']);
  });
});

describe('the records', () => {
  it('reads a 手帳 in every 和暦 form', () => {
    for (const birth of ['S45.03.12', 'S45.3.12', '昭和45年3月12日', '昭和45年 3月12日']) {
      const parsed = parseTecho(techo.map((f, i) => (i === 3 ? birth : f)));
      expect(parsed.ok && parsed.value.birthDate).toBe('1970-03-12');
    }
    const parsed = parseTecho(techo);
    expect(parsed).toMatchObject({
      ok: true,
      value: { type: 'MENTAL', grade: '2級', validUntil: '2025-03-31', updatedAt: '2026-11-21T22:10:05+09:00' },
    });
  });

  it.each([
    [3, 'H31.5.1', '生年月日'],
    [3, 'S45.2.30', '生年月日'],
    [4, '4', '手帳種別'],
    [5, '7級', '等級'],
    [5, 'A', '等級'],
    [0, '12345', '宛名番号'],
    [2, '山田', '氏名カナ'],
    [9, '2026-11-21 22:10:05', '更新日時'],
  ])('rejects column %i = %j, naming %s', (index, value, field) => {
    const parsed = parseTecho(techo.map((f, i) => (i === index ? value : f)));
    expect(parsed).toMatchObject({ ok: false, field });
    expect(parsed.ok ? '' : parsed.reason).not.toContain(value);
  });

  it('accepts the older 療育 grades and a blank 宛名番号', () => {
    const parsed = parseTecho(['', '山田　花子', 'ﾔﾏﾀﾞ ﾊﾅｺ', 'H2.1.5', '2', 'B1', '知的', 'H10.4.1', '', '2026/11/21 22:10:05']);
    expect(parsed).toMatchObject({ ok: true, value: { atenaNo: null, type: 'INTELLECTUAL', grade: 'B1', validUntil: null } });
  });

  it('reads a 受給者証 with services and no 区分 for a child', () => {
    const parsed = parseJukyusha([
      '3000000001',
      '',
      'ﾔﾏﾀﾞ ﾊﾙﾄ',
      'R2.6.1',
      '',
      '放課後等デイサービス',
      'R6.4.1',
      'R7.3.31',
      '',
      '2026/11/21 22:10:05',
    ]);
    expect(parsed).toMatchObject({ ok: true, value: { supportLevel: null, services: ['放課後等デイサービス'], planOffice: null } });
    const adult = parseJukyusha([
      '3000000002',
      '0000012345',
      'ﾔﾏﾀﾞ ﾀﾛｳ',
      'S50.1.1',
      '区分7',
      '生活介護',
      'R6.4.1',
      'R7.3.31',
      '',
      '2026/11/21 22:10:05',
    ]);
    expect(adult).toMatchObject({ ok: false, field: '障害支援区分' });
  });

  it('knows the file names', () => {
    expect(parseShogaiFileName('SHOGAI_SODAN_20261122.csv')).toEqual({ kind: 'SODAN', date: '2026-11-22' });
    expect(parseShogaiFileName('SHOGAI_SODAN_20261132.csv')).toBeNull();
  });
});
