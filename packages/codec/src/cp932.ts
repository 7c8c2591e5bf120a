import iconv from 'iconv-lite';

/**
 * Bytes that do not stand for a character here: U+FFFD is where iconv-lite met bytes that are not CP932
 * (a lone lead byte, an unassigned code); C1 controls come from the unassigned single bytes 0x80 and 0xA0
 * region; the private-use area is 外字 (user-defined characters) whose meaning only the sending system knows.
 */
const NOT_A_CHARACTER = /[\uFFFD\u0080-\u009F\uE000-\uF8FF]/u;

/**
 * Decodes CP932 (Microsoft's Shift_JIS, with the NEC and IBM extensions: ①, ㈱, 髙, 﨑). No round-trip
 * check: the NEC-selected and IBM codes of one character (0xED40 and 0xFA5C are both 纊) are both valid
 * and encode back to one of them only.
 */
export function decodeCp932(bytes: Uint8Array): { text: string; valid: boolean } {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Most fields are digits and codes: ASCII needs no decoder (and 0x00-0x7F are all CP932).
  if (isAscii(buffer)) return { text: buffer.toString('latin1'), valid: true };
  const text = iconv.decode(buffer, 'cp932');
  return { text, valid: !NOT_A_CHARACTER.test(text) };
}

export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}

function isAscii(buffer: Buffer): boolean {
  for (let i = 0; i < buffer.length; i++) if (buffer[i]! > 0x7f) return false;
  return true;
}
