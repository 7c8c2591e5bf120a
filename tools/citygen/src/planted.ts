import type { City, Person, Sex } from './city.js';
import { addYears, compact } from './city.js';
import { FAMILY_NAMES, GIVEN_NAMES, generationOf } from './names.js';
import { randomAddress } from './places.js';

/**
 * Households planted so that every situation of situations.md is there to find, whatever the seed: who in
 * them each sector must hold is listed, and the sector writers honour it.
 */
export interface Planted {
  kind: 'EIGHTY_FIFTY' | 'DOUBLE_CARE' | 'YOUNG_CARER' | 'MULTI_SECTOR';
  setaiNo: string;
  /** atenaNo → the sectors that must hold this person. */
  involvement: Record<string, ('KAIGO' | 'SHOGAI' | 'KODOMO' | 'KONKYU')[]>;
}

interface Member {
  relationship: string;
  age: number;
  sex: Sex;
}

function household(city: City, members: Member[]): Person[] {
  const { random } = city;
  const where = randomAddress(random);
  const family = random.pick(FAMILY_NAMES);
  const setaiNo = city.nextSetai();
  const people = members.map((m): Person => {
    const birthDate = addYears(city.asOf, m.age + 1, random);
    const given = random.pick(GIVEN_NAMES[m.sex][generationOf(Number(birthDate.slice(0, 4)))]);
    const registered = compact(city.asOf).slice(0, 4) + '0401';
    return {
      atenaNo: city.nextAtena(), setaiNo, relationship: m.relationship, familyName: family[0], givenName: given[0],
      familyKana: family[1], givenKana: given[1], birthDate, sex: m.sex, district: where.district, address: where.address,
      status: 1, changeDate: registered < compact(birthDate) ? compact(birthDate) : registered, changeReason: '01',
      updatedAt: `${registered}090000`,
    };
  });
  city.persons.push(...people);
  city.households.push({ setaiNo, members: people });
  return people;
}

/** Two of each situation. */
export function plantSituations(city: City): Planted[] {
  const planted: Planted[] = [];
  for (let i = 0; i < 2; i++) {
    // 8050: a parent of 82 and a son of 52 withdrawn at home, known to 困窮 and 障害 (ひきこもり).
    const [parent, son] = household(city, [
      { relationship: '01', age: 82, sex: 'FEMALE' },
      { relationship: '04', age: 52, sex: 'MALE' },
    ]);
    planted.push({ kind: 'EIGHTY_FIFTY', setaiNo: son!.setaiNo, involvement: { [son!.atenaNo]: ['KONKYU', 'SHOGAI'], [parent!.atenaNo]: ['KAIGO'] } });
    // ダブルケア: a mother caring for her toddler and her certified mother at once.
    const [, mother, toddler, grandmother] = household(city, [
      { relationship: '01', age: 38, sex: 'MALE' },
      { relationship: '02', age: 36, sex: 'FEMALE' },
      { relationship: '04', age: 3, sex: 'FEMALE' },
      { relationship: '06', age: 79, sex: 'FEMALE' },
    ]);
    planted.push({ kind: 'DOUBLE_CARE', setaiNo: mother!.setaiNo, involvement: { [grandmother!.atenaNo]: ['KAIGO'], [toddler!.atenaNo]: [] } });
    // ヤングケアラー: a 14-year-old looking after a mentally ill parent, with a kodomo case that says so.
    const [ill, carer] = household(city, [
      { relationship: '01', age: 44, sex: 'FEMALE' },
      { relationship: '04', age: 14, sex: 'MALE' },
    ]);
    planted.push({ kind: 'YOUNG_CARER', setaiNo: ill!.setaiNo, involvement: { [ill!.atenaNo]: ['SHOGAI'], [carer!.atenaNo]: ['KODOMO'] } });
    // 複数分野: a 世帯 known to 介護 and 困窮 at once.
    const [elder, daughter] = household(city, [
      { relationship: '01', age: 77, sex: 'MALE' },
      { relationship: '04', age: 45, sex: 'FEMALE' },
    ]);
    planted.push({ kind: 'MULTI_SECTOR', setaiNo: elder!.setaiNo, involvement: { [elder!.atenaNo]: ['KAIGO'], [daughter!.atenaNo]: ['KONKYU'] } });
  }
  return planted;
}

/** The sectors each planted person must appear in. */
export function involvementOf(planted: readonly Planted[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const p of planted) for (const [atena, sectors] of Object.entries(p.involvement)) map.set(atena, new Set([...(map.get(atena) ?? []), ...sectors]));
  return map;
}
