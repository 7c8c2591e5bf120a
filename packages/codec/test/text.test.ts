import { decodeCp932, encodeCp932, foldItaiji, hiraganaToKatakana, normaliseKanaForMatch, normaliseNameForMatch, toFullwidthKatakana, toHalfwidthKatakana } from '../src/index.js';

describe('CP932', () => {
  it('round-trips the NEC and IBM extension characters that plain Shift_JIS loses', () => {
    for (const text of ['髙橋', '山﨑', '①②', '㈱', 'Ⅲ', '纊', '渡邊', '齋藤']) {
      expect(decodeCp932(encodeCp932(text))).toEqual({ text, valid: true });
    }
  });

  it('accepts both the NEC-selected and the IBM code of one character', () => {
    expect(decodeCp932(Buffer.from([0xed, 0x40]))).toEqual({ text: '纊', valid: true });
    expect(decodeCp932(Buffer.from([0xfa, 0x5c]))).toEqual({ text: '纊', valid: true });
  });

  it.each([
    ['a lone lead byte at the end', [0x41, 0x81]],
    ['a lead byte with a bad trail byte', [0x81, 0x20]],
    ['an unassigned double-byte code', [0x85, 0x40]],
    ['0xFF', [0xff]],
    ['0xA0', [0xa0]],
    ['0x80', [0x80]],
    ['外字 (user-defined area)', [0xf0, 0x40]],
  ])('refuses %s', (_, bytes) => {
    expect(decodeCp932(Buffer.from(bytes)).valid).toBe(false);
  });

  it('decodes half-width katakana single bytes', () => {
    expect(decodeCp932(Buffer.from([0xd4, 0xcf, 0xc0, 0xde]))).toEqual({ text: 'ﾔﾏﾀﾞ', valid: true });
  });
});

describe('kana', () => {
  it('turns half-width katakana into full-width, composing ﾞ and ﾟ', () => {
    expect(toFullwidthKatakana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ タロウ');
    expect(toFullwidthKatakana('ﾊﾟｸ')).toBe('パク');
    expect(toFullwidthKatakana('ｳﾞｧｲｵﾘﾝ')).toBe('ヴァイオリン');
  });

  it('writes full-width katakana back as half-width', () => {
    expect(toHalfwidthKatakana('ヤマダ\u3000タロウ')).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(toHalfwidthKatakana('パク　ジュンペイ')).toBe('ﾊﾟｸ ｼﾞｭﾝﾍﾟｲ');
    expect(toFullwidthKatakana(toHalfwidthKatakana('ヴィヴァルディ'))).toBe('ヴィヴァルディ');
  });

  it('turns hiragana into katakana', () => {
    expect(hiraganaToKatakana('やまだ たろう')).toBe('ヤマダ タロウ');
  });

  it('gives one matching key for every way a reading is written', () => {
    const key = normaliseKanaForMatch('ヤマダ\u3000タロウ');
    for (const form of ['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだ　たろう', 'やまだたろう', ' ヤマダタロウ ']) expect(normaliseKanaForMatch(form)).toBe(key);
    expect(normaliseKanaForMatch('キョウコ')).toBe(normaliseKanaForMatch('キヨウコ'));
    expect(normaliseKanaForMatch('サトー')).toBe(normaliseKanaForMatch('サト'));
    expect(normaliseKanaForMatch('ヤマダ')).not.toBe(normaliseKanaForMatch('ヤマタ'));
  });
});

describe('異体字', () => {
  it('folds the variants NFKC leaves alone', () => {
    expect('髙'.normalize('NFKC')).toBe('髙');
    expect(foldItaiji('髙橋')).toBe('高橋');
    expect(foldItaiji('山﨑')).toBe(foldItaiji('山崎'));
    expect(foldItaiji('齋藤')).toBe(foldItaiji('斎藤'));
    expect(foldItaiji('渡邊')).toBe(foldItaiji('渡辺'));
    expect(foldItaiji('渡邉')).toBe(foldItaiji('渡辺'));
  });

  it('compares names without spaces and with compatibility forms folded', () => {
    expect(normaliseNameForMatch('髙橋　一郎')).toBe(normaliseNameForMatch('高橋 一郎'));
    expect(normaliseNameForMatch('山﨑 花子')).toBe('山崎花子');
  });
});
