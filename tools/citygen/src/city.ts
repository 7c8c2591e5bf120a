import { Random } from './random.js';
import { FAMILY_NAMES, GIVEN_NAMES, LONG_NAMES, generationOf } from './names.js';
import { randomAddress, type Address } from './places.js';

export type Sex = 'MALE' | 'FEMALE';

/** One resident as the registry knows them. Mutable: the day-by-day 異動 change it. */
export interface Person {
  atenaNo: string;
  setaiNo: string;
  /** 続柄コード. */
  relationship: string;
  familyName: string;
  givenName: string;
  /** Full-width katakana readings; the juki writer turns them half-width. */
  familyKana: string;
  givenKana: string;
  birthDate: string;
  sex: Sex;
  district: string;
  address: string;
  /** 1 住民, 2 転出, 3 死亡, 4 職権消除. */
  status: 1 | 2 | 3 | 4;
  changeDate: string;
  changeReason: string;
  /** YYYYMMDDHHMMSS. */
  updatedAt: string;
}

export interface Household {
  setaiNo: string;
  members: Person[];
  /** Another 世帯 at the same address (世帯分離), if any. */
  sameAddressAs?: string;
}

export interface City {
  asOf: string;
  persons: Person[];
  households: Household[];
  random: Random;
  nextAtena(): string;
  nextSetai(): string;
}

export interface CityOptions {
  residents: number;
  seed: number;
  /** The registry's date: the full extract is of this day. */
  asOf: string;
}

const HEAD = '01';
const WIFE = '02';
const HUSBAND = '03';
const CHILD = '04';
const FATHER = '05';
const MOTHER = '06';
const GRANDCHILD = '07';
const CHILD_SPOUSE = '13';

/** The ISO date `days` after (before, if negative) another. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addYears(iso: string, years: number, random: Random): string {
  const year = Number(iso.slice(0, 4)) - years;
  const dayOfYear = random.int(0, 364);
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
}

function compact(iso: string): string {
  return iso.replaceAll('-', '');
}

function clamp(value: string, min: string, max: string): string {
  return value < min ? min : value > max ? max : value;
}

/**
 * The city: households drawn from a mix of kinds whose ages give the shape of a Japanese city (about 29%
 * aged 65 and over, 12% under 15, 38% of households single-person), with 世帯分離 pairs at one address.
 */
export function generateCity(options: CityOptions): City {
  const random = new Random(options.seed);
  let atena = 100_000;
  let setai = 500_000;
  const city: City = {
    asOf: options.asOf,
    persons: [],
    households: [],
    random,
    nextAtena: () => String((atena += random.int(1, 3))).padStart(10, '0'),
    nextSetai: () => String((setai += 1)).padStart(10, '0'),
  };
  while (city.persons.length < options.residents) addHousehold(city);
  addRemovedRecords(city);
  return city;
}

interface Draft {
  relationship: string;
  age: number;
  sex: Sex;
  family?: readonly [string, string];
}

function addHousehold(city: City): void {
  const { random } = city;
  const kind = random.weighted<string>([
    ['single', 32],
    ['couple', 24],
    ['couple+children', 20],
    ['single-parent', 6],
    ['three-generations', 5],
    ['separated-pair', 4],
    ['siblings', 3],
  ]);
  const address = randomAddress(random);
  const family = random.weighted(FAMILY_NAMES.map((f) => [[f[0], f[1]] as const, f[2]] as const));
  const sex = (): Sex => (random.chance(0.5) ? 'MALE' : 'FEMALE');
  const elderly = (): number => Math.min(104, 65 + Math.floor(-Math.log(1 - random.next()) * 11));
  const adult = (): number => random.int(20, 64);
  switch (kind) {
    case 'single': {
      const age = random.chance(0.5) ? elderly() : random.int(19, 64);
      write(city, address, [{ relationship: HEAD, age, sex: age >= 75 && random.chance(0.65) ? 'FEMALE' : sex() }], family);
      return;
    }
    case 'couple': {
      const age = random.chance(0.68) ? elderly() : random.int(25, 64);
      write(
        city,
        address,
        [
          { relationship: HEAD, age, sex: 'MALE' },
          { relationship: WIFE, age: Math.max(20, age - random.int(0, 5)), sex: 'FEMALE' },
        ],
        family,
      );
      return;
    }
    case 'couple+children':
    case 'single-parent': {
      const parent = random.int(27, 56);
      const drafts: Draft[] = [{ relationship: HEAD, age: parent, sex: kind === 'single-parent' ? 'FEMALE' : 'MALE' }];
      if (kind === 'couple+children') drafts.push({ relationship: WIFE, age: Math.max(22, parent - random.int(0, 4)), sex: 'FEMALE' });
      const children = random.weighted([
        [1, 45],
        [2, 43],
        [3, 12],
      ] as const);
      for (let i = 0; i < children; i++) drafts.push({ relationship: CHILD, age: Math.max(0, parent - random.int(22, 40)), sex: sex() });
      write(city, address, drafts, family);
      return;
    }
    case 'three-generations': {
      const grand = random.int(72, 95);
      const parent = grand - random.int(26, 34);
      const drafts: Draft[] = [
        { relationship: HEAD, age: parent, sex: 'MALE' },
        { relationship: WIFE, age: parent - random.int(0, 4), sex: 'FEMALE' },
        { relationship: MOTHER, age: grand, sex: 'FEMALE' },
      ];
      if (random.chance(0.4)) drafts.push({ relationship: FATHER, age: grand + random.int(0, 4), sex: 'MALE' });
      const children = random.int(1, 3);
      for (let i = 0; i < children; i++) drafts.push({ relationship: CHILD, age: Math.max(0, parent - random.int(25, 38)), sex: sex() });
      if (parent > 55 && random.chance(0.3)) {
        drafts.push({ relationship: CHILD_SPOUSE, age: parent - 28, sex: 'FEMALE' });
        drafts.push({ relationship: GRANDCHILD, age: random.int(0, 5), sex: sex() });
      }
      write(city, address, drafts, family);
      return;
    }
    case 'separated-pair': {
      // 世帯分離: an old parent registered as a 世帯 of their own at the child's address.
      const old = elderly() + 8;
      const parentSetai = write(city, address, [{ relationship: HEAD, age: Math.min(old, 104), sex: 'FEMALE' }], family);
      const child = Math.max(40, Math.min(old, 104) - random.int(26, 34));
      const childSetai = write(
        city,
        address,
        [
          { relationship: HEAD, age: child, sex: 'MALE' },
          ...(random.chance(0.6) ? [{ relationship: WIFE, age: child - random.int(0, 4), sex: 'FEMALE' as const }] : []),
        ],
        family,
      );
      childSetai.sameAddressAs = parentSetai.setaiNo;
      return;
    }
    default: {
      const age = adult();
      write(
        city,
        address,
        [
          { relationship: HEAD, age, sex: sex() },
          { relationship: '10', age: Math.max(18, age + random.int(-6, 6)), sex: sex() },
        ],
        family,
      );
    }
  }
}

function write(city: City, where: Address, drafts: Draft[], family: readonly [string, string]): Household {
  const { random } = city;
  const setaiNo = city.nextSetai();
  const household: Household = { setaiNo, members: [] };
  const long = random.chance(0.0005) ? random.pick(LONG_NAMES) : null;
  for (const draft of drafts) {
    const birthDate = addYears(city.asOf, draft.age + 1, random);
    const given = random.pick(GIVEN_NAMES[draft.sex][generationOf(Number(birthDate.slice(0, 4)))]);
    const registered = clamp(compact(addYears(city.asOf, random.int(0, Math.min(draft.age, 40)), random)), compact(birthDate), compact(city.asOf));
    const person: Person = {
      atenaNo: city.nextAtena(),
      setaiNo,
      relationship: draft.relationship,
      familyName: long ? long[0] : family[0],
      givenName: long ? long[1] : given[0],
      familyKana: long ? long[0] : family[1],
      givenKana: long ? long[1] : given[1],
      birthDate,
      sex: draft.sex,
      district: where.district,
      address: where.address,
      status: 1,
      changeDate: registered,
      changeReason: draft.age === 0 ? '02' : random.pick(['01', '02', '03']),
      updatedAt: `${registered}${String(random.int(8, 17)).padStart(2, '0')}${String(random.int(0, 59)).padStart(2, '0')}00`,
    };
    household.members.push(person);
    city.persons.push(person);
  }
  city.households.push(household);
  return household;
}

/**
 * Records of people who left in the last five years (転出, 死亡, 職権消除): the full extract carries them,
 * and a sector may still hold a case for them.
 */
function addRemovedRecords(city: City): void {
  const { random } = city;
  const count = Math.round(city.persons.length * 0.04);
  for (let i = 0; i < count; i++) {
    const household = random.pick(city.households);
    const head = household.members[0]!;
    const status = random.weighted([
      [3, 45],
      [2, 50],
      [4, 5],
    ] as const);
    const age = status === 3 ? random.int(70, 100) : random.int(18, 40);
    const sex: Sex = random.chance(0.5) ? 'MALE' : 'FEMALE';
    const birthDate = addYears(city.asOf, age + 1, random);
    const given = random.pick(GIVEN_NAMES[sex][generationOf(Number(birthDate.slice(0, 4)))]);
    const left = compact(addYears(city.asOf, random.int(0, 4), random));
    const changeDate = clamp(left, compact(birthDate), compact(city.asOf));
    const removed: Person = {
      ...head,
      atenaNo: city.nextAtena(),
      relationship: status === 3 ? (head.sex === 'MALE' ? '02' : '03') : '04',
      givenName: given[0],
      givenKana: given[1],
      birthDate,
      sex,
      status,
      changeDate,
      changeReason: status === 3 ? '06' : status === 2 ? '05' : '08',
      updatedAt: `${changeDate}100000`,
    };
    city.persons.push(removed);
    household.members.push(removed);
  }
}

export { HEAD, CHILD, WIFE, HUSBAND, addDays, addYears, compact };
