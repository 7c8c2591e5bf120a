import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageOn } from '@welfare-hub/codec';
import {
  addDays,
  plantedCases,
  Random,
  type City,
  type PlantedCase,
  type Person,
  type SectorDemoWriter,
  type SourceTruth,
} from '@welfare-hub/citygen';
import type { KodomoData } from '@welfare-hub/kodomo-sim';

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
    if (p.status !== 1 || ageOn(p.birthDate, options.asOf) >= 18) continue;
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
    const opened = addDays(options.asOf, -random.int(10, 700));
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
      closedOn: open ? null : addDays(options.asOf, -random.int(0, 9)),
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
        openedOn: addDays(options.asOf, -c.openedDaysAgo),
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

/**
 * こども's part of a demo city: the センター system's data (kodomo.json), with the planted 要対協 cases, and young-carer
 * concerns on the children whose parent holds a 障害者手帳 (what the 障害 sector, written before, holds).
 */
export const writeKodomoDemo: SectorDemoWriter = (city, dir, context) =>
  writeKodomoData(city, dir, {
    asOf: context.asOf,
    seed: context.seed,
    carers: youngCarers(city, context.written.get('SHOGAI') ?? []),
    must: context.must,
    quiet: context.quiet,
    cases: plantedCases(context.youtaikyo),
  });

/** Children under 18 living with a parent the 障害 sector knows: who the young-carer cases are planted on. */
function youngCarers(city: City, shogai: readonly SourceTruth[]): Set<string> {
  const withDisability = new Set(shogai.filter((s) => s.source === 'shogai-techo').map((s) => s.atenaNo));
  const setaiOfDisabled = new Set(
    city.persons.filter((p) => p.status === 1 && withDisability.has(p.atenaNo) && p.relationship !== '04').map((p) => p.setaiNo),
  );
  const year = Number(city.asOf.slice(0, 4));
  return new Set(
    city.persons
      .filter((p) => p.status === 1 && p.relationship === '04' && setaiOfDisabled.has(p.setaiNo) && year - Number(p.birthDate.slice(0, 4)) < 18)
      .map((p) => p.atenaNo),
  );
}
