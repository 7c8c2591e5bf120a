/**
 * Half-width katakana (with ﾞ ﾟ as separate characters) to full-width: NFKC composes them. Being NFKC, it
 * also turns U+3000 and full-width letters and digits into ASCII: callers that want U+3000 put it back.
 */
export function toFullwidthKatakana(value: string): string {
  return value.normalize('NFKC');
}

export function hiraganaToKatakana(value: string): string {
  return value.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const SMALL_TO_LARGE: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};

/**
 * The reading as matching compares it: NFKC, katakana, no spaces, small kana as large, long-vowel marks
 * and dashes dropped, so ﾔﾏﾀﾞ ﾀﾛｳ, やまだ　たろう and ヤマダタロウ give one key.
 */
export function normaliseKanaForMatch(value: string): string {
  const katakana = hiraganaToKatakana(value.normalize('NFKC'));
  return katakana
    .replace(/[\s\u3000]/g, '')
    .replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => SMALL_TO_LARGE[c]!)
    .replace(/[ー－―‐\-‑–—]/g, '');
}
