import type ExcelJS from 'exceljs';
import { hiraganaToKatakana, parseWarekiText, isValidCalendarDate, isoDate, parseIsoDate } from '@welfare-hub/codec';
import { BOUNDS, textPastBound } from '@welfare-hub/ingest';

export const SHEET = '相談受付台帳';
export const COLUMNS = [
  '受付番号',
  '受付日',
  '氏名',
  'ふりがな',
  '生年月日',
  '性別',
  '住所',
  '相談経路',
  '主訴',
  '支援状況',
  'プラン作成日',
  '住居確保給付金',
  '就労準備支援',
  '家計改善支援',
  '担当者',
  '備考',
] as const;
type Column = (typeof COLUMNS)[number];

const ROUTES = ['本人', '家族・知人', '関係機関', '民生委員', 'その他'];
export const CONCERNS = ['収入・生活費', '家賃・住居', '就労', '債務', '家族関係', 'ひきこもり', '病気・健康', 'その他'];
const STATES = ['新規', 'アセスメント', 'プラン作成', '支援中', '終結', '中断'];

export interface KonkyuRow {
  sourceKey: string;
  openedOn: string;
  name: string | null;
  nameKana: string | null;
  birthDate: string | null;
  sex: 'MALE' | 'FEMALE' | null;
  address: string | null;
  route: string;
  concerns: string[];
  state: string;
  planDate: string | null;
  benefits: { housing: boolean | null; workReadiness: boolean | null; household: boolean | null };
  staff: string | null;
  note: string | null;
}

export interface LedgerRejection {
  row: number;
  reason: string;
  field?: string;
  raw: string;
}

export interface Ledger {
  rows: (KonkyuRow & { row: number })[];
  rejected: LedgerRejection[];
  problem?: string;
}

class Bad extends Error {
  constructor(
    readonly field: Column,
    reason: string,
  ) {
    super(reason);
  }
}

/** A cell as text, whatever Excel stored: rich text, a formula's result, a number typed in. */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // An invalid Date (a number too large for a date-formatted cell) has no ISO form: toISOString() would throw.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return text(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

const clean = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** A date as staff enter it: a date cell, or text such as 令和6年4月1日, R6.4.1 or 2024/4/1. */
function date(value: ExcelJS.CellValue, field: Column, required: boolean): string | null {
  if (value instanceof Date) {
    // Invalid, or a year outside 0001-9999 ('+012000-01' is no date): rejected like a bad date typed as text.
    const iso = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    if (parseIsoDate(iso) === null) throw new Bad(field, `${field}: not a date`);
    return iso;
  }
  const t = clean(text(value));
  if (t === '') {
    if (required) throw new Bad(field, `${field}: empty`);
    return null;
  }
  const western = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (western) {
    const [y, m, d] = [Number(western[1]), Number(western[2]), Number(western[3])];
    if (isValidCalendarDate(y, m, d)) return isoDate(y, m, d);
    throw new Bad(field, `${field}: not a date`);
  }
  const wareki = parseWarekiText(t);
  if (!wareki) throw new Bad(field, `${field}: not a date`);
  return wareki;
}

function flag(value: ExcelJS.CellValue, field: Column): boolean | null {
  const t = clean(text(value));
  if (t === '') return null;
  if (t === '有' || t === '無') return t === '有';
  throw new Bad(field, `${field}: expected 有, 無 or blank`);
}

function sexOf(value: string): 'MALE' | 'FEMALE' | null {
  if (value === '') return null;
  if (value === '男' || value === '女') return value === '男' ? 'MALE' : 'FEMALE';
  throw new Bad('性別', '性別: expected 男, 女 or blank');
}

function oneOf(value: string, allowed: readonly string[], field: Column): string {
  if (!allowed.includes(value)) throw new Bad(field, `${field}: value not in the ledger's list`);
  return value;
}

/** Every cell within its bound: 備考 the free-text one, the rest the short one (packages/ingest BOUNDS). */
function withinBounds(values: readonly string[]): void {
  COLUMNS.forEach((column, i) => {
    const past = textPastBound(column, values[i], column === '備考' ? BOUNDS.freeTextChars : BOUNDS.shortTextChars);
    if (past) throw new Bad(column, past);
  });
}

/**
 * Reads the 社協's ledger: title in row 1, headers in row 3 (found by name, so a column added to the right is
 * ignored), data from row 4 until the first fully blank row. A bad row is rejected alone with its reason. Given
 * bytes, they must have passed the workbook's bounds first (zipPastBounds): exceljs inflates every part whole.
 */
export async function readLedger(source: string | Buffer): Promise<Ledger> {
  // Loaded on the first read: every process knows the konkyu sector (the registry), only konkyu's reads its ledger.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  if (typeof source === 'string') await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet) return { rows: [], rejected: [], problem: `no sheet named ${SHEET}` };
  const header = new Map<string, number>();
  sheet.getRow(3).eachCell((cell, col) => header.set(clean(text(cell.value)), col));
  const missing = COLUMNS.filter((c) => !header.has(c));
  if (missing.length > 0) return { rows: [], rejected: [], problem: `header row lacks ${missing.join(', ')}` };
  const rows: Ledger['rows'] = [];
  const rejected: LedgerRejection[] = [];
  for (let r = 4; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cell = (c: Column): ExcelJS.CellValue => row.getCell(header.get(c)!).value;
    const values = COLUMNS.map((c) => clean(text(cell(c))));
    if (values.every((v) => v === '')) break;
    const raw = values.join('\t').slice(0, 4096);
    try {
      withinBounds(values);
      const key = values[0]!;
      if (key === '') throw new Bad('受付番号', '受付番号: empty');
      if (values.slice(1).every((v) => v === '')) throw new Bad('受付日', 'row holds only a 受付番号');
      const sex = values[5]!;
      const kana = values[3]!;
      rows.push({
        row: r,
        sourceKey: key,
        openedOn: date(cell('受付日'), '受付日', true)!,
        name: values[2] || null,
        nameKana: kana ? hiraganaToKatakana(kana) : null,
        birthDate: date(cell('生年月日'), '生年月日', false),
        sex: sexOf(sex),
        address: values[6] || null,
        route: oneOf(values[7]!, ROUTES, '相談経路'),
        concerns: values[8]!
          .split(/[、,]/)
          .map((c) => c.trim())
          .filter(Boolean)
          .map((c) => oneOf(c, CONCERNS, '主訴')),
        state: oneOf(values[9]!, STATES, '支援状況'),
        planDate: date(cell('プラン作成日'), 'プラン作成日', false),
        benefits: {
          housing: flag(cell('住居確保給付金'), '住居確保給付金'),
          workReadiness: flag(cell('就労準備支援'), '就労準備支援'),
          household: flag(cell('家計改善支援'), '家計改善支援'),
        },
        staff: values[14] || null,
        note: values[15] || null,
      });
    } catch (error) {
      if (!(error instanceof Bad)) throw error;
      rejected.push({ row: r, reason: `row ${r}: ${error.message}`, field: error.field, raw });
    }
  }
  return { rows, rejected };
}
