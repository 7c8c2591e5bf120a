import { randomAddress } from './places.js';
import { GIVEN_NAMES, FAMILY_NAMES } from './names.js';
import { CHILD, HEAD, compact, type City, type Person } from './city.js';

/**
 * One day of 異動: moves, births, deaths, arrivals, departures, 世帯 changes and name changes, applied to
 * the city. Returns each person changed that day once, in their state after the day.
 */
export function simulateDay(city: City, date: string): Person[] {
  const { random } = city;
  const changed = new Map<string, Person>();
  const stamp = (p: Person, reason: string): void => {
    p.changeDate = compact(date);
    p.changeReason = reason;
    p.updatedAt = `${compact(date)}${String(random.int(9, 17)).padStart(2, '0')}${String(random.int(0, 59)).padStart(2, '0')}${String(random.int(0, 59)).padStart(2, '0')}`;
    changed.set(p.atenaNo, p);
  };
  const residents = (): Person[] => city.persons.filter((p) => p.status === 1);
  const times = (rate: number): number => Math.max(1, Math.round(city.persons.length * rate));
  let current = residents();
  const bySetai = new Map(city.households.map((h) => [h.setaiNo, h]));
  const someone = (filter: (p: Person) => boolean): Person | undefined => {
    for (let tries = 0; tries < 50; tries++) {
      const p = random.pick(current);
      if (p.status === 1 && !changed.has(p.atenaNo) && filter(p)) return p;
    }
    return undefined;
  };
  const age = (p: Person): number => Number(date.slice(0, 4)) - Number(p.birthDate.slice(0, 4));

  for (let i = 0; i < times(0.0001); i++) {
    // 転居: the whole 世帯 moves within the city.
    const mover = someone(() => true);
    if (!mover) continue;
    const to = randomAddress(random);
    const members = bySetai.get(mover.setaiNo)?.members ?? [mover];
    for (const p of members.filter((q) => q.status === 1 && q.setaiNo === mover.setaiNo && !changed.has(q.atenaNo))) {
      p.address = to.address;
      p.district = to.district;
      stamp(p, '03');
    }
  }
  for (let i = 0; i < times(0.00002); i++) {
    const mother = someone((p) => p.sex === 'FEMALE' && age(p) >= 22 && age(p) <= 42 && (p.relationship === '02' || p.relationship === HEAD));
    if (!mother) continue;
    const sex = random.chance(0.5) ? 'MALE' : 'FEMALE';
    const given = random.pick(GIVEN_NAMES[sex].young);
    const baby: Person = {
      ...mother,
      atenaNo: city.nextAtena(),
      relationship: CHILD,
      givenName: given[0],
      givenKana: given[1],
      birthDate: date,
      sex,
    };
    city.persons.push(baby);
    bySetai.get(mother.setaiNo)?.members.push(baby);
    stamp(baby, '02');
  }
  for (let i = 0; i < times(0.00003); i++) {
    const dying = someone((p) => age(p) >= 70);
    if (!dying) continue;
    dying.status = 3;
    stamp(dying, '06');
  }
  for (let i = 0; i < times(0.00005); i++) {
    // 転入: someone arrives and forms a 世帯 of their own.
    const sex = random.chance(0.5) ? 'MALE' : 'FEMALE';
    const family = random.pick(FAMILY_NAMES);
    const given = random.pick(GIVEN_NAMES[sex].middle);
    const where = randomAddress(random);
    const setaiNo = city.nextSetai();
    const arrival: Person = {
      atenaNo: city.nextAtena(),
      setaiNo,
      relationship: HEAD,
      familyName: family[0],
      givenName: given[0],
      familyKana: family[1],
      givenKana: given[1],
      birthDate: `${Number(date.slice(0, 4)) - random.int(20, 45)}${date.slice(4)}`.replace('-02-29', '-02-28'),
      sex,
      district: where.district,
      address: where.address,
      status: 1,
      changeDate: '',
      changeReason: '',
      updatedAt: '',
    };
    city.persons.push(arrival);
    const household = { setaiNo, members: [arrival] };
    city.households.push(household);
    bySetai.set(setaiNo, household);
    stamp(arrival, '01');
  }
  for (let i = 0; i < times(0.00005); i++) {
    const leaving = someone((p) => age(p) >= 18 && age(p) < 40 && p.relationship === CHILD);
    if (!leaving) continue;
    leaving.status = 2;
    stamp(leaving, '05');
  }
  for (let i = 0; i < times(0.00001); i++) {
    // 世帯変更: an adult child sets up a 世帯 of their own at the same address.
    const splitting = someone((p) => age(p) >= 20 && p.relationship === CHILD);
    if (!splitting) continue;
    splitting.setaiNo = city.nextSetai();
    splitting.relationship = HEAD;
    const household = { setaiNo: splitting.setaiNo, members: [splitting] };
    city.households.push(household);
    bySetai.set(household.setaiNo, household);
    stamp(splitting, '04');
  }
  for (let i = 0; i < times(0.00001); i++) {
    const marrying = someone((p) => p.sex === 'FEMALE' && age(p) >= 22 && age(p) <= 40);
    if (!marrying) continue;
    const family = random.pick(FAMILY_NAMES);
    marrying.familyName = family[0];
    marrying.familyKana = family[1];
    stamp(marrying, '09');
  }
  current = [];
  return [...changed.values()];
}
