import { foldItaiji, normaliseNameForMatch } from '../src/index.js';

describe('foldItaiji', () => {
  // Each group folds to one form, whatever that form is.
  it.each([
    ['髙', '高'],
    ['﨑', '崎', '嵜'],
    ['齋', '齊', '斎', '斉'],
    ['邊', '邉', '辺'],
    ['澤', '沢'],
    ['濱', '浜'],
    ['櫻', '桜'],
    ['廣', '広'],
    ['國', '国'],
    ['龍', '竜'],
    ['眞', '真'],
    ['藏', '蔵'],
    ['德', '徳'],
    ['惠', '恵'],
    ['圓', '円'],
    ['實', '実'],
    ['學', '学'],
    ['來', '来'],
    ['條', '条'],
    ['瀨', '瀬'],
  ])('folds %s', (...forms) => {
    const folded = new Set(forms.map(foldItaiji));
    expect(folded.size).toBe(1);
  });

  it('folds what NFKC leaves alone', () => {
    for (const variant of ['髙', '﨑', '齋', '邊', '澤']) expect(variant.normalize('NFKC')).toBe(variant);
    expect(foldItaiji('髙橋')).toBe('高橋');
    expect(foldItaiji('渡邊')).toBe(foldItaiji('渡辺'));
  });

  it('folds to a form that folds no further, and leaves other characters alone', () => {
    const text = '髙﨑嵜齋齊斎邊邉澤濱櫻廣國龍眞藏德惠圓實學來條瀨';
    expect(foldItaiji(foldItaiji(text))).toBe(foldItaiji(text));
    expect(foldItaiji('山田 太郎 ヤマダ abc')).toBe('山田 太郎 ヤマダ abc');
  });
});

describe('normaliseNameForMatch', () => {
  it('compares names without spaces, with variants and compatibility forms folded', () => {
    expect(normaliseNameForMatch('髙橋　一郎')).toBe(normaliseNameForMatch('高橋 一郎'));
    expect(normaliseNameForMatch('山﨑 花子')).toBe('山崎花子');
    expect(normaliseNameForMatch('渡邊\u3000\u3000美穂 ')).toBe(normaliseNameForMatch('渡辺美穂'));
    expect(normaliseNameForMatch('齋藤\t健')).toBe(normaliseNameForMatch('斉藤健'));
  });

  it('applies NFKC: full-width letters and CJK compatibility ideographs', () => {
    expect(normaliseNameForMatch('ＪＯＨＮ　ＳＭＩＴＨ')).toBe('JOHNSMITH');
    expect(normaliseNameForMatch('\uFA10本')).toBe('塚本');
  });

  it('keeps different names apart', () => {
    expect(normaliseNameForMatch('高橋一郎')).not.toBe(normaliseNameForMatch('高橋二郎'));
  });
});
