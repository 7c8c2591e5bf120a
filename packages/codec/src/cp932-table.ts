import iconv from 'iconv-lite';

/** In `single`: the byte starts a double-byte character. */
export const LEAD = 0xfffe;
/** In `single`: the byte is not a character of its own (0x80, 0xA0, 0xFD-0xFF). */
export const NOT_ASSIGNED = 0xffff;

export interface Cp932Table {
  /** Per byte: its UTF-16 code unit, LEAD or NOT_ASSIGNED. */
  single: Uint16Array;
  /** Per (lead << 8 | trail): the code unit, or 0 where CP932 assigns nothing (no pair stands for U+0000). */
  double: Uint16Array;
}

const isLead = (b: number): boolean => (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);

export const isPrivateUse = (unit: number): boolean => unit >= 0xe000 && unit <= 0xf8ff;

// iconv-lite answers bytes that are not a character with U+FFFD; its cp932 table turns the stray single bytes
// into a C1 control (0x80) or private-use code points (0xA0, 0xFD-0xFF): none of those was written as text.
function character(text: string): number | null {
  if (text.length !== 1) return null;
  const unit = text.charCodeAt(0);
  return unit === 0xfffd || (unit >= 0x80 && unit <= 0x9f) ? null : unit;
}

function build(): Cp932Table {
  const single = new Uint16Array(0x100);
  const double = new Uint16Array(0x10000);
  for (let b = 0; b < 0x100; b++) {
    if (isLead(b)) {
      single[b] = LEAD;
      continue;
    }
    const unit = character(iconv.decode(Buffer.of(b), 'cp932'));
    single[b] = unit === null || isPrivateUse(unit) ? NOT_ASSIGNED : unit;
  }
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (!isLead(lead)) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      // 外字 (F040-F9FC) stay in the table as their private-use code points: the decoder flags them itself.
      const unit = character(iconv.decode(Buffer.of(lead, trail), 'cp932'));
      if (unit !== null) double[(lead << 8) | trail] = unit;
    }
  }
  return { single, double };
}

let table: Cp932Table | null = null;

/**
 * CP932 as lookup tables, built on first use from iconv-lite's own mapping (so the characters are exactly
 * iconv-lite's, NEC and IBM extensions included). A lookup per byte is about ten times faster than an
 * iconv-lite decoder per field, and it tells exactly which bytes are not CP932 instead of guessing from
 * replacement characters in the output.
 */
export function cp932Table(): Cp932Table {
  table ??= build();
  return table;
}
