import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { City, Person } from './city.js';
import type { PlantedCase } from './planted.js';
import { Random } from './random.js';
import type { SourceTruth } from './shogai-writer.js';

/** The こども家庭センター system's data, as its API serves it (the simulator reads this file). */
export interface KodomoData {
  children: {
    childId: string;
    atenaNo: string | null;
    name: string;
    nameKana: string;
    birthDate: string;
    sex: 'M' | 'F';
    guardians: { atenaNo: string | null; name: string; relation: string }[];
    updatedAt: string;
  }[];
  cases: {
    caseId: string;
    subject:
      | { type: 'child'; childId: string; atenaNo: string | null }
      | { type: 'expectant_mother' | 'household'; atenaNo: string | null; name: string; nameKana: string; birthDate: string };
    category: string;
    status: 'open' | 'closed';
    openedOn: string;
    closedOn: string | null;
    youngCarerConcern: boolean;
    youtaikyoRegistered: boolean;
    summary: string;
    updatedAt: string;
  }[];
}

function ageOn(p: Person, asOf: string): number {
  let age = Number(asOf.slice(0, 4)) - Number(p.birthDate.slice(0, 4));
  if (asOf.slice(5) < p.birthDate.slice(5)) age--;
  return age;
}

function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * The こども家庭センター's children and cases: 1–2% of children with a case, more where a child lives with
 * a parent whose care falls on them (young carers), now and then a case category the spec does not list (a
 * vendor upgrade), and children not yet linked to a 宛名番号. 要保護児童 and 要支援児童 cases are registered with the
 * 要対協; each child lists the parents of its 世帯 as guardians. A planted child has exactly the planted cases (`cases`).
 */
export function writeKodomoData(
  city: City,
  dir: string,
  options: {
    asOf: string;
    seed: number;
    carers?: ReadonlySet<string>;
    must?: ReadonlySet<string>;
    quiet?: ReadonlySet<string>;
    cases?: ReadonlyMap<string, readonly PlantedCase[]>;
  },
): SourceTruth[] {
  mkdirSync(dir, { recursive: true });
  const random = new Random((options.seed ^ 0x6b0d0) >>> 0);
  const data: KodomoData = { children: [], cases: [] };
  const truth: SourceTruth[] = [];
  const bySetai = new Map<string, Person[]>();
  for (const p of city.persons) if (p.status === 1) bySetai.set(p.setaiNo, [...(bySetai.get(p.setaiNo) ?? []), p]);
  let childNo = 10_000;
  let caseNo = 0;
  const stamp = `${options.asOf}T09:30:00+09:00`;
  for (const p of city.persons) {
    if (p.status !== 1 || ageOn(p, options.asOf) >= 18) continue;
    const must = options.must?.has(p.atenaNo) ?? false;
    const planted = options.cases?.get(p.atenaNo);
    if (planted) {
      if (planted.length > 0) plant(p, planted);
      continue;
    }
    // A planted person holds only what the plant says.
    if (options.quiet?.has(p.atenaNo) && !must) continue;
    const carer = must || (options.carers?.has(p.atenaNo) ?? false);
    if (!random.chance(carer ? 0.15 : 0.015) && !must) continue;
    const childId = `C${String(++childNo).padStart(8, '0')}`;
    const household = bySetai.get(p.setaiNo) ?? [];
    const guardians = household.filter((m) => m.relationship === '01' || m.relationship === '02' || m.relationship === '03').slice(0, 2);
    const atenaNo = !must && random.chance(0.05) ? null : p.atenaNo;
    data.children.push({
      childId,
      atenaNo,
      name: `${p.familyName} ${p.givenName}`,
      nameKana: `${p.familyKana} ${p.givenKana}`,
      birthDate: p.birthDate,
      sex: p.sex === 'MALE' ? 'M' : 'F',
      guardians: guardians.map((g) => ({ atenaNo: g.atenaNo, name: `${g.familyName} ${g.givenName}`, relation: g.sex === 'MALE' ? '父' : '母' })),
      updatedAt: stamp,
    });
    truth.push({ source: 'kodomo-child', key: childId, atenaNo: p.atenaNo });
    const open = must || random.chance(0.7);
    const opened = daysBefore(options.asOf, random.int(10, 700));
    const category = carer
      ? 'ヤングケアラー支援'
      : random.chance(0.01)
        ? '家庭訪問支援(新)'
        : random.pick(['要保護児童', '要支援児童', '利用者支援', '子育て世帯訪問支援']);
    const caseId = `K${options.asOf.slice(0, 4)}-${String(++caseNo).padStart(6, '0')}`;
    data.cases.push({
      caseId,
      subject: { type: 'child', childId, atenaNo },
      category,
      status: open ? 'open' : 'closed',
      openedOn: opened,
      closedOn: open ? null : daysBefore(options.asOf, random.int(0, 9)),
      youngCarerConcern: must || (carer && random.chance(0.8)),
      youtaikyoRegistered: category === '要保護児童' || category === '要支援児童',
      summary: carer ? '親の通院付き添いで欠席が続く。学校と連携。' : '定期訪問。',
      updatedAt: stamp,
    });
    truth.push({ source: 'kodomo-case', key: caseId, atenaNo: p.atenaNo });
  }
  /** A child with exactly these cases, all linked by 宛名番号: no draw, so the rest of the city stays as it was. */
  function plant(p: Person, cases: readonly PlantedCase[]): void {
    const childId = `C${String(++childNo).padStart(8, '0')}`;
    const guardians = (bySetai.get(p.setaiNo) ?? [])
      .filter((m) => m.relationship === '01' || m.relationship === '02' || m.relationship === '03')
      .slice(0, 2);
    data.children.push({
      childId,
      atenaNo: p.atenaNo,
      name: `${p.familyName} ${p.givenName}`,
      nameKana: `${p.familyKana} ${p.givenKana}`,
      birthDate: p.birthDate,
      sex: p.sex === 'MALE' ? 'M' : 'F',
      guardians: guardians.map((g) => ({ atenaNo: g.atenaNo, name: `${g.familyName} ${g.givenName}`, relation: g.sex === 'MALE' ? '父' : '母' })),
      updatedAt: stamp,
    });
    truth.push({ source: 'kodomo-child', key: childId, atenaNo: p.atenaNo });
    for (const c of cases) {
      const caseId = `K${options.asOf.slice(0, 4)}-${String(++caseNo).padStart(6, '0')}`;
      data.cases.push({
        caseId,
        subject: { type: 'child', childId, atenaNo: p.atenaNo },
        category: c.category,
        status: 'open',
        openedOn: daysBefore(options.asOf, c.openedDaysAgo),
        closedOn: null,
        youngCarerConcern: c.youngCarerConcern,
        youtaikyoRegistered: c.youtaikyoRegistered,
        summary: c.youtaikyoRegistered ? '要対協 個別ケース検討会議で進行管理。' : '定期訪問。',
        updatedAt: stamp,
      });
      truth.push({ source: 'kodomo-case', key: caseId, atenaNo: p.atenaNo });
    }
  }

  writeFileSync(join(dir, 'kodomo.json'), JSON.stringify(data));
  return truth;
}
