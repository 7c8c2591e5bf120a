import iconv from 'iconv-lite';
import { LEAD, NOT_ASSIGNED, cp932Table, isPrivateUse } from './cp932-table.js';

const REPLACEMENT = 0xfffd;

// Fields are short: one reusable output buffer spares an allocation per field. Decoding is synchronous, so
// no second call can run while one is filling it.
const SCRATCH = Buffer.allocUnsafe(16 * 1024);

/**
 * Decodes CP932 (Microsoft's Shift_JIS, with the NEC and IBM extensions: ①, ㈱, 髙, 﨑). `valid` is false
 * when any byte sequence is not a CP932 character: a lead byte without a trail byte (a double-byte character
 * cut by a field boundary), a pair that CP932 does not assign, a stray 0x80, 0xA0 or 0xFD-0xFF, or 外字
 * (F040-F9FC, user-defined characters whose meaning only the sending system knows). The text then carries
 * U+FFFD where the bytes were not characters and the private-use code point for 外字, so callers can see where.
 *
 * No round-trip check: the NEC-selected IBM codes (ED/EE rows) and NEC row 13 duplicates are valid but encode
 * back to other bytes (0xED40 and 0xFA5C are both 纊).
 */
export function decodeCp932(bytes: Uint8Array): { text: string; valid: boolean } {
  const { single, double } = cp932Table();
  const length = bytes.length;
  const out = length * 2 <= SCRATCH.length ? SCRATCH : Buffer.allocUnsafe(length * 2);
  let units = 0;
  let valid = true;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    let unit = single[byte]!;
    if (unit === LEAD) {
      const trail = i + 1 < length ? bytes[i + 1]! : -1;
      const pair = trail < 0 ? 0 : double[(byte << 8) | trail]!;
      if (pair !== 0) {
        i++;
        unit = pair;
        if (isPrivateUse(pair)) valid = false;
      } else {
        // As the WHATWG decoder does: an ASCII byte after a bad lead is read again as itself, any other is spent.
        if (trail >= 0x80) i++;
        unit = REPLACEMENT;
        valid = false;
      }
    } else if (unit === NOT_ASSIGNED) {
      unit = REPLACEMENT;
      valid = false;
    }
    out[units * 2] = unit & 0xff;
    out[units * 2 + 1] = unit >>> 8;
    units++;
  }
  return { text: out.toString('utf16le', 0, units * 2), valid };
}

/** Characters CP932 lacks become '?', as iconv-lite writes them: check with decodeCp932 when that matters. */
export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}
