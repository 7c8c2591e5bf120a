import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageOn } from '@welfare-hub/codec';
import { addDays, type City, type Person } from './city.js';
import type { Planted } from './planted.js';
import { Random } from './random.js';

/**
 * A year of 多機関協働 case work for the demo city, up to its last day: referrals from each sector about residents that
 * sector holds, cases in every stage (some still before consent under a 支援会議), the monthly 重層的支援会議 and its
 * decisions, outreach and contacts, a few 参加支援 participations, closures returned to the sector that referred. The
 * planted 8050 households are worked as the seeds tell (002:972-1033): referred by the care manager, outreach before
 * consent, the son signing the 申込票 later. Written as cases/cases.json; the hub loads it into an empty case store.
 * Deterministic: the same city and seed give the same file.
 */

type Sector = 'KAIGO' | 'SHOGAI' | 'KODOMO' | 'KONKYU';
const ORG: Record<Sector, { org: string; staff: string }> = {
  KAIGO: { org: 'KAIGO-HOKATSU', staff: 'kaigo-01' },
  SHOGAI: { org: 'SHOGAI-SODAN', staff: 'shogai-01' },
  KODOMO: { org: 'KODOMO-CENTER', staff: 'kodomo-01' },
  KONKYU: { org: 'KONKYU-SHAKYO', staff: 'konkyu-01' },
};
const TEAM = { org: 'JUSOU-SUISHIN', staff: 'coord-01' };
const MEMBERS = [TEAM.staff, ...Object.values(ORG).map((o) => o.staff)];
const ISSUES = [
  'FAMILY',
  'DEMENTIA',
  'REFUSAL',
  'POVERTY',
  'DEBT',
  'EMPLOYMENT',
  'HOUSING',
  'ILLNESS',
  'MENTAL',
  'DISABILITY',
  'HIKIKOMORI',
  'SCHOOL',
  'CARE',
  'CHILDCARE',
  'ISOLATION',
  'NO_SUPPORTER',
];
const REASONS: Record<Sector, string[]> = {
  KAIGO: [
    '介護サービス利用者の同居家族に長期のひきこもりが疑われる',
    '認知症の親と無職の子の世帯で家計が不安定',
    '介護者の疲弊と子育てが重なっている',
  ],
  SHOGAI: ['障害のある本人と高齢の親の世帯で将来の生活が見通せない', '相談支援の中で家族の困窮と孤立がわかった'],
  KODOMO: ['不登校の子の家庭で保護者の就労と心身の不調が重なっている', '子育て世帯で家計と養育の課題が複合している'],
  KONKYU: ['家計相談の中で家族の介護と障害の疑いがわかった', '滞納と就労の課題に加え同居家族の支援が必要'],
};
const HOSTS = [
  { id: 'HOST-CAFE', name: '地域カフェ ぬくもり', offers: ['居場所', '就労体験'] },
  { id: 'HOST-FARM', name: 'みどり農園', offers: ['農作業体験'] },
  { id: 'HOST-KITCHEN', name: '男性の料理教室 (公民館)', offers: ['調理実習', '居場所'] },
  { id: 'HOST-SHOP', name: 'まちの商店会', offers: ['職場体験', '就労'] },
];
const CONTACT_NOTES = [
  '自宅を訪問し近況を確認',
  '電話で様子を確認',
  '関係機関へ同行',
  '面談で今後の見通しを共有',
  '手紙をポストに入れた',
  'イベントのチラシを届けた',
];

/** A working-hours instant in Japan on a day (yyyy-mm-dd), as ISO with offset. */
const at = (day: string, hour = 10, minute = 0): string => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+09:00`;

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export interface CaseHistoryOptions {
  asOf: string;
  seed: number;
  /**
   * atenaNo of each resident a sector holds a record about, by sector code. The year's referrals come from the four
   * sectors of the demo register (ORG below); a sector the city does not hold refers no one.
   */
  held: Readonly<Partial<Record<string, ReadonlySet<string>>>>;
}

/** Writes cases/cases.json under dir and returns how many cases it holds. */
export function writeCaseHistory(city: City, planted: readonly Planted[], dir: string, options: CaseHistoryOptions): number {
  const history = caseHistory(city, planted, options);
  mkdirSync(join(dir, 'cases'), { recursive: true });
  writeFileSync(join(dir, 'cases', 'cases.json'), `${JSON.stringify(history)}\n`);
  return history.cases.length;
}

// The shapes are the loader's (subgraphs/cases demo-history.ts); they are repeated here so that the generator does
// not depend on the hub.
type Json = Record<string, unknown>;

export function caseHistory(city: City, planted: readonly Planted[], options: CaseHistoryOptions) {
  const random = new Random(options.seed ^ 0x16ca5e);
  const { asOf } = options;
  const residents = city.persons.filter((p) => p.status === 1);
  const byAtena = new Map(residents.map((p) => [p.atenaNo, p]));
  const bySetai = new Map<string, Person[]>();
  for (const p of residents) bySetai.set(p.setaiNo, [...(bySetai.get(p.setaiNo) ?? []), p]);

  const meetings: Json[] = [];
  const consents: Json[] = [];
  const referrals: Json[] = [];
  const cases: Json[] = [];

  // The monthly 重層的支援会議 (15th, 14:00-16:00), and one sitting today for the demo to record decisions in.
  const jusou: { id: string; day: string }[] = [];
  for (let k = 12; k >= 0; k--) {
    const d = new Date(Date.parse(`${asOf}T00:00:00Z`));
    d.setUTCDate(15);
    d.setUTCMonth(d.getUTCMonth() - k);
    const day = d.toISOString().slice(0, 10);
    if (day >= asOf) continue;
    const id = uuid(random);
    jusou.push({ id, day });
    meetings.push({
      id,
      kind: 'JUSOU_SHIEN_KAIGI',
      title: `重層的支援会議 ${day.slice(0, 7)}`,
      subjectPersonIds: [],
      subjectHouseholdIds: [],
      members: MEMBERS,
      opensAt: at(day, 14),
      closesAt: at(day, 16),
      closedAt: at(day, 16),
      convenedBy: TEAM.staff,
    });
  }
  meetings.push({
    id: uuid(random),
    kind: 'JUSOU_SHIEN_KAIGI',
    title: `重層的支援会議 ${asOf}`,
    subjectPersonIds: [],
    subjectHouseholdIds: [],
    members: MEMBERS,
    opensAt: at(asOf, 9),
    closesAt: at(addDays(asOf, 1), 18),
    closedAt: null,
    convenedBy: TEAM.staff,
  });
  /** The first monthly sitting on or after a day (none after the last day). */
  const sittingFrom = (day: string) => jusou.find((m) => m.day >= day) ?? null;

  const hosts = HOSTS.map((h) => ({ ...h, registeredAt: at(addDays(asOf, -364)), by: TEAM.staff }));

  const heldResidents = (s: Sector) => [...(options.held[s] ?? [])].filter((a) => byAtena.has(a)).sort();
  const pools: Record<Sector, string[]> = {
    KAIGO: heldResidents('KAIGO'),
    SHOGAI: heldResidents('SHOGAI'),
    KODOMO: heldResidents('KODOMO'),
    KONKYU: heldResidents('KONKYU'),
  };
  const used = new Set<string>();

  /** The subjects for a case about someone a sector holds: an adult first (a child's parent), then one more member perhaps. */
  const subjectsFor = (atenaNo: string, opened: string): string[] => {
    const person = byAtena.get(atenaNo)!;
    const home = (bySetai.get(person.setaiNo) ?? []).filter((p) => p.atenaNo !== atenaNo);
    if (ageOn(person.birthDate, opened) < 18) {
      const adult = home.find((p) => ageOn(p.birthDate, opened) >= 18);
      return adult ? [adult.atenaNo, atenaNo] : [atenaNo];
    }
    const other = home.length > 0 && random.chance(0.35) ? random.pick(home) : null;
    return other ? [atenaNo, other.atenaNo] : [atenaNo];
  };

  const total = Math.max(16, Math.round(residents.length / 150));
  /**
   * about: the member the referring sector holds a record of, when that is not the subject (named in the referral too);
   * stopAt: the stage a case opened lately has reached today, so that the work lists show every stage.
   */
  const plans: {
    sector: Sector;
    atenaNo: string;
    about?: string;
    opened: string;
    route: string;
    withoutConsent: boolean;
    attachAfter: number | null;
    setai?: string;
    stopAt?: 'INTAKE' | 'ASSESSMENT' | 'PLANNING';
  }[] = [];
  // The planted 8050 households first: referred by the care manager, outreach before consent, one son signs later.
  // The care manager refers the son about whom the 地域包括 holds a record of his parent (the seeds' own case: the son is
  // in no system at all), so the referral names both.
  planted
    .filter((p) => p.kind === 'EIGHTY_FIFTY')
    .forEach((p, i) => {
      const parent = Object.entries(p.involvement).find(([, s]) => s.includes('KAIGO'))?.[0];
      const son = Object.keys(p.involvement).find((a) => a !== parent);
      if (son && parent && byAtena.has(son)) {
        plans.push({
          sector: 'KAIGO',
          atenaNo: son,
          about: parent,
          opened: addDays(asOf, -(250 - i * 60)),
          route: 'REFERRAL',
          withoutConsent: true,
          attachAfter: i === 0 ? 70 : null,
          setai: p.setaiNo,
        });
      }
    });
  planted
    .filter((p) => p.kind === 'MULTI_SECTOR' || p.kind === 'DOUBLE_CARE')
    .forEach((p, i) => {
      // Referred by a sector that holds the person: 困窮 for the 複数分野 daughter, 介護 for the ダブルケア grandmother.
      const sector: Sector = p.kind === 'MULTI_SECTOR' ? 'KONKYU' : 'KAIGO';
      const first = Object.entries(p.involvement).find(([, s]) => s.includes(sector))?.[0];
      if (first && byAtena.has(first))
        plans.push({ sector, atenaNo: first, opened: addDays(asOf, -(300 - i * 70)), route: 'REFERRAL', withoutConsent: false, attachAfter: null });
    });
  for (const p of plans) used.add(p.atenaNo);
  const lately: ('INTAKE' | 'ASSESSMENT' | 'PLANNING')[] = ['INTAKE', 'ASSESSMENT', 'PLANNING'];
  // A city whose sectors hold too few residents for the year's cases (none at all: a city written without sectors) gets
  // the cases it can; the loop draws again only while some held resident is not yet a case.
  const holders = new Set(Object.values(pools).flat());
  let unheld = [...holders].filter((a) => !used.has(a)).length;
  while (plans.length < total && unheld > 0) {
    const sector = random.weighted<Sector>([
      ['KAIGO', 30],
      ['KONKYU', 30],
      ['SHOGAI', 20],
      ['KODOMO', 20],
    ]);
    const pool = pools[sector];
    if (pool.length === 0) continue;
    const atenaNo = random.pick(pool);
    if (used.has(atenaNo)) continue;
    used.add(atenaNo);
    unheld--;
    const route = random.weighted([
      ['REFERRAL', 60],
      ['WINDOW', 15],
      ['OUTREACH', 15],
      ['CONCERN', 10],
    ] as const);
    const withoutConsent = route === 'OUTREACH' || route === 'CONCERN' ? random.chance(0.6) : random.chance(0.05);
    // The first regular cases are this month's, one still at intake, one assessed, one with its plan proposed.
    const stopAt = lately.shift();
    const opened = stopAt ? addDays(asOf, -random.int(14, 28)) : addDays(asOf, -random.int(0, 362));
    plans.push({
      sector,
      atenaNo,
      opened,
      route,
      withoutConsent: stopAt ? false : withoutConsent,
      attachAfter: withoutConsent && !stopAt && random.chance(0.5) ? random.int(20, 90) : null,
      ...(stopAt ? { stopAt } : {}),
    });
  }
  const STAGES = ['INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE'];
  const reaches = (plan: (typeof plans)[number], stage: string): boolean => !plan.stopAt || STAGES.indexOf(stage) <= STAGES.indexOf(plan.stopAt);

  for (const plan of plans) {
    const source = ORG[plan.sector];
    const subjects = subjectsFor(plan.atenaNo, plan.opened);
    const first = subjects[0]!;
    const id = uuid(random);
    const stages: Json[] = [{ from: null, to: 'INTAKE', at: at(plan.opened, 10), by: TEAM.staff, decisionId: null }];
    const assessments: Json[] = [];
    const planVersions: Json[] = [];
    const decisions: Json[] = [];
    const participations: Json[] = [];
    const contacts: Json[] = [];
    let stage = 'INTAKE';
    let closedAt: string | null = null;
    let lead: string | null = null;
    const move = (to: string, day: string, decisionId: string | null) => {
      stages.push({ from: stage, to, at: at(day, 15), by: TEAM.staff, decisionId });
      stage = to;
    };
    const contact = (
      day: string,
      by: { org: string; staff: string },
      personId: string | null,
      outreach: string | null,
      kind?: string,
      participationId: string | null = null,
    ) => {
      if (day > asOf) return;
      contacts.push({
        id: uuid(random),
        participationId,
        at: at(day, random.int(9, 17), random.int(0, 59)),
        kind: kind ?? random.pick(['VISIT', 'PHONE', 'ACCOMPANY', 'MEETING']),
        note: random.pick(CONTACT_NOTES),
        personId,
        by: by.staff,
        org: by.org,
        outreachDecision: outreach,
      });
    };

    let referralId: string | null = null;
    if (plan.route === 'REFERRAL') {
      referralId = uuid(random);
      referrals.push({
        id: referralId,
        fromOrg: source.org,
        sentBy: source.staff,
        toOrg: TEAM.org,
        subjectIds: [...new Set([...subjects, ...(plan.about ? [plan.about] : [])])],
        reason: random.pick(REASONS[plan.sector]),
        state: 'ACCEPTED',
        sentAt: at(addDays(plan.opened, -random.int(1, 10)), 11),
        decidedAt: at(plan.opened, 10),
        decidedBy: TEAM.staff,
        declineReason: null,
        caseId: id,
      });
    }

    // Consent: on the 申込票 at intake, or attached later; before it, the case lives under a 支援会議. It names the team
    // (the 8050 son signs at the 自立相談支援機関, which it names too): the sectors' own staff keep seeing what they saw.
    let consentId: string | null = null;
    let consentDay: string | null = plan.withoutConsent ? (plan.attachAfter !== null ? addDays(plan.opened, plan.attachAfter) : null) : plan.opened;
    if (consentDay !== null && consentDay > asOf) consentDay = null;
    if (plan.withoutConsent) {
      const person = byAtena.get(first)!;
      const meetingId = uuid(random);
      const opens = addDays(plan.opened, 2);
      const closes = addDays(plan.opened, 150);
      meetings.push({
        id: meetingId,
        kind: 'SHIEN_KAIGI',
        title: '支援会議 (本人同意なし)',
        subjectPersonIds: [],
        subjectHouseholdIds: [plan.setai ?? person.setaiNo],
        members: [TEAM.staff, ORG.KONKYU.staff, source.staff].filter((s, i, a) => a.indexOf(s) === i),
        opensAt: at(opens, 10),
        closesAt: at(closes, 18),
        closedAt: closes < asOf ? at(closes, 18) : null,
        convenedBy: TEAM.staff,
      });
      if (opens <= asOf) {
        const decisionId = uuid(random);
        decisions.push({
          id: decisionId,
          meetingId,
          meetingKind: 'SHIEN_KAIGI',
          kind: 'OUTREACH_PLANNED',
          at: at(opens, 11),
          note: '手紙とチラシで関係づくりを始め、訪問は自立相談支援機関が担う',
          present: [TEAM.staff, ORG.KONKYU.staff],
          by: TEAM.staff,
          personId: null,
          leadOrg: null,
          planVersion: null,
        });
        const until = consentDay ?? asOf;
        for (let d = addDays(opens, random.int(3, 10)); d <= until; d = addDays(d, random.int(10, 25)))
          contact(d, ORG.KONKYU, first, decisionId, random.pick(['LETTER', 'LETTER', 'VISIT']));
      }
    }
    if (consentDay !== null) {
      consentId = uuid(random);
      const person = byAtena.get(first)!;
      const guardian =
        ageOn(person.birthDate, consentDay) < 15
          ? ((bySetai.get(person.setaiNo) ?? []).find((p) => ageOn(p.birthDate, consentDay!) >= 18)?.atenaNo ?? null)
          : null;
      consents.push({
        id: consentId,
        personId: first,
        sectors: ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'],
        recipientOrgs: plan.setai ? [TEAM.org, ORG.KONKYU.org] : [TEAM.org],
        purpose: '多機関協働による支援 (相談受付申込票)',
        validFrom: consentDay,
        validUntil: addDays(consentDay, 730),
        givenBy: guardian,
        evidence: '相談受付申込票',
        recordedBy: TEAM.staff,
        recordedOrg: TEAM.org,
        recordedAt: at(consentDay, 10),
      });
    }

    // The flow, as far as the last day reaches.
    let day = addDays(plan.opened, random.int(5, 12));
    const issues = [
      ...new Set(Array.from({ length: Math.max(2, Math.min(9, Math.round(5.4 + (random.next() - 0.5) * 5))) }, () => random.pick(ISSUES))),
    ];
    if (day <= asOf && reaches(plan, 'ASSESSMENT')) {
      assessments.push({ issues, summary: '本人・家族の状況と関係機関の関わりを整理した', at: at(day, 16), by: TEAM.staff, org: TEAM.org });
      move('ASSESSMENT', day, null);
      day = addDays(day, random.int(7, 25));
      const roles = [
        { orgId: source.org, personId: first, task: '本人への継続的な相談支援' },
        { orgId: TEAM.org, personId: null, task: '総合調整・進行管理' },
      ];
      if (subjects[1]) {
        const child = ageOn(byAtena.get(subjects[1])!.birthDate, day) < 18;
        roles.push({
          orgId: child ? ORG.KODOMO.org : ORG.KONKYU.org,
          personId: subjects[1],
          task: child ? '学校と連携した見守り' : '家計と就労の相談',
        });
      }
      if (day <= asOf && reaches(plan, 'PLANNING')) {
        const reviewOn = addDays(day, 90);
        const version: Json = {
          version: 1,
          goals: ['生活の安定', '関係機関の役割分担の合意'],
          reviewOn,
          at: at(day, 15),
          by: TEAM.staff,
          approvedAt: null,
          decisionId: null,
          roles,
        };
        planVersions.push(version);
        move('PLANNING', day, null);
        const sitting = consentDay !== null && reaches(plan, 'ACTIVE') ? sittingFrom(day > consentDay ? day : consentDay) : null;
        if (sitting) {
          const decisionId = uuid(random);
          decisions.push({
            id: decisionId,
            meetingId: sitting.id,
            meetingKind: 'JUSOU_SHIEN_KAIGI',
            kind: 'PLAN_APPROVED',
            at: at(sitting.day, 15),
            note: 'プランの適切性を確認し役割分担を合意',
            present: MEMBERS,
            by: TEAM.staff,
            personId: null,
            leadOrg: null,
            planVersion: 1,
          });
          version['approvedAt'] = at(sitting.day, 15);
          version['decisionId'] = decisionId;
          move('ACTIVE', sitting.day, decisionId);
          const roleFor = (p: string | null) => roles.find((r) => r.personId === p)?.orgId;
          for (let d = addDays(sitting.day, random.int(3, 12)); d <= asOf; d = addDays(d, random.int(10, 30))) {
            const about = random.pick(subjects);
            const org = roleFor(about) ?? TEAM.org;
            contact(d, Object.values(ORG).find((o) => o.org === org) ?? TEAM, about, null);
          }
          const adult = ageOn(byAtena.get(first)!.birthDate, sitting.day);
          if (adult >= 18 && adult < 65 && random.chance(0.3)) {
            const need = sittingFrom(addDays(sitting.day, 1));
            if (need) {
              const needId = uuid(random);
              decisions.push({
                id: needId,
                meetingId: need.id,
                meetingKind: 'JUSOU_SHIEN_KAIGI',
                kind: 'PARTICIPATION_NEEDED',
                at: at(need.day, 15, 30),
                note: '社会とのつながりを回復する参加支援が必要',
                present: MEMBERS,
                by: TEAM.staff,
                personId: first,
                leadOrg: null,
                planVersion: null,
              });
              const start = addDays(need.day, random.int(5, 15));
              if (start <= asOf) {
                const end = addDays(start, random.int(60, 150));
                const pid = uuid(random);
                const ended = end <= asOf;
                participations.push({
                  id: pid,
                  personId: first,
                  hostId: random.pick(HOSTS).id,
                  state: ended ? random.pick(['SETTLED', 'SETTLED', 'ENDED']) : 'ACTIVE',
                  startedAt: at(start, 13),
                  endedAt: ended ? at(end, 13) : null,
                  decisionId: needId,
                  by: TEAM.staff,
                });
                for (let d = addDays(start, random.int(7, 14)); d <= asOf && d <= addDays(end, 60); d = addDays(d, random.int(14, 30)))
                  contact(d, TEAM, first, null, 'VISIT', pid);
              }
            }
          }
          const evaluation = sittingFrom(reviewOn);
          if (evaluation) {
            const evalId = uuid(random);
            decisions.push({
              id: evalId,
              meetingId: evaluation.id,
              meetingKind: 'JUSOU_SHIEN_KAIGI',
              kind: 'EVALUATED',
              at: at(evaluation.day, 14, 30),
              note: '支援の経過と成果を評価',
              present: MEMBERS,
              by: TEAM.staff,
              personId: null,
              leadOrg: null,
              planVersion: null,
            });
            move('MONITORING', evaluation.day, evalId);
            const closing = sittingFrom(addDays(evaluation.day, random.int(25, 90)));
            if (closing && random.chance(0.8)) {
              const closeId = uuid(random);
              lead = source.org;
              decisions.push({
                id: closeId,
                meetingId: closing.id,
                meetingKind: 'JUSOU_SHIEN_KAIGI',
                kind: 'CLOSURE_APPROVED',
                at: at(closing.day, 15, 45),
                note: '役割分担が定まり主担当へつなぎ戻す',
                present: MEMBERS,
                by: TEAM.staff,
                personId: null,
                leadOrg: lead,
                planVersion: null,
              });
              move('CLOSED', closing.day, closeId);
              closedAt = at(closing.day, 15, 45);
              stages[stages.length - 1]!['at'] = closedAt;
            }
          }
        }
      }
    }
    cases.push({
      id,
      route: plan.route,
      subjectIds: subjects,
      openedAt: at(plan.opened, 10),
      openedBy: TEAM.staff,
      consentId,
      consentAttachedAt: consentId ? at(consentDay!, 10) : null,
      summary: plan.route === 'REFERRAL' ? 'つなぎを受けて相談受付' : '相談受付',
      referralId,
      leadOrg: lead,
      returnedTo: lead,
      stage,
      closedAt,
      stages,
      assessments,
      plans: planVersions,
      decisions,
      participations,
      contacts: contacts.filter((c) => closedAt === null || (c['at'] as string) <= closedAt || c['participationId'] !== null),
    });
  }

  // Referrals that did not become cases: between sectors, declined, and a few still waiting for the team.
  const extra = Math.max(6, Math.round(total * 0.25));
  for (let i = 0; i < extra; i++) {
    const from = random.pick(Object.keys(ORG) as Sector[]);
    const pool = pools[from];
    if (pool.length === 0) continue;
    const atenaNo = random.pick(pool);
    const waiting = i % 4 === 0;
    const to = waiting ? TEAM.org : ORG[random.pick((Object.keys(ORG) as Sector[]).filter((s) => s !== from))].org;
    const sent = addDays(asOf, waiting ? -random.int(0, 6) : -random.int(7, 360));
    const declined = !waiting && random.chance(0.3);
    referrals.push({
      id: uuid(random),
      fromOrg: ORG[from].org,
      sentBy: ORG[from].staff,
      toOrg: to,
      subjectIds: [atenaNo],
      reason: random.pick(REASONS[from]),
      state: waiting ? 'SENT' : declined ? 'DECLINED' : 'ACCEPTED',
      sentAt: at(sent, 11),
      decidedAt: waiting ? null : at(addDays(sent, 2), 10),
      decidedBy: waiting ? null : Object.values(ORG).find((o) => o.org === to)!.staff,
      declineReason: declined ? '当機関の対象外のため' : null,
      caseId: null,
    });
  }
  // A 重層的支援会議 names the persons whose cases it discussed; today's sitting those whose plans wait for it.
  const discussed = new Map<string, Set<string>>();
  for (const k of cases) {
    for (const d of k['decisions'] as Json[])
      if (d['meetingKind'] === 'JUSOU_SHIEN_KAIGI')
        discussed.set(d['meetingId'] as string, new Set([...(discussed.get(d['meetingId'] as string) ?? []), (k['subjectIds'] as string[])[0]!]));
  }
  const waiting = cases.filter((k) => k['stage'] === 'PLANNING' && k['consentId'] !== null).map((k) => (k['subjectIds'] as string[])[0]!);
  for (const m of meetings) {
    if (m['kind'] !== 'JUSOU_SHIEN_KAIGI') continue;
    const named = [...(discussed.get(m['id'] as string) ?? [])];
    m['subjectPersonIds'] = (named.length > 0 ? named : waiting.length > 0 ? waiting : [(cases[0]!['subjectIds'] as string[])[0]!]).sort();
  }
  return { asOf, teams: [TEAM.org], hosts, meetings, consents, referrals, cases };
}
