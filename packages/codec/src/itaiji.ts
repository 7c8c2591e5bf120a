/**
 * 旧字体 and 異体字 folded to one form for matching. NFKC leaves these alone (髙 and 高 are different
 * characters to Unicode), yet registries and sector systems write the same family name either way.
 * The table is the project's own: extend it as variants are met.
 */
const VARIANTS: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  齋: '斉',
  齊: '斉',
  斎: '斉',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  濱: '浜',
  濵: '浜',
  櫻: '桜',
  廣: '広',
  國: '国',
  龍: '竜',
  眞: '真',
  藏: '蔵',
  德: '徳',
  惠: '恵',
  圓: '円',
  實: '実',
  學: '学',
  來: '来',
  條: '条',
  瀨: '瀬',
  榮: '栄',
  壽: '寿',
  與: '与',
  萬: '万',
  禮: '礼',
  戶: '戸',
  黑: '黒',
  淺: '浅',
  傳: '伝',
  檜: '桧',
  槇: '槙',
  冨: '富',
  埜: '野',
  舘: '館',
  籠: '篭',
  顯: '顕',
  將: '将',
  彌: '弥',
  勳: '勲',
  驒: '騨',
  讓: '譲',
  團: '団',
  縣: '県',
  兒: '児',
  鐵: '鉄',
  寬: '寛',
  靜: '静',
  晝: '昼',
  關: '関',
};

export function foldItaiji(value: string): string {
  let out = '';
  for (const c of value) out += VARIANTS[c] ?? c;
  return out;
}

/** A name as matching compares it: NFKC (which also folds the CJK compatibility ideographs), variants folded, no spaces. */
export function normaliseNameForMatch(value: string): string {
  return foldItaiji(value.normalize('NFKC')).replace(/[\s\u3000]/g, '');
}
