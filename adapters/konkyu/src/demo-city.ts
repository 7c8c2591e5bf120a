import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ageOn, toWarekiText } from '@welfare-hub/codec';
import { addDays, Random, type City, type Person, type SectorDemoWriter, type SourceTruth } from '@welfare-hub/citygen';
// The sheet and columns the reader looks for (ledger.ts): the demo's ledger is laid out by the same list.
import { COLUMNS, SHEET } from './ledger.js';

const CONCERNS = ['収入・生活費', '家賃・住居', '就労', '債務', '家族関係', 'ひきこもり', '病気・健康', 'その他'];
const ROUTES = ['本人', '家族・知人', '関係機関', '民生委員', 'その他'];
const STATES = ['新規', 'アセスメント', 'プラン作成', '支援中', '終結', '中断'];

const katakanaToHiragana = (s: string): string => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const fullwidthDigits = (s: string): string => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/**
 * The 社協's weekly Excel ledger: a few residents in a thousand consulting in a year, more in households where
 * a middle-aged child lives with a very old parent (8050). Typed by hand: dates as cells or as text in
 * several forms, full-width digits, a katakana reading, a row with only its number, a column added on the right.
 */
export async function writeKonkyuLedger(
  city: City,
  dir: string,
  options: { asOf: string; seed: number; must?: ReadonlySet<string>; quiet?: ReadonlySet<string> },
): Promise<SourceTruth[]> {
  mkdirSync(dir, { recursive: true });
  const random = new Random((options.seed ^ 0x4b0c1) >>> 0);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  const fiscalYear = Number(options.asOf.slice(0, 4)) - (options.asOf.slice(5) < '04-01' ? 1 : 0);
  const reiwa = fiscalYear - 2018;
  sheet.mergeCells('A1:P1');
  sheet.getCell('A1').value = `令和${reiwa}年度 相談受付台帳`;
  sheet.getCell('A2').value = random.chance(0.5) ? '※個人情報につき取扱注意' : null;
  sheet.getRow(3).values = [...COLUMNS, '確認'];
  const truth: SourceTruth[] = [];
  const bySetai = new Map<string, Person[]>();
  for (const p of city.persons) if (p.status === 1) bySetai.set(p.setaiNo, [...(bySetai.get(p.setaiNo) ?? []), p]);
  let row = 4;
  let number = 0;
  for (const p of city.persons) {
    if (p.status !== 1) continue;
    const age = ageOn(p.birthDate, options.asOf);
    if (age < 18) continue;
    const household = bySetai.get(p.setaiNo) ?? [];
    const eightyFifty = age >= 40 && age <= 64 && p.relationship === '04' && household.some((m) => ageOn(m.birthDate, options.asOf) >= 75);
    const must = options.must?.has(p.atenaNo) ?? false;
    // A planted person holds only what the plant says.
    if (options.quiet?.has(p.atenaNo) && !must) continue;
    if (!random.chance(eightyFifty ? 0.15 : 0.004) && !must) continue;
    const key = `R${reiwa}-${String(++number).padStart(4, '0')}`;
    const opened = addDays(options.asOf, -random.int(0, 360));
    const concerns =
      eightyFifty || (must && age >= 40 && age < 65)
        ? ['ひきこもり', random.pick(CONCERNS)]
        : [random.pick(CONCERNS), ...(random.chance(0.4) ? [random.pick(CONCERNS)] : [])];
    const unique = [...new Set(concerns)];
    const state = must ? '支援中' : random.pick(STATES);
    const kana = `${p.familyKana}\u3000${p.givenKana}`;
    const reading = random.chance(0.05) ? kana : katakanaToHiragana(kana);
    const dateCell = (iso: string): ExcelJS.CellValue =>
      random.chance(0.8)
        ? new Date(`${iso}T00:00:00Z`)
        : random.pick([toWarekiText(iso, 'kanji'), toWarekiText(iso, 'letter'), iso.replaceAll('-', '/').replace(/\/0/g, '/')]);
    const address = random.chance(0.3) ? p.address.replace(/^○○市/, '') : p.address;
    sheet.getRow(row).values = [
      random.chance(0.05) ? fullwidthDigits(key) : key,
      dateCell(opened),
      random.chance(0.2) ? `${p.familyName}${p.givenName}` : `${p.familyName}\u3000${p.givenName}`,
      random.chance(0.1) ? ` ${reading} ` : reading,
      dateCell(p.birthDate),
      random.chance(0.1) ? '' : p.sex === 'MALE' ? '男' : '女',
      address,
      eightyFifty ? '家族・知人' : random.pick(ROUTES),
      unique.join(random.chance(0.7) ? '、' : ','),
      state,
      state === '新規' || state === 'アセスメント' ? '' : dateCell(addDays(options.asOf, -random.int(0, 30))),
      random.pick(['有', '無', '']),
      random.pick(['有', '無', '']),
      random.pick(['有', '無', '']),
      random.pick(['相談員A', '相談員B', '主任相談支援員']),
      eightyFifty ? '母の介護保険申請と合わせて訪問予定' : '',
      random.chance(0.1) ? '済' : '',
    ];
    truth.push({ source: 'konkyu', key, atenaNo: p.atenaNo });
    row++;
    if (random.chance(0.01)) {
      // A number taken for a call that never became a record.
      sheet.getRow(row).values = [`R${reiwa}-${String(++number).padStart(4, '0')}`];
      row++;
    }
  }
  await workbook.xlsx.writeFile(join(dir, `KONKYU_DAICHO_${options.asOf.replaceAll('-', '')}.xlsx`));
  return truth;
}

/** 困窮's part of a demo city: the 相談受付台帳 workbook. */
export const writeKonkyuDemo: SectorDemoWriter = (city, dir, context) =>
  writeKonkyuLedger(city, dir, { asOf: context.asOf, seed: context.seed, must: context.must, quiet: context.quiet });
