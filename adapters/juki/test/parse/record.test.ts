import { encodeCp932 } from '@welfare-hub/codec';
import { record, trailer, YAMADA_TARO, type Fields } from '../support/records.js';
import { CHANGE_REASONS, RELATIONSHIPS } from '../../src/parse/codes.js';
import { FIELDS, RECORD_LENGTH } from '../../src/parse/layout.js';
import { parseJukiRecord, parseTrailer, type JukiRecord } from '../../src/parse/record.js';

function accepted(bytes: Uint8Array): JukiRecord {
  const result = parseJukiRecord(bytes);
  if (!result.ok) throw new Error(`expected the record to pass, got: ${result.reason}`);
  return result.record;
}

function rejected(bytes: Uint8Array): { reason: string; field?: string } {
  const result = parseJukiRecord(bytes);
  if (result.ok) throw new Error('expected a rejection');
  return result;
}

describe('the layout', () => {
  it("tiles the 200 bytes with the spec's fields, in order, without gap or overlap", () => {
    let next = 1;
    for (const spec of Object.values(FIELDS)) {
      expect(spec.from).toBe(next);
      next += spec.bytes;
    }
    expect(next - 1).toBe(RECORD_LENGTH);
  });

  it("has the spec's code tables", () => {
    expect(Object.keys(RELATIONSHIPS).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13']);
    expect(RELATIONSHIPS['13']).toBe('子の配偶者');
    expect(Object.keys(CHANGE_REASONS).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '99']);
  });
});

describe('parseJukiRecord', () => {
  it("reads the spec's two example records", () => {
    expect(accepted(record())).toEqual({
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
    });
    const second = record({ atenaNo: '0000012346', relationship: '04', name: '山田\u3000一郎', nameKana: 'ﾔﾏﾀﾞ ｲﾁﾛｳ', birthDate: '3470220' });
    expect(accepted(second)).toMatchObject({
      atenaNo: '0000012346',
      relationship: '子',
      name: '山田\u3000一郎',
      nameKana: 'ヤマダ\u3000イチロウ',
      birthDate: '1972-02-20',
    });
  });

  it('reads a plain Uint8Array, and a record that is a view into a larger buffer', () => {
    const bytes = record();
    expect(accepted(Uint8Array.from(bytes)).atenaNo).toBe('0000012345');
    const framed = Buffer.concat([Buffer.from('xx'), bytes, Buffer.from('\r\n')]);
    expect(accepted(framed.subarray(2, 202)).updatedAt).toBe('2024-04-01T09:30:00+09:00');
  });

  it('keeps 異体字 and the NEC/IBM extension characters as written', () => {
    const person = accepted(record({ name: '髙﨑\u3000邊', address: '○○市①丁目㈱ビル髙' }));
    expect(person.name).toBe('髙﨑\u3000邊');
    expect(person.address).toBe('○○市①丁目㈱ビル髙');
  });

  it('reads a name and an address that fill their fields, with no padding', () => {
    const name = `${'長'.repeat(10)}\u3000${'名'.repeat(9)}`;
    expect(encodeCp932(name)).toHaveLength(40);
    const person = accepted(record({ name, address: '本'.repeat(30), nameKana: 'ｱ'.repeat(20) + ' ' + 'ｲ'.repeat(19) }));
    expect(person.name).toBe(name);
    expect(person.address).toBe('本'.repeat(30));
    expect(person.nameKana).toBe(`${'ア'.repeat(20)}\u3000${'イ'.repeat(19)}`);
  });

  it('removes only the padding of full-width fields, half-width spaces from careless writers included', () => {
    expect(accepted(record({ name: '山田\u3000太郎\u3000\u3000' })).name).toBe('山田\u3000太郎');
    expect(accepted(record({}, { name: Buffer.concat([encodeCp932('山田\u3000太郎'), Buffer.from('    ')]) })).name).toBe('山田\u3000太郎');
    expect(accepted(record({ address: '本町\u3000１番' })).address).toBe('本町\u3000１番');
  });

  it.each([
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ\u3000タロウ'],
    ['ﾊﾟｸ ｼﾞｭﾝﾍﾟｲ', 'パク\u3000ジュンペイ'],
    ['ｳﾞｨｸﾄﾙ ﾎﾟｰﾙ', 'ヴィクトル\u3000ポール'],
    ['ｷｮｳｺﾞｸ ｯﾂ', 'キョウゴク\u3000ッツ'],
    ['ﾔﾏﾀﾞ  ﾀﾛｳ', 'ヤマダ\u3000タロウ'],
    [' ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ\u3000タロウ'],
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
  ])('reads the kana %j as %j', (kana, expected) => {
    expect(accepted(record({ nameKana: kana })).nameKana).toBe(expected);
  });

  it('reads every 続柄, 住民状態 and 異動事由 the spec lists', () => {
    for (const [code, name] of Object.entries(RELATIONSHIPS)) {
      expect(accepted(record({ relationship: code }))).toMatchObject({ relationshipCode: code, relationship: name });
    }
    for (const status of [1, 2, 3, 4] as const) expect(accepted(record({ residentStatus: String(status) })).residentStatus).toBe(status);
    for (const code of Object.keys(CHANGE_REASONS)) expect(accepted(record({ changeReason: code })).changeReason).toBe(code);
    expect(accepted(record({ sex: '2' })).sex).toBe('FEMALE');
  });

  it.each([
    ['1011023', '1868-10-23'],
    ['1450729', '1912-07-29'],
    ['2010730', '1912-07-30'],
    ['3011225', '1926-12-25'],
    ['3640107', '1989-01-07'],
    ['4010108', '1989-01-08'],
    ['4310430', '2019-04-30'],
    ['5010501', '2019-05-01'],
    ['5060229', '2024-02-29'],
  ])('reads the birth date %s as %s', (code, iso) => {
    expect(accepted(record({ birthDate: code })).birthDate).toBe(iso);
  });

  it.each<[keyof Fields, string, string]>([
    ['kind', '9', 'レコード区分'],
    ['kind', ' ', 'レコード区分'],
    ['kind', '2', 'レコード区分'],
    ['atenaNo', '00000123 5', '宛名番号'],
    ['atenaNo', '-000012345', '宛名番号'],
    ['atenaNo', '00000A2345', '宛名番号'],
    ['setaiNo', '          ', '世帯番号'],
    ['relationship', '14', '続柄コード'],
    ['relationship', '00', '続柄コード'],
    ['relationship', '1 ', '続柄コード'],
    ['name', '', '氏名'],
    ['nameKana', '', '氏名カナ'],
    ['nameKana', 'YAMADA TARO', '氏名カナ'],
    ['nameKana', 'ｱﾞ', '氏名カナ'],
    ['nameKana', 'やまだ たろう', '氏名カナ'],
    ['birthDate', '4310501', '生年月日'], // 平成31年5月1日 is past 平成
    ['birthDate', '5010430', '生年月日'], // 令和元年4月30日 is before 令和
    ['birthDate', '3640108', '生年月日'], // 昭和64年1月8日 is 平成
    ['birthDate', '4010107', '生年月日'], // 平成元年1月7日 is 昭和
    ['birthDate', '3450230', '生年月日'], // no 30 February
    ['birthDate', '5050229', '生年月日'],
    ['birthDate', '3000101', '生年月日'],
    ['birthDate', '6010101', '生年月日'],
    ['birthDate', '       ', '生年月日'],
    ['birthDate', '34503 2', '生年月日'], // not digits
    ['sex', '3', '性別'],
    ['sex', '0', '性別'],
    ['sex', ' ', '性別'],
    ['district', '01A1', '地区コード'],
    ['district', '    ', '地区コード'],
    ['address', '', '住所'],
    ['residentStatus', '5', '住民状態'],
    ['residentStatus', '0', '住民状態'],
    ['changeDate', '20230229', '異動日'],
    ['changeDate', '20240231', '異動日'],
    ['changeDate', '00000000', '異動日'],
    ['changeDate', '2024041 ', '異動日'],
    ['changeReason', '10', '異動事由'],
    ['changeReason', '00', '異動事由'],
    ['updatedAt', '20240401250000', '更新日時'],
    ['updatedAt', '20240229093000', ''],
    ['updatedAt', '              ', '更新日時'],
  ])('judges %s = %j', (key, value, field) => {
    const result = parseJukiRecord(record({ [key]: value }));
    if (field === '') {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result).toMatchObject({ ok: false, field });
  });

  it('refuses bytes in 氏名 that are not CP932, naming the field and the fault', () => {
    for (const bad of [
      [0x81, 0x20],
      [0x85, 0x40],
      [0xff, 0x40],
      [0xa0, 0x40],
      [0xf0, 0x40],
    ]) {
      expect(rejected(record({}, { name: Buffer.concat([encodeCp932('山田'), Buffer.from(bad)]) }))).toMatchObject({ field: '氏名' });
    }
    const bad = rejected(record({}, { name: Buffer.from([0x81, 0x20, 0x85, 0x40]) }));
    expect(bad.field).toBe('氏名');
    expect(bad.reason).toContain('CP932');
    expect(bad.reason).not.toMatch(/山田|0000012345/);
  });

  it('refuses 外字 (user-defined characters) rather than guess them', () => {
    expect(rejected(record({}, { name: Buffer.from([0xf0, 0x40, 0x81, 0x40]) })).field).toBe('氏名');
  });

  it('refuses a double-byte character cut by the end of its field', () => {
    // 20 full-width characters fill 40 bytes; a 21st would start in 氏名 and end in 氏名カナ.
    const cut = Buffer.concat([encodeCp932('山'.repeat(19)), encodeCp932('田').subarray(0, 1), Buffer.from(' ')]);
    expect(cut).toHaveLength(40);
    expect(rejected(record({}, { name: cut })).field).toBe('氏名');
    const address = Buffer.concat([encodeCp932('本'.repeat(29)), encodeCp932('町').subarray(0, 1), Buffer.from(' ')]);
    expect(rejected(record({}, { address })).field).toBe('住所');
  });

  it('names the first faulty field in the record when there are several', () => {
    expect(rejected(record({ atenaNo: 'XXXXXXXXXX', sex: '3', changeReason: '00' })).field).toBe('宛名番号');
    expect(rejected(record({ birthDate: '4310501', updatedAt: 'x' })).field).toBe('生年月日');
    expect(rejected(record({ changeDate: '20230229', changeReason: '00' })).field).toBe('異動日');
  });

  it('never quotes the record in its reasons: the field and the fault only', () => {
    const faults: Partial<Fields>[] = [
      { kind: '2' },
      { atenaNo: '00000A2345' },
      { relationship: '14' },
      { nameKana: 'ABC' },
      { birthDate: '4310501' },
      { sex: '3' },
      { district: '01A1' },
      { residentStatus: '9' },
      { changeDate: '20230229' },
      { changeReason: '10' },
      { updatedAt: '20240401250000' },
    ];
    const personal = [YAMADA_TARO.atenaNo, YAMADA_TARO.setaiNo, '山田', '太郎', 'ﾔﾏﾀﾞ', 'ヤマダ', '本町', '3220815', '1985', '2024'];
    const reasons = faults.map((fault) => rejected(record(fault)).reason);
    reasons.push(rejected(record({}, { name: Buffer.from([0x81, 0x20]) })).reason);
    for (const reason of reasons) {
      // (Codes of a digit or two are left out: "expected 10 digits" is no quotation of 異動事由 '10'.)
      const values = [...personal, ...faults.flatMap((f) => Object.values(f)).filter((v) => v.length >= 3)];
      for (const value of values) expect(reason).not.toContain(value);
      // The field's name (as the spec writes it), a colon, then the fault in English.
      expect(reason).toMatch(/^[^\x00-\x7f]+: [\x20-\x7e]*[a-z][\x20-\x7e]*( \(.*\))?$/);
    }
  });

  it.each([0, 1, 199, 201, 202, 400])('refuses a record of %i bytes by its length', (length) => {
    const bytes = Buffer.alloc(length, 0x20);
    record().copy(bytes);
    expect(parseJukiRecord(bytes)).toEqual({ ok: false, reason: `record length ${length}, expected 200` });
  });
});

describe('parseTrailer', () => {
  const trailerOf = (text: string): Buffer => Buffer.from(text.padEnd(200, ' '), 'latin1');

  it('reads the count of data records', () => {
    expect(parseTrailer(trailerOf('90000000012'))).toBe(12);
    expect(parseTrailer(trailerOf('90000000000'))).toBe(0);
    expect(parseTrailer(trailerOf('99999999999'))).toBe(9_999_999_999);
    expect(parseTrailer(Uint8Array.from(trailerOf('90000000003')))).toBe(3);
    expect(parseTrailer(trailer(12))).toBe(12); // the trailer the test files are written with
  });

  it('is null for anything that is not a trailer', () => {
    expect(parseTrailer(record())).toBeNull();
    expect(parseTrailer(trailerOf('1000000001'))).toBeNull();
    expect(parseTrailer(trailerOf('9000000001'))).toBeNull(); // nine digits, then a space
    expect(parseTrailer(trailerOf('900000000 1'))).toBeNull();
    expect(parseTrailer(trailerOf('90000000001X'))).toBeNull();
    expect(parseTrailer(trailerOf('9000000001X'))).toBeNull();
    expect(parseTrailer(Buffer.concat([trailerOf('90000000001').subarray(0, 199), Buffer.from([0x81])]))).toBeNull();
    expect(parseTrailer(trailerOf('90000000001').subarray(0, 199))).toBeNull();
    expect(parseTrailer(Buffer.from('90000000001'.padEnd(201, ' '), 'latin1'))).toBeNull();
    expect(parseTrailer(new Uint8Array(0))).toBeNull();
  });
});
