import { toHalfwidthKatakana } from '@welfare-hub/codec';
import { Random, WeightedTable } from '../random.js';
import { FAMILY_NAMES, LONG_FAMILY_NAMES } from './family.js';
import { GIVEN_NAMES, LONG_GIVEN_NAMES, cohortOf, type Cohort } from './given.js';

export type Sex = 'MALE' | 'FEMALE';

/** One name as the city stores it: the written form, its reading in full-width and half-width katakana. */
export interface NameEntry {
  name: string;
  kana: string;
  /** Half-width, as juki and shogai carry readings (ﾞ and ﾟ as characters of their own). */
  half: string;
}

const entry = (name: string, kana: string): NameEntry => ({ name, kana, half: toHalfwidthKatakana(kana) });

/**
 * Every name the city can give, numbered: a person stores two small numbers instead of four strings, which
 * is what keeps a million residents in a few tens of megabytes.
 */
export class NameBook {
  readonly family: NameEntry[] = [];
  readonly given: NameEntry[] = [];
  private readonly familyTable: WeightedTable<number>;
  private readonly givenByKind = new Map<string, number[]>();
  private readonly longFamily: number[] = [];
  private readonly longGiven: Record<Sex, [family: number, given: number][]> = { MALE: [], FEMALE: [] };

  constructor() {
    for (const [name, kana] of FAMILY_NAMES) this.family.push(entry(name, kana));
    this.familyTable = new WeightedTable(FAMILY_NAMES.map((_, i) => i), (i) => FAMILY_NAMES[i]![2]);
    for (const [name, kana] of LONG_FAMILY_NAMES) this.longFamily.push(this.family.push(entry(name, kana)) - 1);
    for (const sex of ['MALE', 'FEMALE'] as const) {
      for (const [cohort, names] of Object.entries(GIVEN_NAMES[sex])) {
        this.givenByKind.set(`${sex}:${cohort}`, names.map(([name, kana]) => this.given.push(entry(name, kana)) - 1));
      }
      for (const [family, name] of LONG_GIVEN_NAMES[sex]) {
        const familyIndex = this.longFamily[family]!;
        const full = `${this.family[familyIndex]!.name}\u3000${name}`;
        // The point of these names is to fill the 40-byte 氏名 field exactly; a wrong table would not.
        if (full.length !== 20) throw new Error(`long name of ${full.length} characters, not 20: ${full}`);
        this.longGiven[sex].push([familyIndex, this.given.push(entry(name, name)) - 1]);
      }
    }
  }

  drawFamily(random: Random): number {
    return this.familyTable.drawIndex(random);
  }

  /** A family name other than `not`: a name change must change the name. */
  drawOtherFamily(random: Random, not: number): number {
    for (;;) {
      const drawn = this.drawFamily(random);
      if (this.family[drawn]!.kana !== this.family[not]!.kana) return drawn;
    }
  }

  drawGiven(random: Random, sex: Sex, birthYear: number): number {
    return random.pick(this.givenOf(sex, cohortOf(birthYear)));
  }

  givenOf(sex: Sex, cohort: Cohort): readonly number[] {
    return this.givenByKind.get(`${sex}:${cohort}`)!;
  }

  /** A foreign resident's family name and a given name that together fill the field. */
  drawLong(random: Random, sex: Sex, family?: number): [family: number, given: number] {
    const options = this.longGiven[sex].filter(([f]) => family === undefined || f === family);
    return random.pick(options.length > 0 ? options : this.longGiven[sex]);
  }

  isLongFamily(family: number): boolean {
    return this.longFamily.includes(family);
  }
}
