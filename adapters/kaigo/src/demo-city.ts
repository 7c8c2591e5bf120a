import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageOn } from '@welfare-hub/codec';
import { addDays, Random, type City, type SectorDemoWriter, type SourceTruth } from '@welfare-hub/citygen';
import type { KaigoData } from '@welfare-hub/kaigo-sim';

const LEVELS = [
  ['12', 14],
  ['13', 14],
  ['21', 20],
  ['22', 17],
  ['23', 13],
  ['24', 12],
  ['25', 10],
] as const;

const ymd = (iso: string): string => iso.replaceAll('-', '');
/**
 * The 介護保険 vendor database for the city: every resident 40+ insured (第1号 from 65), about 19% of those 65+
 * certified 要支援/要介護 with a history of periods, consultations at the 地域包括支援センター; with the data
 * quality of an old system: 宛名番号 missing for some, impossible dates in a few rows.
 */
export function writeKaigoData(
  city: City,
  dir: string,
  options: {
    asOf: string;
    seed: number;
    must?: ReadonlySet<string>;
    quiet?: ReadonlySet<string>;
    consultations?: ReadonlyMap<string, { kbn: string; text: string }>;
  },
): SourceTruth[] {
  mkdirSync(dir, { recursive: true });
  const random = new Random((options.seed ^ 0x6a160) >>> 0);
  const data: KaigoData = { T_HIHOKENSHA: [], T_NINTEI: [], T_KYUFU_JISSEKI: [], T_HOKATSU_SODAN: [] };
  const truth: SourceTruth[] = [];
  let insured = 1_000_000;
  let sodan = 500_000;
  const upd = `${options.asOf} 09:00:00`;
  for (const p of city.persons) {
    if (p.status !== 1) continue;
    const age = ageOn(p.birthDate, options.asOf);
    if (age < 40) continue;
    const must = options.must?.has(p.atenaNo) ?? false;
    // A planted person holds only what the plant says.
    if (options.quiet?.has(p.atenaNo) && !must) continue;
    const no = String(++insured).padStart(10, '0');
    const badDate = !must && random.chance(0.002);
    data.T_HIHOKENSHA.push({
      HIHOKENSHA_NO: no,
      ATENA_NO: !must && random.chance(0.03) ? null : p.atenaNo,
      SHIMEI: `${p.familyName}\u3000${p.givenName}`,
      SHIMEI_KANA: `${p.familyKana}\u3000${p.givenKana}`,
      SEINENGAPPI: ymd(p.birthDate),
      SEIBETSU: p.sex === 'MALE' ? '1' : '2',
      SHIKAKU_KBN: age >= 65 ? '1' : '2',
      SHUTOKU_YMD: badDate ? '19990231' : ymd(addDays(p.birthDate, age >= 65 ? 65 * 365 + 16 : 40 * 365 + 10)),
      SOSHITSU_YMD: null,
      UPD_DT: upd,
    });
    truth.push({ source: 'kaigo-hihokensha', key: no, atenaNo: p.atenaNo });
    const certified = must || (age >= 65 ? random.chance(age >= 85 ? 0.55 : age >= 75 ? 0.2 : 0.04) : random.chance(0.004));
    if (certified) {
      const periods = random.int(1, 3);
      let start = addDays(options.asOf, -random.int(30, 300) - (periods - 1) * 365);
      for (let r = 1; r <= periods; r++) {
        const end = addDays(start, 364);
        data.T_NINTEI.push({
          HIHOKENSHA_NO: no,
          RIREKI_NO: r,
          YOKAIGODO_CD: must ? '22' : random.weighted(LEVELS),
          SHINSEI_YMD: ymd(addDays(start, -30)),
          NINTEI_YMD: ymd(addDays(start, -1)),
          YUKO_KAISHI_YMD: ymd(start),
          YUKO_SHURYO_YMD: ymd(end),
          UPD_DT: upd,
        });
        start = addDays(end, 1);
      }
      if (!must && random.chance(0.05)) {
        data.T_NINTEI.push({
          HIHOKENSHA_NO: no,
          RIREKI_NO: periods + 1,
          YOKAIGODO_CD: '99',
          SHINSEI_YMD: ymd(addDays(options.asOf, -10)),
          NINTEI_YMD: null,
          YUKO_KAISHI_YMD: null,
          YUKO_SHURYO_YMD: null,
          UPD_DT: upd,
        });
      }
      data.T_KYUFU_JISSEKI.push({
        HIHOKENSHA_NO: no,
        SERVICE_YM: options.asOf.slice(0, 7).replace('-', ''),
        SERVICE_SHURUI_CD: random.pick(['11', '13', '15', '17', '43']),
        TANI_SU: random.int(1000, 30000),
        UPD_DT: upd,
      });
    }
    const planted = options.consultations?.get(p.atenaNo);
    if (planted) {
      // A consultation the plant asks for, open, with both numbers known: the 地域包括's record of the family's worry.
      const id = ++sodan;
      data.T_HOKATSU_SODAN.push({
        SODAN_ID: id,
        HIHOKENSHA_NO: no,
        ATENA_NO: p.atenaNo,
        SODANSHA_KANA: null,
        CENTER_CD: '0001',
        SODAN_YMD: ymd(addDays(options.asOf, -60)),
        SODAN_KBN: planted.kbn,
        NAIYO: planted.text,
        STATUS: '1',
        UPD_DT: upd,
      });
      truth.push({ source: 'kaigo-sodan', key: String(id), atenaNo: p.atenaNo });
    } else if (!options.quiet?.has(p.atenaNo) && random.chance(age >= 75 ? 0.06 : 0.01)) {
      const id = ++sodan;
      const known = random.chance(0.8);
      data.T_HOKATSU_SODAN.push({
        SODAN_ID: id,
        HIHOKENSHA_NO: known ? no : null,
        ATENA_NO: known && random.chance(0.7) ? p.atenaNo : null,
        SODANSHA_KANA: known ? null : `${p.familyKana}\u3000${p.givenKana}`,
        CENTER_CD: random.pick(['0001', '0002', '0003']),
        SODAN_YMD: ymd(addDays(options.asOf, -random.int(0, 400))),
        SODAN_KBN: random.pick(['01', '02', '03', '04', '05', '06']),
        NAIYO: random.pick(['家族より相談。\n介護保険の申請について説明。', '認知症の疑い、見守り継続', null]),
        STATUS: random.pick(['1', '2']),
        UPD_DT: upd,
      });
      truth.push({ source: 'kaigo-sodan', key: String(id), atenaNo: p.atenaNo });
    }
  }
  writeFileSync(join(dir, 'kaigo.json'), JSON.stringify(data));
  return truth;
}

/** 介護's part of a demo city: the vendor database's rows (kaigo.json), with the planted parent's 包括 consultation. */
export const writeKaigoDemo: SectorDemoWriter = (city, dir, context) =>
  writeKaigoData(city, dir, {
    asOf: context.asOf,
    seed: context.seed,
    must: context.must,
    quiet: context.quiet,
    consultations: new Map(
      context.planted.flatMap((p) =>
        p.parentConsultation
          ? [
              [
                p.parentConsultation,
                { kbn: '05', text: '長男（51）が十数年ひきこもり、就労なし。父が自身の入院を前に今後を心配して来所。ケアマネより情報提供。' },
              ],
            ]
          : [],
      ),
    ),
  });
