import { ageOn } from '@welfare-hub/codec';
import type { SituationFacts } from './facts.js';
import { sectorCodes } from '@welfare-hub/sectors';
import { DEFAULT_THRESHOLDS, type SituationThresholds } from './thresholds.js';

/** The four built-in sectors: the rules below name them where situations.md does. */
export const SECTORS = ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'] as const;
/** A sector code: one of the four, or one registered with the hub (@welfare-hub/sectors). */
export type Sector = string;
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

/** Every result a 要介護認定 can have (kaigo.md); PENDING (審査中) is an application, not a result. */
const CERTIFICATIONS = ['NON_APPLICABLE', 'PROGRAM_ELIGIBLE', 'SUPPORT_1', 'SUPPORT_2', 'CARE_1', 'CARE_2', 'CARE_3', 'CARE_4', 'CARE_5'];
/** 要支援/要介護: a care need. 非該当 and 事業対象者 are not. */
const CARE_LEVELS = ['SUPPORT_1', 'SUPPORT_2', 'CARE_1', 'CARE_2', 'CARE_3', 'CARE_4', 'CARE_5'];
/** Every 障害支援区分 the source writes (shogai.md). */
const SHIEN_KUBUN = ['非該当', '区分1', '区分2', '区分3', '区分4', '区分5', '区分6'];
/** 区分1 to 区分6: a care need. 非該当 (judged not to need support) is not a 区分 (situations.md). */
const KUBUN_NEEDING_CARE = ['区分1', '区分2', '区分3', '区分4', '区分5', '区分6'];
const PARENTS_OF_CHILD = ['世帯主', '妻', '夫'];
const PARENTS_OF_HEAD = ['父', '母'];

type Period = SituationFacts['periods'][number];
type Case = SituationFacts['cases'][number];
type Facts = SituationFacts | null | undefined;

const covers = (p: Period, day: string): boolean => (p.from === null || p.from <= day) && (p.until === null || p.until >= day);
const anyPeriod = (f: Facts, kinds: readonly string[], day: string): boolean =>
  !!f && f.periods.some((p) => kinds.includes(p.kind) && covers(p, day));

/**
 * The decision in force on the day among a family of periods given in the source's order: the last one whose
 * known period covers the day (a later 区分変更 replaces an earlier certification that has not run out yet).
 */
function current(f: Facts, family: readonly string[], day: string): string | null {
  const inForce = (f?.periods ?? []).filter((p) => family.includes(p.kind) && p.from !== null && p.until !== null && covers(p, day));
  return inForce.at(-1)?.kind ?? null;
}

/** A case open on the day: opened by then and not yet closed (a case closed since was open on an earlier day). */
const caseOpenOn = (c: Case, day: string): boolean => c.openedOn <= day && (c.closedOn !== null ? day < c.closedOn : c.open);

/** What one member's facts say on the reference date, sector by sector. */
function readMember(m: MemberFacts, day: string, t: SituationThresholds) {
  const { KAIGO: kaigo, SHOGAI: shogai, KODOMO: kodomo, KONKYU: konkyu } = m.sectors;
  const openConsultation = (f: Facts) => !!f && f.consultations.some((c) => c.open && c.date <= day);
  const certification = current(kaigo, CERTIFICATIONS, day);
  const kubun = current(shogai, SHIEN_KUBUN, day);
  const involved = new Set<Sector>();
  // "Involved in a sector", as situations.md defines it.
  if ((certification !== null && [...CARE_LEVELS, 'PROGRAM_ELIGIBLE'].includes(certification)) || openConsultation(kaigo)) involved.add('KAIGO');
  if (
    (shogai?.periods.some((p) => p.kind === 'TECHO' && (p.from === null || p.from <= day)) ?? false) ||
    anyPeriod(shogai, ['JUKYUSHA'], day) ||
    openConsultation(shogai)
  )
    involved.add('SHOGAI');
  if (kodomo?.cases.some((c) => caseOpenOn(c, day))) involved.add('KODOMO');
  if (openConsultation(konkyu)) involved.add('KONKYU');
  // A sector registered beyond the four: involved on an open consultation or an open case (no rule names it).
  for (const [s, f] of Object.entries(m.sectors)) {
    if (!(SECTORS as readonly string[]).includes(s) && (openConsultation(f) || (f?.cases.some((c) => caseOpenOn(c, day)) ?? false))) involved.add(s);
  }
  // A consultation about ひきこもり recorded in any sector, open or closed: often the only record of a withdrawn adult.
  const hikikomori = ordered(Object.keys(m.sectors)).filter((s) =>
    m.sectors[s]?.consultations.some((c) => c.date <= day && t.hikikomoriWords.some((w) => c.text.includes(w))),
  );
  // Needs care: a current 要支援/要介護 certification, or a current 障害支援区分 of 区分1 to 区分6.
  const care = new Set<Sector>();
  if (certification !== null && CARE_LEVELS.includes(certification)) care.add('KAIGO');
  if (kubun !== null && KUBUN_NEEDING_CARE.includes(kubun)) care.add('SHOGAI');
  // A closed case is history: only an open one says a child is caring now.
  const youngCarerRecord = kodomo?.cases.some((c) => c.youngCarer && caseOpenOn(c, day)) ?? false;
  return { id: m.id, age: ageOn(m.birthDate, day), relationship: m.relationship, involved, hikikomori, care, youngCarerRecord };
}

type Read = ReturnType<typeof readMember>;
/** In the registry's order (the contract's for the four); a code the registry does not know last, by name. */
const ordered = (sectors: Iterable<Sector>): Sector[] => {
  const given = new Set(sectors);
  const known = sectorCodes();
  return [...known.filter((s) => given.has(s)), ...[...given].filter((s) => !known.includes(s)).sort()];
};
const ids = (members: Iterable<Read>): string[] => [...new Set([...members].map((m) => m.id))].sort();

/**
 * 8050: an elder and their child of working age, where the child is involved in 障害 or 困窮, or a consultation about
 * ひきこもり is recorded on either of them (a parent's consultation at the 地域包括 about the withdrawn son).
 */
function eightyFifty(members: Read[], t: SituationThresholds): Situation | null {
  const persons: Read[] = [];
  const evidence = new Set<Sector>();
  for (const elder of members.filter((m) => m.age >= t.elderFrom)) {
    for (const child of members.filter((m) => m !== elder && m.age >= t.childFrom && m.age <= t.childTo)) {
      const isChild =
        (child.relationship === '子' && PARENTS_OF_CHILD.includes(elder.relationship)) ||
        (child.relationship === '世帯主' && PARENTS_OF_HEAD.includes(elder.relationship));
      const grounds = [...(['SHOGAI', 'KONKYU'] as const).filter((s) => child.involved.has(s)), ...child.hikikomori, ...elder.hikikomori];
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

/**
 * ヤングケアラー: recorded (an open kodomo case says so), or inferred: a young member in a 世帯 where a member needs care
 * and no other member of working age is free of such a need (the parent who is cared for is not the adult who could care).
 */
function youngCarer(members: Read[], t: SituationThresholds): Situation | null {
  const young = members.filter((m) => m.age < t.minorUnder);
  const recorded = young.filter((m) => m.youngCarerRecord);
  const cared = members.filter((m) => m.care.size > 0);
  const freeAdult = (except: Read) => members.some((m) => m !== except && m.age >= t.adultFrom && m.age <= t.adultTo && m.care.size === 0);
  // Someone else must need the care: a young member who needs care themselves is not inferred to give it.
  const carers = young.filter((y) => cared.some((c) => c !== y) && !freeAdult(y));
  if (recorded.length === 0 && carers.length === 0) return null;
  const inferredFor = carers.length > 0 ? [...carers, ...cared.filter((c) => carers.some((y) => y !== c))] : [];
  const persons = [...recorded, ...inferredFor];
  const evidence = [...(recorded.length ? (['KODOMO'] as Sector[]) : []), ...(inferredFor.length ? cared.flatMap((c) => [...c.care]) : [])];
  return { kind: 'YOUNG_CARER', personIds: ids(persons), evidence: ordered(evidence), inferred: recorded.length === 0 };
}

function multiSector(members: Read[]): Situation | null {
  const sectors = new Set(members.flatMap((m) => [...m.involved]));
  if (sectors.size < 2) return null;
  return { kind: 'MULTI_SECTOR', personIds: ids(members.filter((m) => m.involved.size > 0)), evidence: ordered(sectors), inferred: false };
}

/** The sectors each member is involved in on the reference date, as situations.md defines involvement. */
export function involvement(
  members: readonly MemberFacts[],
  referenceDate: string,
  thresholds: SituationThresholds = DEFAULT_THRESHOLDS,
): Sector[][] {
  return members.map((m) => ordered(readMember(m, referenceDate, thresholds).involved));
}

/**
 * The situations of one registered 世帯 on the reference date (yyyy-mm-dd), from its current residents and the
 * sector facts given: pass only what the viewer may see, and a situation, its persons and its evidence follow.
 */
export function householdSituations(
  members: readonly MemberFacts[],
  referenceDate: string,
  thresholds: SituationThresholds = DEFAULT_THRESHOLDS,
): Situation[] {
  const read = members.map((m) => readMember(m, referenceDate, thresholds));
  return [eightyFifty(read, thresholds), doubleCare(read, thresholds), youngCarer(read, thresholds), multiSector(read)].filter(
    (s): s is Situation => s !== null,
  );
}
