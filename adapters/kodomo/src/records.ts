import { toFullwidthKatakana } from '@welfare-hub/codec';

export const KNOWN_CATEGORIES = ['要保護児童', '要支援児童', '特定妊婦', '利用者支援', '子育て世帯訪問支援', 'ヤングケアラー支援'];

/** A guardian (保護者) as the kodomo system records it for a child: a parent, or whoever has custody. */
export interface Guardian {
  atenaNo: string | null;
  name: string;
  /** As the source writes it: 父, 母, 祖母, 未成年後見人 … */
  relation: string;
}

export interface Child {
  childId: string;
  atenaNo: string | null;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  guardians: Guardian[];
  updatedAt: string;
}

export interface Case {
  caseId: string;
  subjectType: 'child' | 'expectant_mother' | 'household';
  childId: string | null;
  atenaNo: string | null;
  name: string | null;
  nameKana: string | null;
  birthDate: string | null;
  category: string;
  /** False for a category the spec does not list (after a vendor upgrade): kept and reported, never dropped. */
  categoryKnown: boolean;
  status: 'OPEN' | 'CLOSED';
  openedOn: string;
  closedOn: string | null;
  youngCarerConcern: boolean;
  /**
   * Registered with the 要保護児童対策地域協議会 (児童福祉法25条の2): such a case is released only on the contract's access
   * rule 4. Null when the source did not say (an older vendor version): kept, and withheld as if registered.
   */
  youtaikyoRegistered: boolean | null;
  updatedAt: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; field: string };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string =>
  typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const isAtena = (v: unknown): v is string | null => v === null || v === undefined || (typeof v === 'string' && /^\d{10}$/.test(v));
const kana = (v: string): string =>
  toFullwidthKatakana(v)
    .trim()
    .split(/[\s\u3000]+/u)
    .join('\u3000');

/** An item of a page that is not a JSON object (null, a number, a string, an array) is a record to reject, not a crash. */
const notAnObject = (raw: unknown): boolean => typeof raw !== 'object' || raw === null || Array.isArray(raw);

export function checkChild(raw: Record<string, unknown>): Checked<Child> {
  if (notAnObject(raw)) return { ok: false, field: 'record', reason: 'record is not a JSON object' };
  if (typeof raw['childId'] !== 'string' || raw['childId'] === '') return { ok: false, field: 'childId', reason: 'childId missing' };
  if (!isAtena(raw['atenaNo'])) return { ok: false, field: 'atenaNo', reason: 'atenaNo is not 10 digits' };
  if (typeof raw['name'] !== 'string' || typeof raw['nameKana'] !== 'string') return { ok: false, field: 'name', reason: 'name or nameKana missing' };
  if (!isDate(raw['birthDate'])) return { ok: false, field: 'birthDate', reason: 'birthDate is not a date' };
  if (raw['sex'] !== 'M' && raw['sex'] !== 'F') return { ok: false, field: 'sex', reason: 'sex is not M or F' };
  if (typeof raw['updatedAt'] !== 'string' || Number.isNaN(Date.parse(raw['updatedAt'])))
    return { ok: false, field: 'updatedAt', reason: 'updatedAt is not a timestamp' };
  const guardians = checkGuardians(raw['guardians']);
  if (!guardians.ok) return guardians;
  return {
    ok: true,
    value: {
      childId: raw['childId'],
      atenaNo: (raw['atenaNo'] as string | null | undefined) ?? null,
      name: raw['name'].replace(/ /g, '\u3000'),
      nameKana: kana(raw['nameKana']),
      birthDate: raw['birthDate'],
      sex: raw['sex'] === 'M' ? 'MALE' : 'FEMALE',
      guardians: guardians.value,
      updatedAt: raw['updatedAt'],
    },
  };
}

/** A child's guardians: absent or null is none recorded; anything but a list of { atenaNo?, name, relation } is a bad record. */
function checkGuardians(raw: unknown): Checked<Guardian[]> {
  if (raw === undefined || raw === null) return { ok: true, value: [] };
  if (!Array.isArray(raw)) return { ok: false, field: 'guardians', reason: 'guardians is not a list' };
  const guardians: Guardian[] = [];
  for (const [i, g] of raw.entries()) {
    if (notAnObject(g)) return { ok: false, field: `guardians[${i}]`, reason: 'a guardian is not a JSON object' };
    const entry = g as Record<string, unknown>;
    if (!isAtena(entry['atenaNo'])) return { ok: false, field: `guardians[${i}].atenaNo`, reason: "a guardian's atenaNo is not 10 digits" };
    if (typeof entry['name'] !== 'string' || entry['name'].trim() === '')
      return { ok: false, field: `guardians[${i}].name`, reason: "a guardian's name is missing" };
    if (typeof entry['relation'] !== 'string' || entry['relation'].trim() === '')
      return { ok: false, field: `guardians[${i}].relation`, reason: "a guardian's relation is missing" };
    guardians.push({
      atenaNo: (entry['atenaNo'] as string | null | undefined) ?? null,
      name: entry['name'].trim().replace(/ /g, '\u3000'),
      relation: entry['relation'].trim(),
    });
  }
  return { ok: true, value: guardians };
}

export function checkCase(raw: Record<string, unknown>): Checked<Case> {
  if (notAnObject(raw)) return { ok: false, field: 'record', reason: 'record is not a JSON object' };
  const subject = raw['subject'] as Record<string, unknown> | undefined;
  if (typeof raw['caseId'] !== 'string' || raw['caseId'] === '') return { ok: false, field: 'caseId', reason: 'caseId missing' };
  const type = subject?.['type'];
  if (type !== 'child' && type !== 'expectant_mother' && type !== 'household')
    return { ok: false, field: 'subject.type', reason: 'subject.type not in the specification' };
  if (!isAtena(subject!['atenaNo'])) return { ok: false, field: 'subject.atenaNo', reason: 'subject.atenaNo is not 10 digits' };
  if (type === 'child' && typeof subject!['childId'] !== 'string') return { ok: false, field: 'subject.childId', reason: 'subject.childId missing' };
  // Checked for every subject type: a child subject's birthDate is passed through as well, and is written to a date column.
  if (subject!['birthDate'] != null && !isDate(subject!['birthDate']))
    return { ok: false, field: 'subject.birthDate', reason: 'subject.birthDate is not a date' };
  if (typeof raw['category'] !== 'string' || raw['category'] === '') return { ok: false, field: 'category', reason: 'category missing' };
  if (raw['status'] !== 'open' && raw['status'] !== 'closed') return { ok: false, field: 'status', reason: 'status is not open or closed' };
  if (!isDate(raw['openedOn'])) return { ok: false, field: 'openedOn', reason: 'openedOn is not a date' };
  if (raw['closedOn'] != null && !isDate(raw['closedOn'])) return { ok: false, field: 'closedOn', reason: 'closedOn is not a date' };
  if (typeof raw['youngCarerConcern'] !== 'boolean') return { ok: false, field: 'youngCarerConcern', reason: 'youngCarerConcern is not a boolean' };
  // Absent or null: the source did not say, kept and withheld as if registered; any other non-boolean is a bad record.
  if (raw['youtaikyoRegistered'] != null && typeof raw['youtaikyoRegistered'] !== 'boolean')
    return { ok: false, field: 'youtaikyoRegistered', reason: 'youtaikyoRegistered is not a boolean' };
  // String() of an object such as {"toString": 1} throws: a present updatedAt must be text.
  if (raw['updatedAt'] != null && typeof raw['updatedAt'] !== 'string')
    return { ok: false, field: 'updatedAt', reason: 'updatedAt is not a timestamp' };
  return {
    ok: true,
    value: {
      caseId: raw['caseId'],
      subjectType: type,
      childId: type === 'child' ? (subject!['childId'] as string) : null,
      atenaNo: (subject!['atenaNo'] as string | null | undefined) ?? null,
      name: typeof subject!['name'] === 'string' ? subject!['name'].replace(/ /g, '\u3000') : null,
      nameKana: typeof subject!['nameKana'] === 'string' ? kana(subject!['nameKana']) : null,
      birthDate: (subject!['birthDate'] as string | null | undefined) ?? null,
      category: raw['category'],
      categoryKnown: KNOWN_CATEGORIES.includes(raw['category']),
      status: raw['status'] === 'open' ? 'OPEN' : 'CLOSED',
      openedOn: raw['openedOn'],
      closedOn: (raw['closedOn'] as string | null | undefined) ?? null,
      youngCarerConcern: raw['youngCarerConcern'],
      youtaikyoRegistered: (raw['youtaikyoRegistered'] as boolean | null | undefined) ?? null,
      updatedAt: (raw['updatedAt'] as string | null | undefined) ?? '',
    },
  };
}
