import type { MemberFacts, SituationFacts, SituationKind, SituationThresholds } from '../src/index.js';

/**
 * The households of issue 13 that the situation rules got wrong, each with its near misses, written as the sector
 * systems record them. The rules' unit test reads them as facts (factsOf); the analysts' index test writes them into
 * the sources' tables and reads them back through the facts loaders, so both must say the same.
 */
export const DAY = '2026-11-22';

export interface Consultation {
  text: string;
  open: boolean;
  date?: string;
}

export interface Jukyusha {
  level: string;
  from?: string;
  until?: string;
}

export interface CaseMember {
  id: string;
  /** Age on DAY; with dayBefore, turning that age the day after DAY. */
  age: number;
  dayBefore?: boolean;
  /** 続柄 as text. */
  relationship: string;
  kaigo?: { certifications?: { level: string; from: string | null; until: string | null }[]; consultations?: Consultation[] };
  /** Each 受給者証 with its 障害支援区分 as the source writes it ('' for none) and its period, and whether a 手帳 is held. */
  shogai?: { jukyusha?: Jukyusha[]; techo?: boolean; consultations?: Consultation[] };
  kodomo?: { cases: { youngCarer: boolean; openedOn?: string; closedOn?: string | null }[] };
  konkyu?: { consultations: Consultation[] };
}

export interface SituationCase {
  name: string;
  members: CaseMember[];
  /** What the rules of situations.md find. */
  expected: SituationKind[];
  /** What the rules found before issue 13, where it differs: the household that was wrong. */
  before?: SituationKind[];
  thresholds?: Partial<SituationThresholds>;
}

export const bornFor = (age: number, dayBefore = false): string => `${Number(DAY.slice(0, 4)) - age}-${dayBefore ? '11-23' : '11-22'}`;

const CERTIFIED = { from: '2026-01-01', until: '2027-12-31' };
const care = (level: string) => ({ certifications: [{ level, ...CERTIFIED }] });
const withKubun = (...levels: string[]) => ({ jukyusha: levels.map((level) => ({ level })) });
const openCase = { youngCarer: true, openedOn: '2026-04-01', closedOn: null };
const HIKIKOMORI_AT_HOKATSU: Consultation = {
  text: '05 家族・介護者 長男（51）が長年ひきこもり、父が今後を心配して来所',
  open: true,
  date: '2026-09-01',
};
const OTHER_AT_HOKATSU: Consultation = { text: '01 介護 介護保険の申請について説明', open: true, date: '2026-09-01' };

export const CASES: SituationCase[] = [
  // 非該当 is not a 障害支援区分.
  {
    name: 'ダブルケア: a father with a 受給者証 judged 非該当 and a toddler is not one',
    before: ['DOUBLE_CARE'],
    expected: [],
    members: [
      { id: 'f', age: 40, relationship: '世帯主', shogai: withKubun('非該当') },
      { id: 'm', age: 35, relationship: '妻' },
      { id: 'k', age: 2, relationship: '子' },
    ],
  },
  {
    name: 'ダブルケア (near miss): the same father with 区分1 is one',
    expected: ['DOUBLE_CARE'],
    members: [
      { id: 'f', age: 40, relationship: '世帯主', shogai: withKubun('区分1') },
      { id: 'm', age: 35, relationship: '妻' },
      { id: 'k', age: 2, relationship: '子' },
    ],
  },
  {
    name: 'ヤングケアラー: a grandparent of 70 judged 非該当 alone with a 15-year-old is not one',
    before: ['YOUNG_CARER'],
    expected: [],
    members: [
      { id: 'g', age: 70, relationship: '世帯主', shogai: withKubun('非該当') },
      { id: 'k', age: 15, relationship: '孫' },
    ],
  },
  {
    name: 'ダブルケア: a 区分3 changed to 非該当 (区分変更) before it ran out is no longer a care need',
    before: ['DOUBLE_CARE'],
    expected: [],
    members: [
      {
        id: 'f',
        age: 40,
        relationship: '世帯主',
        shogai: {
          jukyusha: [
            { level: '区分3', from: '2025-06-01', until: '2027-05-31' },
            { level: '非該当', from: '2026-06-01', until: '2027-05-31' },
          ],
        },
      },
      { id: 'm', age: 35, relationship: '妻' },
      { id: 'k', age: 2, relationship: '子' },
    ],
  },
  {
    name: 'ダブルケア (near miss): a 要介護 changed to 非該当 (区分変更) likewise, and an application 審査中 changes nothing',
    before: ['DOUBLE_CARE'],
    expected: [],
    members: [
      {
        id: 'g',
        age: 78,
        relationship: '母',
        kaigo: {
          certifications: [
            { level: 'CARE_1', from: '2026-01-01', until: '2026-12-31' },
            { level: 'NON_APPLICABLE', from: '2026-08-01', until: '2027-07-31' },
            { level: 'PENDING', from: null, until: null },
          ],
        },
      },
      { id: 'h', age: 38, relationship: '世帯主' },
      { id: 'k', age: 3, relationship: '子' },
    ],
  },
  // A single parent who needs care is not the adult who could care.
  {
    name: 'ヤングケアラー: a single parent with 区分2 and a 14-year-old is one (inferred)',
    before: [],
    expected: ['YOUNG_CARER'],
    members: [
      { id: 'p', age: 42, relationship: '世帯主', shogai: withKubun('区分2') },
      { id: 'k', age: 14, relationship: '子' },
    ],
  },
  {
    name: 'ヤングケアラー (near miss): with the other parent at home and free of a care need it is not',
    expected: [],
    members: [
      { id: 'p', age: 42, relationship: '世帯主', shogai: withKubun('区分2') },
      { id: 'q', age: 44, relationship: '夫' },
      { id: 'k', age: 14, relationship: '子' },
    ],
  },
  {
    name: 'ヤングケアラー: both parents needing care (区分2, 要介護1) and a 14-year-old is one',
    before: [],
    expected: ['YOUNG_CARER'],
    members: [
      { id: 'p', age: 42, relationship: '世帯主', shogai: withKubun('区分2') },
      { id: 'q', age: 60, relationship: '夫', kaigo: care('CARE_1') },
      { id: 'k', age: 14, relationship: '子' },
    ],
  },
  {
    name: 'ヤングケアラー (near miss): a brother of 20 free of a care need is the adult who could care',
    expected: [],
    members: [
      { id: 'p', age: 42, relationship: '世帯主', shogai: withKubun('区分2') },
      { id: 'b', age: 20, relationship: '子' },
      { id: 'k', age: 14, relationship: '子' },
    ],
  },
  {
    name: 'ヤングケアラー: a grandparent of 70 with 要支援2 alone with a 14-year-old is one (要支援 is a care need)',
    before: [],
    expected: ['YOUNG_CARER'],
    members: [
      { id: 'g', age: 70, relationship: '世帯主', kaigo: care('SUPPORT_2') },
      { id: 'k', age: 14, relationship: '孫' },
    ],
  },
  {
    name: 'ヤングケアラー (near miss): a 15-year-old who needs care alone with a grandparent who does not is not a carer',
    before: ['YOUNG_CARER'],
    expected: [],
    members: [
      { id: 'g', age: 70, relationship: '世帯主' },
      { id: 'k', age: 15, relationship: '孫', shogai: withKubun('区分3') },
    ],
  },
  {
    name: 'ヤングケアラー (near miss): an 18-year-old with a single parent with 区分2 is past the bound',
    expected: [],
    members: [
      { id: 'p', age: 48, relationship: '世帯主', shogai: withKubun('区分2') },
      { id: 'k', age: 18, relationship: '子' },
    ],
  },
  {
    name: 'ヤングケアラー: the same 18-year-old is one where the municipality raised the bound to 25',
    before: [],
    expected: ['YOUNG_CARER'],
    thresholds: { minorUnder: 25 },
    members: [
      { id: 'p', age: 48, relationship: '世帯主', shogai: withKubun('区分2') },
      { id: 'k', age: 18, relationship: '子' },
    ],
  },
  // A closed case is history.
  {
    name: 'ヤングケアラー: a closed ヤングケアラー case does not flag',
    before: ['YOUNG_CARER'],
    expected: [],
    members: [
      { id: 'm', age: 45, relationship: '世帯主' },
      { id: 'k', age: 15, relationship: '子', kodomo: { cases: [{ youngCarer: true, openedOn: '2025-04-01', closedOn: '2026-03-31' }] } },
    ],
  },
  {
    name: 'ヤングケアラー (near miss): the same case while it was open flags',
    expected: ['YOUNG_CARER'],
    members: [
      { id: 'm', age: 45, relationship: '世帯主' },
      { id: 'k', age: 15, relationship: '子', kodomo: { cases: [openCase] } },
    ],
  },
  // The seeds' own 8050 case (F2): the son is known only through his father's consultation at the 地域包括.
  {
    name: '8050: a father of 79 whose 地域包括 consultation is about his withdrawn son of 51 is one',
    before: [],
    expected: ['EIGHTY_FIFTY'],
    members: [
      { id: 'f', age: 79, relationship: '世帯主', kaigo: { ...care('CARE_2'), consultations: [HIKIKOMORI_AT_HOKATSU] } },
      { id: 's', age: 51, relationship: '子' },
    ],
  },
  {
    name: "8050 (near miss): the father's consultation about something else is not",
    expected: [],
    members: [
      { id: 'f', age: 79, relationship: '世帯主', kaigo: { ...care('CARE_2'), consultations: [OTHER_AT_HOKATSU] } },
      { id: 's', age: 51, relationship: '子' },
    ],
  },
  {
    name: '8050 (near miss): nor is a son of 39',
    expected: [],
    members: [
      { id: 'f', age: 79, relationship: '世帯主', kaigo: { ...care('CARE_2'), consultations: [HIKIKOMORI_AT_HOKATSU] } },
      { id: 's', age: 39, relationship: '子' },
    ],
  },
  {
    name: '8050 (near miss): nor a lodger of 51',
    expected: [],
    members: [
      { id: 'f', age: 79, relationship: '世帯主', kaigo: { ...care('CARE_2'), consultations: [HIKIKOMORI_AT_HOKATSU] } },
      { id: 's', age: 51, relationship: '同居人' },
    ],
  },
];

const consultation = (c: Consultation) => ({ date: c.date ?? '2026-10-01', open: c.open, text: c.text });

/** A member's sector facts as the facts loaders give them. */
export function factsOf(m: CaseMember): MemberFacts {
  const sectors: MemberFacts['sectors'] = {};
  const facts = (f: Partial<SituationFacts>): SituationFacts => ({ periods: [], consultations: [], cases: [], ...f });
  if (m.kaigo)
    sectors.KAIGO = facts({
      periods: (m.kaigo.certifications ?? []).map((c) => ({ kind: c.level, from: c.from, until: c.until })),
      consultations: (m.kaigo.consultations ?? []).map(consultation),
    });
  if (m.shogai) {
    const jukyusha = (m.shogai.jukyusha ?? []).map((j) => ({ level: j.level, from: j.from ?? CERTIFIED.from, until: j.until ?? CERTIFIED.until }));
    sectors.SHOGAI = facts({
      periods: [
        ...(m.shogai.techo ? [{ kind: 'TECHO', from: '2010-01-01', until: null }] : []),
        ...jukyusha.map((j) => ({ kind: 'JUKYUSHA', from: j.from, until: j.until })),
        ...jukyusha.filter((j) => j.level !== '').map((j) => ({ kind: j.level, from: j.from, until: j.until })),
      ],
      consultations: (m.shogai.consultations ?? []).map(consultation),
    });
  }
  if (m.kodomo)
    sectors.KODOMO = facts({
      cases: m.kodomo.cases.map((c) => ({
        openedOn: c.openedOn ?? '2026-04-01',
        closedOn: c.closedOn ?? null,
        open: (c.closedOn ?? null) === null,
        youngCarer: c.youngCarer,
      })),
    });
  if (m.konkyu) sectors.KONKYU = facts({ consultations: m.konkyu.consultations.map(consultation) });
  return { id: m.id, birthDate: bornFor(m.age, m.dayBefore), relationship: m.relationship, sectors };
}
