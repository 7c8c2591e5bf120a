const HALF = 'ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const FULL = 'ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const VOICED = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
const VOICED_BASE = 'カキクケコサシスセソタチツテトハヒフヘホ';
const SEMI = 'パピプペポ';
const SEMI_BASE = 'ハヒフヘホ';

const table = new Map<string, string>();
for (let i = 0; i < FULL.length; i++) table.set(FULL[i]!, HALF[i]!);
for (let i = 0; i < VOICED.length; i++) table.set(VOICED[i]!, `${table.get(VOICED_BASE[i]!)}ﾞ`);
for (let i = 0; i < SEMI.length; i++) table.set(SEMI[i]!, `${table.get(SEMI_BASE[i]!)}ﾟ`);
table.set('ヴ', 'ｳﾞ');
table.set('\u3000', ' ');
table.set('ヰ', 'ｲ');
table.set('ヱ', 'ｴ');

/**
 * Full-width katakana as the old systems write it: half-width, with ﾞ and ﾟ as separate characters
 * (ガ → ｶﾞ). The inverse of what NFKC does; characters without a half-width form pass through.
 */
export function toHalfwidthKatakana(value: string): string {
  let out = '';
  for (const c of value) out += table.get(c) ?? c;
  return out;
}
