import type { Random } from './random.js';

/** The city's name as addresses write it. */
export const CITY_NAME = '○○市';

/** 日常生活圏域 (4-digit codes) and the towns (町名) in each. */
export const DISTRICTS: readonly (readonly [code: string, towns: readonly string[]])[] = [
  ['0101', ['本町', '栄町', '元町', '大手町', '宮前']],
  ['0102', ['緑町', '旭町', '若松町', '寿町', '春日']],
  ['0103', ['東町', '朝日台', '日の出町', '昭和町', '曙町']],
  ['0104', ['西町', '松原', '柳町', '白山', '錦町']],
  ['0105', ['南町', '桜台', '桜木町', '幸町', '千歳町']],
  ['0106', ['北町', '若葉', '青葉台', '双葉町', '高砂']],
  ['0107', ['中央', '泉', '弥生町', '富士見', '城山']],
  ['0108', ['川端', '山手', '港町', '浜町', '八幡']],
];

const TOWNS = DISTRICTS.flatMap(([code, towns]) => towns.map((town) => ({ town, district: code })));
const CHOME = 6;
const BAN = 60;
const GO = 40;
/** How many house lots (町名・丁目・番・号) the city has. */
export const LOT_COUNT = TOWNS.length * CHOME * BAN * GO;

const BUILDING_KINDS = ['コーポ', 'ハイツ', 'メゾン', 'ハイム', 'パレス'];
const BUILDING_NAMES = ['さくら', 'みどり', 'あおば', 'ひかり', '若葉', '栄', '中央', '緑風', '清流', '朝日'];
const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * An address packed in one number: the lot in the low 20 bits, the apartment room above (0 = a house).
 * A household stores this number; the text is made only when a record is written.
 */
export type AddressCode = number;
const ROOM_SHIFT = 2 ** 20;

const fullwidth = (n: number): string => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

export function lotOf(code: AddressCode): number {
  return code % ROOM_SHIFT;
}

export function roomOf(code: AddressCode): number {
  return Math.floor(code / ROOM_SHIFT);
}

export function districtOf(code: AddressCode): string {
  return TOWNS[lotOf(code) % TOWNS.length]!.district;
}

/** '○○市本町一丁目２番３号', and for a flat '○○市本町一丁目２番３号　コーポさくら２０１号室' (never over 30 characters). */
export function addressText(code: AddressCode): string {
  const lot = lotOf(code);
  const town = TOWNS[lot % TOWNS.length]!.town;
  let rest = Math.floor(lot / TOWNS.length);
  const chome = (rest % CHOME) + 1;
  rest = Math.floor(rest / CHOME);
  const ban = (rest % BAN) + 1;
  const go = Math.floor(rest / BAN) + 1;
  const house = `${CITY_NAME}${town}${KANJI_DIGITS[chome]}丁目${fullwidth(ban)}番${fullwidth(go)}号`;
  const room = roomOf(code);
  if (room === 0) return house;
  // The building's name is a property of its lot, so every flat in it carries the same name.
  const building = `${BUILDING_KINDS[lot % BUILDING_KINDS.length]}${BUILDING_NAMES[Math.floor(lot / 7) % BUILDING_NAMES.length]}`;
  return `${house}\u3000${building}${fullwidth(room)}号室`;
}

/**
 * Hands out addresses so that no two unrelated households share one: lots are walked in a fixed scattered
 * order (a permutation of all lots), and a block of flats fills its rooms before the next block is opened.
 * Households that do share an address (世帯分離) are given the same code on purpose, not by this.
 */
export class AddressAllocator {
  private nextLot = 0;
  private building = -1;
  private floor = 0;
  private unit = 0;
  private floors = 0;
  private units = 0;
  private readonly stride = 387_433;

  constructor(private readonly offset: number) {}

  /** A free address; a flat with probability `flatShare`. */
  next(random: Random, flatShare: number): AddressCode {
    if (!random.chance(flatShare)) return this.freshLot();
    if (this.building < 0 || (this.floor === this.floors && this.unit === this.units)) {
      this.building = this.freshLot();
      this.floors = random.int(2, 6);
      this.units = random.int(3, 8);
      this.floor = 1;
      this.unit = 0;
    }
    if (this.unit === this.units) {
      this.floor++;
      this.unit = 0;
    }
    this.unit++;
    return this.building + (this.floor * 100 + this.unit) * ROOM_SHIFT;
  }

  private freshLot(): AddressCode {
    if (this.nextLot >= LOT_COUNT) throw new Error('the city has run out of house lots');
    // stride is prime and does not divide LOT_COUNT, so this visits every lot once.
    return (this.offset + this.nextLot++ * this.stride) % LOT_COUNT;
  }
}
