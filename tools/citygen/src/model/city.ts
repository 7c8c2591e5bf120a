import { compactOf, isoOf, timestamp14, type Day } from '../dates.js';
import { NameBook } from '../names/book.js';
import { AddressAllocator, addressText, districtOf, type AddressCode } from '../places.js';
import type { Random } from '../random.js';
import { HOUSEHOLD_KINDS, SexCode, two, type HouseholdKind } from './codes.js';
import { History } from './history.js';
import { HouseholdTable } from './household-table.js';
import { PersonTable } from './person-table.js';
import type { Person, PersonState } from './person.js';

const pad10 = (n: number): string => String(n).padStart(10, '0');

/**
 * The synthetic city: every person and 世帯 in compact tables, as of `asOf`, with the history that leads
 * back to the full extract of `fullDate`. Everything that writes a source system's files reads from here.
 */
export class City {
  readonly persons: PersonTable;
  readonly households: HouseholdTable;
  readonly names = new NameBook();
  readonly addresses: AddressAllocator;
  readonly history: History;
  private atenaCounter = 10_000;
  private setaiCounter = 1_000;

  constructor(
    readonly seed: number,
    readonly fullDay: Day,
    readonly asOfDay: Day,
    expectedPersons: number,
  ) {
    this.persons = new PersonTable(Math.ceil(expectedPersons * 1.15) + 64);
    this.households = new HouseholdTable(Math.ceil(expectedPersons * 0.55) + 64);
    this.addresses = new AddressAllocator(seed % 100_003);
    this.history = new History(fullDay);
  }

  get asOf(): string {
    return isoOf(this.asOfDay);
  }

  get fullDate(): string {
    return isoOf(this.fullDay);
  }

  /** 宛名番号 are handed out in order with gaps (numbers also go to people outside the registry); never twice. */
  nextAtena(random: Random): number {
    return (this.atenaCounter += random.int(1, 3));
  }

  /** The highest 宛名番号 handed out so far. */
  get lastAtena(): number {
    return this.atenaCounter;
  }

  nextSetai(): number {
    return ++this.setaiCounter;
  }

  addHousehold(kind: HouseholdKind, address: AddressCode): number {
    const h = this.households.add();
    this.households.setai[h] = this.nextSetai();
    this.households.address[h] = address;
    this.households.kind[h] = HOUSEHOLD_KINDS.indexOf(kind);
    return h;
  }

  /** Chains a person at the end of a household's members. */
  link(row: number, household: number): void {
    const { persons, households } = this;
    persons.household[row] = household;
    persons.next[row] = -1;
    let at = households.first[household]!;
    if (at < 0) {
      households.first[household] = row;
      return;
    }
    while (persons.next[at]! >= 0) at = persons.next[at]!;
    persons.next[at] = row;
  }

  unlink(row: number): void {
    const { persons, households } = this;
    const household = persons.household[row]!;
    if (households.first[household] === row) households.first[household] = persons.next[row]!;
    else {
      let at = households.first[household]!;
      while (at >= 0 && persons.next[at] !== row) at = persons.next[at]!;
      if (at >= 0) persons.next[at] = persons.next[row]!;
    }
    persons.next[row] = -1;
  }

  /** Member rows of a household, removed members included, in the order they joined. */
  members(household: number): number[] {
    const rows: number[] = [];
    for (let at = this.households.first[household]!; at >= 0; at = this.persons.next[at]!) rows.push(at);
    return rows;
  }

  kindOf(household: number): HouseholdKind {
    return HOUSEHOLD_KINDS[this.households.kind[household]!]!;
  }

  /** A person's state now. */
  state(row: number): PersonState {
    const p = this.persons;
    const household = p.household[row]!;
    return {
      row,
      atena: p.atena[row]!,
      setai: this.households.setai[household]!,
      relation: p.relation[row]!,
      family: p.family[row]!,
      given: p.given[row]!,
      birth: p.birth[row]!,
      sex: p.sex[row]!,
      address: this.households.address[household]!,
      status: p.status[row]!,
      changeDay: p.changeDay[row]!,
      reason: p.reason[row]!,
      updated: p.updated[row]!,
    };
  }

  /** A state as text. */
  describe(state: PersonState): Person {
    const family = this.names.family[state.family]!;
    const given = this.names.given[state.given]!;
    return {
      row: state.row,
      household: this.persons.household[state.row]!,
      atenaNo: pad10(state.atena),
      setaiNo: pad10(state.setai),
      relationship: two(state.relation),
      familyName: family.name,
      givenName: given.name,
      familyKana: family.kana,
      givenKana: given.kana,
      birthDate: isoOf(state.birth),
      sex: state.sex === SexCode.MALE ? 'MALE' : 'FEMALE',
      district: districtOf(state.address),
      address: addressText(state.address),
      status: state.status as 1 | 2 | 3 | 4,
      changeDate: isoOf(state.changeDay),
      changeReason: two(state.reason),
      updatedAt: timestamp14(state.updated),
    };
  }

  person(row: number): Person {
    return this.describe(this.state(row));
  }

  /** Every person as of `asOf`, one at a time: the removed (転出, 死亡, 職権消除) too. */
  *everyone(): Generator<Person> {
    for (let row = 0; row < this.persons.count; row++) yield this.person(row);
  }

  /** The residents as of `asOf` (住民状態 1). */
  *residents(): Generator<Person> {
    for (let row = 0; row < this.persons.count; row++) if (this.persons.status[row] === 1) yield this.person(row);
  }

  /** The resident members of a person's 世帯 (the person included). */
  householdOf(person: Person): Person[] {
    return this.members(person.household).filter((row) => this.persons.status[row] === 1).map((row) => this.person(row));
  }

  /** The date a 異動 file is named by. */
  static fileDate(day: Day): string {
    return compactOf(day);
  }
}
