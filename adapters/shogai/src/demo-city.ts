import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageOn, toHalfwidthKatakana, toWarekiText } from '@welfare-hub/codec';
import { csvLine, Random, type City, type Person, type SectorDemoWriter, type SourceTruth } from '@welfare-hub/citygen';
// The headers the reader checks (parse/records.ts): the demo's exports are laid out as the spec says, by the same list.
import { JUKYUSHA_HEADER, SODAN_CATEGORIES, SODAN_HEADER, TECHO_HEADER } from './parse/records.js';

function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  return `${y}${iso.slice(4)}`.replace(`${y}-02-29`, `${y}-02-28`);
}

/**
 * The reading as a careless system stores it now and then: small kana written large (ｷﾖｳｺ for ｷｮｳｺ),
 * or a typing slip (one sound dropped).
 */
function kanaAsStored(p: Person, random: Random): string {
  const kana = toHalfwidthKatakana(`${p.familyKana} ${p.givenKana}`);
  if (random.chance(0.015) && p.givenKana.length > 2) return toHalfwidthKatakana(`${p.familyKana} ${p.givenKana.slice(0, -1)}`);
  return random.chance(0.03) ? kana.replace(/[ｧｨｩｪｫｯｬｭｮ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 10)) : kana;
}

/** A birth date as typed from a form: now and then a day off. */
function birthAsStored(p: Person, random: Random): string {
  if (!random.chance(0.005)) return p.birthDate;
  const d = new Date(`${p.birthDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (random.chance(0.5) ? 1 : -1));
  return d.toISOString().slice(0, 10);
}

const stamp = (iso: string): string => `${iso.replaceAll('-', '/')} 09:00:00`;

/**
 * The 障害者福祉システム's nightly CSV exports for the city as of `asOf`: about 6% of residents with a 手帳,
 * 受給者証 for many under 65, consultations for some; with the noise of a real system (blank or wrong
 * 宛名番号, readings with large kana). Returns who each record really is.
 */
export function writeShogaiFiles(
  city: City,
  dir: string,
  options: { asOf: string; seed: number; must?: ReadonlySet<string>; quiet?: ReadonlySet<string> },
): SourceTruth[] {
  mkdirSync(dir, { recursive: true });
  // A stream of its own, so the registry's files stay the same whatever the sectors draw.
  const random = new Random((options.seed ^ 0x5d0a1) >>> 0);
  const truth: SourceTruth[] = [];
  const residents = city.persons.filter((p) => p.status === 1);
  const techo: Buffer[] = [csvLine(TECHO_HEADER)];
  const jukyusha: Buffer[] = [csvLine(JUKYUSHA_HEADER)];
  const sodan: Buffer[] = [csvLine(SODAN_HEADER)];
  let jukyushaNo = 3_000_000_000;
  let sodanId = 40_000;
  const atenaAsStored = (p: Person, blankRate: number): string => {
    if (random.chance(blankRate)) return '';
    // A wrong number: someone else's, as a typing slip leaves it.
    return random.chance(0.01) ? random.pick(residents).atenaNo : p.atenaNo;
  };
  for (const p of residents) {
    const age = ageOn(p.birthDate, options.asOf);
    const rate = age >= 65 ? 0.12 : age >= 18 ? 0.035 : 0.02;
    // A planted person is held, with a 精神 手帳 and clean identity, whatever the draw.
    const must = options.must?.has(p.atenaNo) ?? false;
    // A planted person holds only what the plant says.
    if (options.quiet?.has(p.atenaNo) && !must) continue;
    if (!random.chance(rate) && !must) continue;
    const type = must
      ? '3'
      : age >= 65
        ? random.weighted([
            ['1', 85],
            ['3', 10],
            ['2', 5],
          ] as const)
        : age < 18
          ? random.weighted([
              ['2', 70],
              ['1', 20],
              ['3', 10],
            ] as const)
          : random.weighted([
              ['3', 45],
              ['1', 35],
              ['2', 20],
            ] as const);
    const grade = type === '1' ? `${random.int(1, 6)}級` : type === '2' ? random.pick(['A', 'B', 'A', 'B', 'A1', 'B2']) : `${random.int(1, 3)}級`;
    const kind = type === '1' ? random.pick(['肢体不自由', '視覚', '聴覚・平衡', '内部', '肢体不自由・内部']) : type === '2' ? '知的' : '精神';
    const issued = shiftYears(options.asOf, -random.int(0, 20));
    const birthIssued = issued < p.birthDate ? p.birthDate : issued;
    const validUntil = type === '3' ? shiftYears(options.asOf, random.int(0, 1) + 1) : '';
    const style = random.pick(['letter', 'letter-padded'] as const);
    techo.push(
      csvLine([
        must ? p.atenaNo : atenaAsStored(p, 0.08),
        `${p.familyName}\u3000${p.givenName}`,
        must ? toHalfwidthKatakana(`${p.familyKana} ${p.givenKana}`) : kanaAsStored(p, random),
        toWarekiText(must ? p.birthDate : birthAsStored(p, random), style),
        type,
        grade,
        kind,
        toWarekiText(birthIssued, style),
        validUntil ? toWarekiText(validUntil, style) : '',
        stamp(options.asOf),
      ]),
    );
    truth.push({
      source: 'shogai-techo',
      key: `${type}:${p.birthDate}:${toHalfwidthKatakana(`${p.familyKana} ${p.givenKana}`)}`,
      atenaNo: p.atenaNo,
    });
    if (age < 65 && random.chance(0.6)) {
      const no = String((jukyushaNo += random.int(1, 9)));
      const services =
        age < 18
          ? ['放課後等デイサービス']
          : random.pick([['居宅介護', '生活介護'], ['就労継続支援B型'], ['居宅介護', '生活介護', '短期入所'], ['共同生活援助']]);
      jukyusha.push(
        csvLine([
          no,
          atenaAsStored(p, 0.05),
          kanaAsStored(p, random),
          toWarekiText(p.birthDate, 'letter'),
          age < 18 ? '' : random.pick(['非該当', '区分1', '区分2', '区分3', '区分4', '区分5', '区分6']),
          services.join(';'),
          toWarekiText(shiftYears(options.asOf, -1), 'letter'),
          toWarekiText(shiftYears(options.asOf, 1), 'letter'),
          random.chance(0.2) ? '' : random.pick(['相談支援センターあおば', '相談室ひだまり, 本町分室']),
          stamp(options.asOf),
        ]),
      );
      truth.push({ source: 'shogai-jukyusha', key: no, atenaNo: p.atenaNo });
    }
    if (random.chance(0.3) || must) {
      const id = String((sodanId += random.int(1, 5)));
      const kindOfTalk = age >= 40 && age < 65 && type === '3' && (must || random.chance(0.4)) ? 'ひきこもり' : random.pick(SODAN_CATEGORIES);
      sodan.push(
        csvLine([
          id,
          must ? p.atenaNo : atenaAsStored(p, 0.3),
          must ? toHalfwidthKatakana(`${p.familyKana} ${p.givenKana}`) : random.chance(0.05) ? '' : kanaAsStored(p, random),
          toWarekiText(p.birthDate, 'letter'),
          toWarekiText(`${options.asOf.slice(0, 8)}01`, 'letter'),
          kindOfTalk,
          random.pick(['家族より相談。本人は外出が少ない。', '通院先と連携し、"見守り"を継続。\r\n次回は訪問予定', '就労について、事業所A,Bを紹介']),
          random.pick(['基幹相談支援センター', '相談支援事業所みどり']),
          must ? '対応中' : random.pick(['対応中', '終結']),
        ]),
      );
      truth.push({ source: 'shogai-sodan', key: id, atenaNo: p.atenaNo });
    }
  }
  const date = options.asOf.replaceAll('-', '');
  writeFileSync(join(dir, `SHOGAI_TECHO_${date}.csv`), Buffer.concat(techo));
  writeFileSync(join(dir, `SHOGAI_JUKYUSHA_${date}.csv`), Buffer.concat(jukyusha));
  writeFileSync(join(dir, `SHOGAI_SODAN_${date}.csv`), Buffer.concat(sodan));
  return truth;
}

/** 障害's part of a demo city: the nightly CSV exports. */
export const writeShogaiDemo: SectorDemoWriter = (city, dir, context) =>
  writeShogaiFiles(city, dir, { asOf: context.asOf, seed: context.seed, must: context.must, quiet: context.quiet });
