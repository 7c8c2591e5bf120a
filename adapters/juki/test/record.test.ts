import { encodeCp932 } from '@welfare-hub/codec';
import { parseJukiRecord, parseTrailer, parseJukiFileName } from '../src/index.js';
import { record, trailer, YAMADA_TARO } from './support/records.js';

const rejected = (bytes: Buffer) => {
  const result = parseJukiRecord(bytes);
  if (result.ok) throw new Error('expected a rejection');
  return result;
};

describe('a juki record', () => {
  it('reads the spec\'s example record field by field', () => {
    const result = parseJukiRecord(record());
    expect(result).toEqual({
      ok: true,
      record: {
        atenaNo: '0000012345',
        setaiNo: '0000004567',
        relationshipCode: '01',
        relationship: '世帯主',
        name: '山田\u3000太郎',
        nameKana: 'ヤマダ\u3000タロウ',
        birthDate: '1947-08-15',
        sex: 'MALE',
        district: '0101',
        address: '○○市本町一丁目２番３号',
        residentStatus: 1,
        changeDate: '1985-04-01',
        changeReason: '01',
        updatedAt: '2024-04-01T09:30:00+09:00',
      },
    });
  });

  it('reads the second example (子, 昭和47年)', () => {
    const result = parseJukiRecord(record({ atenaNo: '0000012346', relationship: '04', name: '山田\u3000一郎', nameKana: 'ﾔﾏﾀﾞ ｲﾁﾛｳ', birthDate: '3470220' }));
    expect(result.ok && result.record).toMatchObject({ relationship: '子', nameKana: 'ヤマダ\u3000イチロウ', birthDate: '1972-02-20' });
  });

  it('keeps 異体字 and the NEC/IBM extension characters as written', () => {
    const result = parseJukiRecord(record({ name: '髙﨑\u3000邊', address: '○○市①丁目㈱ビル' }));
    expect(result.ok && result.record.name).toBe('髙﨑\u3000邊');
    expect(result.ok && result.record.address).toBe('○○市①丁目㈱ビル');
  });

  it('reads a name at full field length (20 full-width characters, no padding)', () => {
    const name = `${'長'.repeat(10)}\u3000${'名'.repeat(9)}`;
    const result = parseJukiRecord(record({ name, address: '本'.repeat(30) }));
    expect(result.ok && result.record.name).toBe(name);
    expect(result.ok && result.record.address).toBe('本'.repeat(30));
  });

  it('turns half-width kana with separate ﾞ and ﾟ into full-width katakana', () => {
    const result = parseJukiRecord(record({ nameKana: 'ﾊﾟｸ ｼﾞｭﾝﾍﾟｲ' }));
    expect(result.ok && result.record.nameKana).toBe('パク\u3000ジュンペイ');
  });

  it.each([
    ['4310501', '平成31年5月1日 is past 平成'],
    ['5010430', '令和元年4月30日 is before 令和'],
    ['3640107', '昭和64年1月7日 is the last day of 昭和'],
    ['3640108', '昭和64年1月8日 is 平成'],
    ['4010107', '平成元年1月7日 is 昭和'],
    ['3450230', 'no 30 February'],
    ['6010101', 'no era 6'],
    ['3000101', 'no era year 0'],
    ['34503 2', 'not digits'],
  ])('judges the birth date %s (%s)', (code, why) => {
    const result = parseJukiRecord(record({ birthDate: code }));
    if (code === '3640107') {
      expect(result.ok && result.record.birthDate).toBe('1989-01-07');
      return;
    }
    expect(result.ok).toBe(false);
    expect(rejected(record({ birthDate: code })).field).toBe('生年月日');
    expect(why).toBeTruthy();
  });

  it.each<[keyof typeof YAMADA_TARO, string, string]>([
    ['relationship', '14', '続柄コード'],
    ['relationship', '00', '続柄コード'],
    ['sex', '3', '性別'],
    ['residentStatus', '5', '住民状態'],
    ['changeReason', '10', '異動事由'],
    ['changeDate', '20240231', '異動日'],
    ['changeDate', '00000000', '異動日'],
    ['updatedAt', '20240401250000', '更新日時'],
    ['atenaNo', '00000A2345', '宛名番号'],
    ['setaiNo', '          ', '世帯番号'],
    ['district', '01A1', '地区コード'],
    ['kind', '2', 'レコード区分'],
    ['name', '', '氏名'],
  ])('rejects %s = %j, naming the field', (key, value, field) => {
    expect(rejected(record({ [key]: value })).field).toBe(field);
  });

  it('rejects bytes that are not CP932, and says so without quoting the record', () => {
    const bad = rejected(record({}, { name: Buffer.from([0x81, 0x20, 0x85, 0x40]) }));
    expect(bad.field).toBe('氏名');
    expect(bad.reason).toContain('CP932');
    expect(bad.reason).not.toMatch(/山田|0000012345/);
  });

  it('rejects a double-byte character cut by the field boundary', () => {
    // 20 full-width characters fill 40 bytes; a 21st would start in 氏名 and end in 氏名カナ.
    const cut = Buffer.concat([encodeCp932('山'.repeat(19)), encodeCp932('田').subarray(0, 1), Buffer.from(' ')]);
    expect(cut.length).toBe(40);
    expect(rejected(record({}, { name: cut })).field).toBe('氏名');
  });

  it('rejects 外字 (user-defined characters) rather than guess them', () => {
    expect(rejected(record({}, { name: Buffer.from([0xf0, 0x40, 0x81, 0x40]) })).field).toBe('氏名');
  });

  it.each([199, 201, 0])('rejects a record of %i bytes', (length) => {
    const bytes = Buffer.concat([record(), Buffer.from(' ')]).subarray(0, length);
    expect(rejected(length === 201 ? Buffer.concat([record(), Buffer.from(' ')]) : bytes).reason).toMatch(/record length/);
  });
});

describe('the trailer and file names', () => {
  it('reads the count of a trailer and refuses anything else', () => {
    expect(parseTrailer(trailer(12))).toBe(12);
    expect(parseTrailer(record())).toBeNull();
    expect(parseTrailer(Buffer.from('9000000001X'.padEnd(200, ' ')))).toBeNull();
    expect(parseTrailer(trailer(1).subarray(0, 199))).toBeNull();
  });

  it('knows the two file kinds and their dates', () => {
    expect(parseJukiFileName('JUKI_FULL_20261120.DAT')).toEqual({ kind: 'FULL', date: '2026-11-20' });
    expect(parseJukiFileName('JUKI_IDO_20261121.DAT')).toEqual({ kind: 'IDO', date: '2026-11-21' });
    for (const name of ['JUKI_IDO_20261131.DAT', 'juki_full_20261120.dat', 'JUKI_FULL_20261120.DAT.tmp', 'README']) {
      expect(parseJukiFileName(name)).toBeNull();
    }
  });
});
