import { ageOn } from '@welfare-hub/codec';
import type { SituationFacts } from './facts.js';
import { DEFAULT_THRESHOLDS, type SituationThresholds } from './thresholds.js';

export const SECTORS = ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'] as const;
export type Sector = (typeof SECTORS)[number];
export type SituationKind = 'EIGHTY_FIFTY' | 'DOUBLE_CARE' | 'YOUNG_CARER' | 'MULTI_SECTOR';

/** One current resident of the 世帯 with the sector facts the viewer may see (a sector missing or null: not seen). */
export interface MemberFacts {
  id: string;
  birthDate: string;
  /** 続柄 as text: 世帯主, 妻, 夫, 子, 父, 母, … */
  relationship: string;
  sectors: Partial<Record<Sector, SituationFacts | null>>;
}

export interface Situation {
  kind: SituationKind;
  personIds: string[];
  /** The sectors the situation rests on, in the contract's order. */
  evidence: Sector[];
  /** True when it rests on inference (ヤングケアラー from the household's make-up), not on a record saying so. */
  inferred: boolean;
}

const CARE_LEVELS = ['SUPPORT_1', 'SUPPORT_2', 'CARE_1', 'CARE_2', 'CARE_3', 'CARE_4', 'CARE_5'];
const NEEDS_CARE = ['CARE_1', 'CARE_2', 'CARE_3', 'CARE_4', 'CARE_5'];
const PARENTS_OF_CHILD = ['世帯主', '妻', '夫'];
const PARENTS_OF_HEAD = ['父', '母'];

const covers = (p: { from: string | null; until: string | null }, day: string): boolean => (p.from === null || p.from <= day) && (p.until === null || p.until >= day);
const periodOf = (f: SituationFacts | null | undefined, kinds: readonly string[], day: string): boolean => !!f && f.periods.some((p) => kinds.includes(p.kind) && covers(p, day));

/** What one member's facts say on the reference date, sector by sector. */
function readMember(m: MemberFacts, day: string, t: SituationThresholds) {
  const { KAIGO: kaigo, SHOGAI: shogai, KODOMO: kodomo, KONKYU: konkyu } = m.sectors;
  const openConsultation = (f: SituationFacts | null | undefined) => !!f && f.consultations.some((c) => c.open && c.date <= day);
  const involved = new Set<Sector>();
  // "Involved in a sector", as situations.md defines it.
  if (periodOf(kaigo, [...CARE_LEVELS, 'PROGRAM_ELIGIBLE'], day) || openConsultation(kaigo)) involved.add('KAIGO');
  if ((shogai?.periods.some((p) => p.kind === 'TECHO' && (p.from === null || p.from <= day)) ?? false) || periodOf(shogai, ['JUKYUSHA'], day) || openConsultation(shogai)) involved.add('SHOGAI');
  if (kodomo?.cases.some((c) => c.open && c.openedOn <= day)) involved.add('KODOMO');
  if (openConsultation(konkyu)) involved.add('KONKYU');
  const hikikomori = SECTORS.filter((s) => m.sectors[s]?.consultations.some((c) => c.date <= day && t.hikikomoriWords.some((w) => c.text.includes(w))));
  const care = new Set<Sector>(); // a current 要支援/要介護 certification or a 障害支援区分: ダブルケア
  if (periodOf(kaigo, CARE_LEVELS, day)) care.add('KAIGO');
  if (periodOf(shogai, ['SHIEN_KUBUN'], day)) care.add('SHOGAI');
  const heavyCare = new Set<Sector>(); // a current 要介護 certification or a 障害支援区分: ヤングケアラー (inferred)
  if (periodOf(kaigo, NEEDS_CARE, day)) heavyCare.add('KAIGO');
  if (periodOf(shogai, ['SHIEN_KUBUN'], day)) heavyCare.add('SHOGAI');
  const youngCarerRecord = kodomo?.cases.some((c) => c.youngCarer && c.openedOn <= day) ?? false;
  return { id: m.id, age: ageOn(m.birthDate, day), relationship: m.relationship, involved, hikikomori, care, heavyCare, youngCarerRecord };
}

type Read = ReturnType<typeof readMember>;
const ordered = (sectors: Iterable<Sector>): Sector[] => SECTORS.filter((s) => new Set(sectors).has(s));
const ids = (members: Iterable<Read>): string[] => [...new Set([...members].map((m) => m.id))].sort();

function eightyFifty(members: Read[], t: SituationThresholds): Situation | null {
  const persons: Read[] = [];
  const evidence = new Set<Sector>();
  for (const elder of members.filter((m) => m.age >= t.elderFrom)) {
    for (const child of members.filter((m) => m !== elder && m.age >= t.childFrom && m.age <= t.childTo)) {
      const isChild = (child.relationship === '子' && PARENTS_OF_CHILD.includes(elder.relationship)) || (child.relationship === '世帯主' && PARENTS_OF_HEAD.includes(elder.relationship));
      const grounds = [...(['SHOGAI', 'KONKYU'] as const).filter((s) => child.involved.has(s)), ...child.hikikomori];
      if (!isChild || grounds.length === 0) continue;
      persons.push(elder, child);
      for (const s of grounds) evidence.add(s);
    }
  }
  return persons.length ? { kind: 'EIGHTY_FIFTY', personIds: ids(persons), evidence: ordered(evidence), inferred: false } : null;
}

function doubleCare(members: Read[], t: SituationThresholds): Situation | null {
  const cared = members.filter((m) => m.care.size > 0);
  const small = members.filter((m) => m.age < t.youngChildUnder);
  if (!cared.some((c) => small.some((s) => s !== c))) return null;
  return { kind: 'DOUBLE_CARE', personIds: ids([...cared, ...small]), evidence: ordered(cared.flatMap((c) => [...c.care])), inferred: false };
}

function youngCarer(members: Read[], t: SituationThresholds): Situation | null {
  const minors = members.filter((m) => m.age < t.minorUnder);
  const recorded = minors.filter((m) => m.youngCarerRecord);
  const cared = members.filter((m) => m.heavyCare.size > 0);
  const noWorkingAgeAdult = !members.some((m) => m.age >= t.adultFrom && m.age <= t.adultTo);
  const inferred = minors.length > 0 && cared.length > 0 && noWorkingAgeAdult;
  if (recorded.length === 0 && !inferred) return null;
  const persons = [...recorded, ...(inferred ? [...minors, ...cared] : [])];
  const evidence = [...(recorded.length ? (['KODOMO'] as Sector[]) : []), ...(inferred ? cared.flatMap((c) => [...c.heavyCare]) : [])];
  return { kind: 'YOUNG_CARER', personIds: ids(persons), evidence: ordered(evidence), inferred: recorded.length === 0 };
}

function multiSector(members: Read[]): Situation | null {
  const sectors = new Set(members.flatMap((m) => [...m.involved]));
  if (sectors.size < 2) return null;
  return { kind: 'MULTI_SECTOR', personIds: ids(members.filter((m) => m.involved.size > 0)), evidence: ordered(sectors), inferred: false };
}

/** The sectors each member is involved in on the reference date, as situations.md defines involvement. */
export function involvement(members: readonly MemberFacts[], referenceDate: string, thresholds: SituationThresholds = DEFAULT_THRESHOLDS): Sector[][] {
  return members.map((m) => ordered(readMember(m, referenceDate, thresholds).involved));
}

/**
 * The situations of one registered 世帯 on the reference date (yyyy-mm-dd), from its current residents and the
 * sector facts given: pass only what the viewer may see, and a situation, its persons and its evidence follow.
 */
export function householdSituations(members: readonly MemberFacts[], referenceDate: string, thresholds: SituationThresholds = DEFAULT_THRESHOLDS): Situation[] {
  const read = members.map((m) => readMember(m, referenceDate, thresholds));
  return [eightyFifty(read, thresholds), doubleCare(read, thresholds), youngCarer(read, thresholds), multiSector(read)].filter((s): s is Situation => s !== null);
}
