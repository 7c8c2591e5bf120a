import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeCp932 } from '@welfare-hub/codec';
import { CHILD, HEAD, addDays, compact, type City, type Person } from './city.js';
import { Random } from './random.js';

/** One row of the truth about the 支援措置 lists: who is on them and whether the newest list protects them. */
export interface SochiTruth {
  atenaNo: string;
  kubun: '1' | '2' | '3' | '9';
  /** Under a measure in force as the newest list has it. */
  protectedNow: boolean;
  why: 'dv-household' | 'dv-single' | 'stalking' | 'abuse' | 'ended' | 'lifted' | 'added-later' | 'not-yet-registered';
}

const HEADER = '宛名番号,措置区分,開始日,終了日,更新日時';

const resident = (p: Person): boolean => p.status === 1;

/**
 * Writes the registry's 支援措置 lists (`shared/legacy/juki.md`): a full list on the first day of the files and another
 * on the last, a few residents per thousand: DV households of a mother and her children, adults alone (DV, stalking),
 * children (abuse); a measure that ended (still listed, with its 終了日), one lifted between the lists (missing from the
 * newest), one added on the last day, and a row for a 宛名番号 the registry does not know yet. Its own generator, so the
 * rest of the city is the same with or without the lists.
 */
export function writeSochiLists(city: City, dir: string, options: { seed: number; firstDay: string }): SochiTruth[] {
  const random = new Random(options.seed ^ 0x50c1);
  const lastDay = city.asOf;
  const target = Math.max(8, Math.round(city.persons.length * 0.003));
  const bySetai = new Map<string, Person[]>();
  for (const p of city.persons) if (resident(p)) bySetai.set(p.setaiNo, [...(bySetai.get(p.setaiNo) ?? []), p]);
  const members = (setaiNo: string): Person[] => bySetai.get(setaiNo) ?? [];
  const households = [...city.households];
  for (let i = households.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [households[i], households[j]] = [households[j]!, households[i]!];
  }
  // A unit is who one measure's decision covers together: a mother and her children, or one person.
  const units: SochiTruth[][] = [];
  const unit = (kubun: SochiTruth['kubun'], why: SochiTruth['why'], ...people: Person[]): void => {
    units.push(people.map((p) => ({ atenaNo: p.atenaNo, kubun, protectedNow: true, why })));
  };
  let rows = 0;
  for (const household of households) {
    if (rows >= target && units.length >= 6) break;
    const people = members(household.setaiNo);
    const head = people.find((p) => p.relationship === HEAD);
    if (!head) continue;
    const children = people.filter((p) => p.relationship === CHILD);
    const age = Number(lastDay.slice(0, 4)) - Number(head.birthDate.slice(0, 4));
    const singleMother = head.sex === 'FEMALE' && children.length > 0 && people.length === children.length + 1;
    const before = units.length;
    // DV: she and the children who came with her (併せて支援を求める者).
    if (singleMother && random.chance(0.5)) unit('1', 'dv-household', head, ...children);
    else if (singleMother && random.chance(0.3)) unit('3', 'abuse', random.pick(children));
    else if (people.length === 1 && age < 65 && random.chance(0.02)) {
      if (head.sex === 'FEMALE' && random.chance(0.6)) unit('1', 'dv-single', head);
      else unit('2', 'stalking', head);
    }
    if (units.length > before) rows += units.at(-1)!.length;
  }
  // The lists' own turns, each a whole unit: one measure ended, one lifted before the newest list, one added on the last day.
  const turn = (at: number, change: Partial<SochiTruth>): void => {
    for (const t of units.at(at) ?? []) Object.assign(t, change);
  };
  if (units.length >= 4) {
    turn(-1, { protectedNow: false, why: 'ended' });
    turn(-2, { protectedNow: false, why: 'lifted' });
    turn(-3, { why: 'added-later' });
  }
  const truth = units.flat();
  const unknown = String(Number(city.persons.reduce((max, p) => (p.atenaNo > max ? p.atenaNo : max), '0')) + 1000 + random.int(0, 999)).padStart(
    10,
    '0',
  );
  truth.push({ atenaNo: unknown, kubun: '1', protectedNow: true, why: 'not-yet-registered' });

  const line = (t: SochiTruth): string => {
    const start = t.why === 'ended' ? addDays(lastDay, -400) : addDays(options.firstDay, -random.int(1, 300));
    const end = t.why === 'ended' ? addDays(lastDay, -35) : '';
    const updated = t.why === 'ended' ? end : start;
    return `${t.atenaNo},${t.kubun},${compact(start)},${end === '' ? '' : compact(end)},${compact(updated)}${String(random.int(9, 17)).padStart(2, '0')}0000`;
  };
  const lines = new Map(truth.map((t) => [t.atenaNo, line(t)]));
  const write = (day: string, entries: SochiTruth[]): void => {
    const text = [HEADER, ...entries.map((t) => lines.get(t.atenaNo)!)].map((l) => `${l}\r\n`).join('');
    writeFileSync(join(dir, `JUKI_SOCHI_${compact(day)}.csv`), encodeCp932(text));
  };
  mkdirSync(dir, { recursive: true });
  write(
    options.firstDay,
    truth.filter((t) => t.why !== 'added-later'),
  );
  write(
    lastDay,
    truth.filter((t) => t.why !== 'lifted'),
  );
  return truth;
}
