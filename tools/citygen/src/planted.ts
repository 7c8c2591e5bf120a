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
  /**
   * The seeds' own 8050 case (F2, 002:972-1033): the withdrawn son is in no system; the only record of him is his father's
   * consultation at the 地域包括, which the 介護 writer plants on this person (the father).
   */
  parentConsultation?: string;
}

/**
 * Children with a こども case registered with the 要保護児童対策地域協議会 beside children without one, each alone with a
 * parent, in pairs alike in everything else: what a viewer on consent or in a 支援会議 sees of the one must be what they see
 * of the other (access rule 4). The 要対協 case is a ヤングケアラー concern opened after the other case, so that a leak
 * would show in a situation or in lastInvolvementOn.
 */
export interface PlantedYoutaikyo {
  setaiNo: string;
  parent: string;
  child: string;
  /** BOTH: a 要対協 case and a case that is not; OTHER: that other case alone; ONLY: a 要対協 case alone; NONE: no kodomo record. */
  cases: 'BOTH' | 'OTHER' | 'ONLY' | 'NONE';
}

/** A case the kodomo writer plants on a child, as days before the city's date. */
export interface PlantedCase {
  category: string;
  youtaikyoRegistered: boolean;
  youngCarerConcern: boolean;
  openedDaysAgo: number;
}

export const YOUTAIKYO_CASE: PlantedCase = { category: '要保護児童', youtaikyoRegistered: true, youngCarerConcern: true, openedDaysAgo: 30 };
export const OTHER_CASE: PlantedCase = { category: '利用者支援', youtaikyoRegistered: false, youngCarerConcern: false, openedDaysAgo: 200 };

/** Two pairs: BOTH beside OTHER, ONLY beside NONE. */
export function plantYoutaikyo(city: City): PlantedYoutaikyo[] {
  return (['BOTH', 'OTHER', 'ONLY', 'NONE'] as const).map((cases) => {
    const [parent, child] = household(city, [
      { relationship: '01', age: 38, sex: 'FEMALE' },
      { relationship: '04', age: 12, sex: 'MALE' },
    ]);
    return { setaiNo: parent!.setaiNo, parent: parent!.atenaNo, child: child!.atenaNo, cases };
  });
}

/** The cases each planted child must have. */
export function plantedCases(planted: readonly PlantedYoutaikyo[]): Map<string, PlantedCase[]> {
  const of = { BOTH: [YOUTAIKYO_CASE, OTHER_CASE], OTHER: [OTHER_CASE], ONLY: [YOUTAIKYO_CASE], NONE: [] };
  return new Map(planted.map((p) => [p.child, of[p.cases]]));
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
      atenaNo: city.nextAtena(),
      setaiNo,
      relationship: m.relationship,
      familyName: family[0],
      givenName: given[0],
      familyKana: family[1],
      givenKana: given[1],
      birthDate,
      sex: m.sex,
      district: where.district,
      address: where.address,
      status: 1,
      changeDate: registered < compact(birthDate) ? compact(birthDate) : registered,
      changeReason: '01',
      updatedAt: `${registered}090000`,
    };
  });
  city.persons.push(...people);
  city.households.push({ setaiNo, members: people });
  return people;
}

/** Two of each situation (and of 8050 two more, as the seeds tell it). */
export function plantSituations(city: City): Planted[] {
  const planted: Planted[] = [];
  for (let i = 0; i < 2; i++) {
    // 8050: a parent of 82 and a son of 52 withdrawn at home, known to 困窮 and 障害 (ひきこもり).
    const [parent, son] = household(city, [
      { relationship: '01', age: 82, sex: 'FEMALE' },
      { relationship: '04', age: 52, sex: 'MALE' },
    ]);
    planted.push({
      kind: 'EIGHTY_FIFTY',
      setaiNo: son!.setaiNo,
      involvement: { [son!.atenaNo]: ['KONKYU', 'SHOGAI'], [parent!.atenaNo]: ['KAIGO'] },
    });
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
    // 8050 as the seeds tell it (F2): a father of 79 under care, and a son of 51 withdrawn at home whom no system knows;
    // his father's care manager hears of him, and the 地域包括's consultation record is all there is.
    const [father, withdrawn] = household(city, [
      { relationship: '01', age: 79, sex: 'MALE' },
      { relationship: '04', age: 51, sex: 'MALE' },
    ]);
    planted.push({
      kind: 'EIGHTY_FIFTY',
      setaiNo: father!.setaiNo,
      involvement: { [father!.atenaNo]: ['KAIGO'], [withdrawn!.atenaNo]: [] },
      parentConsultation: father!.atenaNo,
    });
  }
  return planted;
}

/** The sectors each planted person must appear in. */
export function involvementOf(planted: readonly Planted[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const p of planted)
    for (const [atena, sectors] of Object.entries(p.involvement)) map.set(atena, new Set([...(map.get(atena) ?? []), ...sectors]));
  return map;
}
