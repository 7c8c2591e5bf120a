import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { decodeCp932, encodeCp932 } from '../src/index.js';

const bytes = (...values: number[]): Buffer => Buffer.from(values);

describe('decodeCp932', () => {
  it.each([
    ['髙', [0xfb, 0xfc]],
    ['﨑', [0xfa, 0xb1]],
    ['①', [0x87, 0x40]],
    ['㈱', [0x87, 0x8a]],
    ['Ⅲ', [0x87, 0x56]],
    ['№', [0x87, 0x82]],
    ['～', [0x81, 0x60]],
    ['山', [0x8e, 0x52]],
    ['\u3000', [0x81, 0x40]],
  ])('reads %s from its CP932 bytes and writes it back to them', (text, code) => {
    expect(decodeCp932(Buffer.from(code))).toEqual({ text, valid: true });
    expect([...encodeCp932(text)]).toEqual(code);
  });

  it('round-trips the NEC and IBM extension characters that plain Shift_JIS loses', () => {
    const text = '髙橋 山﨑 ①②③⑳ ⅠⅡⅩ ⅰⅹ ㈱㈲㈹ ㍻㍼ ℡ 纊褜鍈銈 德 渡邊 齋藤 濵';
    expect(decodeCp932(encodeCp932(text))).toEqual({ text, valid: true });
  });

  it('accepts both the NEC-selected and the IBM code of one character', () => {
    expect(decodeCp932(bytes(0xed, 0x40))).toEqual({ text: '纊', valid: true });
    expect(decodeCp932(bytes(0xfa, 0x5c))).toEqual({ text: '纊', valid: true });
    // NEC row 13 duplicates of JIS symbols are valid too, though they encode back to the JIS code.
    expect(decodeCp932(bytes(0x87, 0x90))).toEqual({ text: '≒', valid: true });
  });

  it('decodes ASCII (0x5C is the backslash, 0x7E the tilde, as Microsoft maps them) and half-width katakana', () => {
    expect(decodeCp932(Buffer.from('AZ09 \\~\r\n', 'latin1'))).toEqual({ text: 'AZ09 \\~\r\n', valid: true });
    expect(decodeCp932(bytes(0xd4, 0xcf, 0xc0, 0xde, 0x20, 0xc0, 0xdb, 0xb3))).toEqual({ text: 'ﾔﾏﾀﾞ ﾀﾛｳ', valid: true });
    expect(decodeCp932(bytes(0xa1, 0xdf))).toEqual({ text: '｡ﾟ', valid: true });
  });

  it('decodes nothing to nothing', () => {
    expect(decodeCp932(new Uint8Array(0))).toEqual({ text: '', valid: true });
  });

  it.each([
    ['a lone lead byte at the end', [0x41, 0x81]],
    ['a lone lead byte alone', [0x81]],
    ['a lead byte before a space', [0x81, 0x20]],
    ['a lead byte before DEL', [0x81, 0x7f]],
    ['a lead byte before CR', [0x81, 0x0d]],
    ['a lead byte before 0xFD', [0x81, 0xfd]],
    ['a lead byte before a lead byte at the end', [0x88, 0x88]],
    ['an unassigned double-byte code (row 0x85)', [0x85, 0x40]],
    ['an unassigned double-byte code (row 0xEB)', [0xeb, 0x40]],
    ['an unassigned code inside a row (0x84BF)', [0x84, 0xbf]],
    ['0xFF', [0xff]],
    ['0xFE', [0xfe]],
    ['0xFD', [0xfd]],
    ['0xA0', [0xa0]],
    ['0x80', [0x80]],
    ['外字 at the start of the user-defined area', [0xf0, 0x40]],
    ['外字 at the end of the user-defined area', [0xf9, 0xfc]],
    ['a bad byte after good text', [0x8e, 0x52, 0x93, 0x63, 0xff]],
  ])('refuses %s', (_, code) => {
    expect(decodeCp932(Buffer.from(code)).valid).toBe(false);
  });

  it('shows where the bytes were not characters: U+FFFD, and an ASCII byte after a bad lead read again', () => {
    expect(decodeCp932(bytes(0x41, 0x81, 0x20, 0x42))).toEqual({ text: 'A\uFFFD B', valid: false });
    expect(decodeCp932(bytes(0x81, 0xfd, 0x41))).toEqual({ text: '\uFFFDA', valid: false });
    expect(decodeCp932(bytes(0x8e, 0x52, 0x81))).toEqual({ text: '山\uFFFD', valid: false });
    expect(decodeCp932(bytes(0xff, 0x80))).toEqual({ text: '\uFFFD\uFFFD', valid: false });
  });

  it('keeps 外字 as its private-use code point, so a caller can tell it from broken bytes', () => {
    expect(decodeCp932(bytes(0xf0, 0x40))).toEqual({ text: '\uE000', valid: false });
  });

  it('takes any Uint8Array, views into larger buffers included', () => {
    const whole = Buffer.concat([Buffer.from('xx'), encodeCp932('山田'), Buffer.from('yy')]);
    expect(decodeCp932(new Uint8Array(whole.buffer, whole.byteOffset + 2, 4))).toEqual({ text: '山田', valid: true });
    expect(decodeCp932(Uint8Array.from([0x8e, 0x52]))).toEqual({ text: '山', valid: true });
  });

  it('decodes input larger than its reusable buffer, and leaves earlier results alone', () => {
    const text = '髙﨑①㈱ｱ山a'.repeat(20_000);
    const first = decodeCp932(encodeCp932(text));
    decodeCp932(encodeCp932('上書き'));
    expect(first).toEqual({ text, valid: true });
    const small = decodeCp932(encodeCp932('山田'));
    decodeCp932(encodeCp932('川上'));
    expect(small.text).toBe('山田');
  });

  it('agrees with iconv-lite on every one- and two-byte sequence', () => {
    // iconv-lite marks what is not a character with U+FFFD, a C1 control (0x80) or a private-use code point.
    const reference = (input: Buffer): string | null => {
      const text = iconv.decode(input, 'cp932');
      return /[\uFFFD\u0080-\u009F\uE000-\uF8FF]/u.test(text) ? null : text;
    };
    const disagreements: string[] = [];
    const check = (input: Buffer): void => {
      const expected = reference(input);
      const actual = decodeCp932(input);
      if (actual.valid !== (expected !== null) || (expected !== null && actual.text !== expected)) {
        disagreements.push(input.toString('hex'));
      }
    };
    for (let first = 0; first < 0x100; first++) {
      check(bytes(first));
      check(bytes(first, 0x41, 0x42));
      for (let second = 0; second < 0x100; second++) check(bytes(first, second));
    }
    expect(disagreements).toEqual([]);
  });

  // A second, independent decoder where Node carries it (full ICU): its Shift_JIS is the WHATWG one, which is CP932.
  const icu = ((): TextDecoder | null => {
    try {
      return new TextDecoder('shift_jis', { fatal: true });
    } catch {
      return null;
    }
  })();
  (icu ? it : it.skip)('agrees with the WHATWG Shift_JIS decoder on every printable two-byte sequence', () => {
    const disagreements: string[] = [];
    for (let lead = 0x80; lead < 0x100; lead++) {
      // Control bytes are left out: ICU's decoder swaps 0x1A, 0x1C and 0x7F, as IBM code pages do.
      for (let trail = 0x20; trail < 0x100; trail++) {
        if (trail === 0x7f) continue;
        const input = bytes(lead, trail);
        let expected: string | null;
        try {
          expected = icu!.decode(input);
        } catch {
          expected = null;
        }
        // Where the two differ on purpose: 外字 (private use) and 0x80 are not characters here.
        if (expected !== null && /[\u0080\uE000-\uF8FF]/u.test(expected)) expected = null;
        const actual = decodeCp932(input);
        if (actual.valid !== (expected !== null) || (expected !== null && actual.text !== expected)) {
          disagreements.push(input.toString('hex'));
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('encodeCp932', () => {
  it('writes full-width, half-width and ASCII text', () => {
    expect(encodeCp932('山田\u3000太郎')).toEqual(bytes(0x8e, 0x52, 0x93, 0x63, 0x81, 0x40, 0x91, 0xbe, 0x98, 0x59));
    expect(encodeCp932('ﾀﾞ1')).toEqual(bytes(0xc0, 0xde, 0x31));
  });

  it('writes what CP932 lacks as ?, which decodeCp932 reads back as a different text', () => {
    expect(encodeCp932('😀').toString('latin1')).toBe('?');
    expect(decodeCp932(encodeCp932('𠮷')).text).not.toBe('𠮷');
  });
});
