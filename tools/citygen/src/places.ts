import type { Random } from './random.js';

/** 日常生活圏域: the district codes and the towns in each. */
export const DISTRICTS: readonly (readonly [string, readonly string[]])[] = [
  ['0101', ['本町', '栄町']],
  ['0102', ['緑町', '旭町']],
  ['0103', ['東町', '朝日台']],
  ['0104', ['西町', '松原']],
  ['0105', ['南町', '桜台']],
  ['0106', ['北町', '若葉']],
  ['0107', ['中央', '泉']],
  ['0108', ['川端', '山手']],
];

const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function kanjiNumber(n: number): string {
  if (n < 10) return KANJI_DIGITS[n]!;
  return `${n >= 20 ? KANJI_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? KANJI_DIGITS[n % 10] : ''}`;
}

function fullwidthDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

export interface Address {
  district: string;
  address: string;
}

export function randomAddress(random: Random, city = '○○市'): Address {
  const [district, towns] = random.pick(DISTRICTS);
  const town = random.pick(towns);
  const chome = random.int(1, 5);
  const ban = random.int(1, 30);
  const go = random.int(1, 20);
  const apartment = random.chance(0.25)
    ? `　${random.pick(['コーポ', 'ハイツ', 'メゾン'])}${town}${fullwidthDigits(random.int(1, 4) * 100 + random.int(1, 8))}号室`
    : '';
  return { district, address: `${city}${town}${kanjiNumber(chome)}丁目${fullwidthDigits(ban)}番${fullwidthDigits(go)}号${apartment}`.slice(0, 30) };
}
