import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ingestMigrations } from '@welfare-hub/ingest';
import { linkageMigrations } from '@welfare-hub/linkage';
import { openTestStore, type Store } from '@welfare-hub/store';
import { COLUMNS, KonkyuIngest, konkyuMigrations, readLedger } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'konkyu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = ExcelJS.CellValue;
const good: Cell[] = [
  'R6-0001',
  new Date('2024-04-01T00:00:00Z'),
  '山田　太郎',
  'やまだ たろう',
  new Date('1947-08-15T00:00:00Z'),
  '男',
  '本町1-2-3',
  '本人',
  '収入・生活費、債務',
  '支援中',
  '',
  '有',
  '無',
  '',
  '相談員A',
  '',
];

async function workbook(name: string, rows: Cell[][], options: { extraColumn?: boolean; sheet?: string } = {}): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheet ?? '相談受付台帳');
  sheet.mergeCells('A1:P1');
  sheet.getCell('A1').value = '令和6年度 相談受付台帳';
  sheet.getRow(3).values = options.extraColumn ? [...COLUMNS, '確認'] : [...COLUMNS];
  rows.forEach((r, i) => (sheet.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

const withCell = (index: number, value: Cell): Cell[] => good.map((v, i) => (i === index ? value : v));

describe('the 相談受付台帳', () => {
  it('reads a row with date cells, a hiragana reading and several 主訴', async () => {
    const ledger = await readLedger(await workbook('a.xlsx', [good]));
    expect(ledger.rejected).toEqual([]);
    expect(ledger.rows[0]).toMatchObject({
      row: 4,
      sourceKey: 'R6-0001',
      openedOn: '2024-04-01',
      nameKana: 'ヤマダ タロウ',
      birthDate: '1947-08-15',
      sex: 'MALE',
      concerns: ['収入・生活費', '債務'],
      state: '支援中',
      benefits: { housing: true, workReadiness: false, household: null },
    });
  });

  it('reads dates typed as text in every form, full-width digits, a katakana reading and a comma between 主訴', async () => {
    const rows = [
      withCell(1, '令和6年4月1日'),
      withCell(1, 'R6.4.1'),
      withCell(1, '2024/4/1'),
      withCell(4, 'S22.8.15'),
      withCell(0, 'Ｒ６－０００２'),
      withCell(3, ' ヤマダ タロウ '),
      withCell(8, '就労,ひきこもり'),
    ];
    const ledger = await readLedger(await workbook('b.xlsx', rows));
    expect(ledger.rejected).toEqual([]);
    expect(ledger.rows.slice(0, 3).map((r) => r.openedOn)).toEqual(['2024-04-01', '2024-04-01', '2024-04-01']);
    expect(ledger.rows[3]!.birthDate).toBe('1947-08-15');
    expect(ledger.rows[4]!.sourceKey).toBe('R6-0002');
    expect(ledger.rows[5]!.nameKana).toBe('ヤマダ タロウ');
    expect(ledger.rows[6]!.concerns).toEqual(['就労', 'ひきこもり']);
  });

  it('stops at the first fully blank row and ignores a column added on the right', async () => {
    const path = await workbook('c.xlsx', [[...good, '済'], [], withCell(0, 'R6-0099')], { extraColumn: true });
    const ledger = await readLedger(path);
    expect(ledger.rows.map((r) => r.sourceKey)).toEqual(['R6-0001']);
  });

  it.each([
    ['a row with only its 受付番号', ['R6-0005'], '受付日'],
    ['平成31年5月1日', withCell(1, '平成31年5月1日'), '受付日'],
    ['2024/2/30', withCell(1, '2024/2/30'), '受付日'],
    ['an unknown 主訴', withCell(8, '収入・生活費、借金'), '主訴'],
    ['an unknown 支援状況', withCell(9, '保留'), '支援状況'],
    ['a 性別 other than 男/女', withCell(5, 'M'), '性別'],
    ['a flag other than 有/無', withCell(11, 'あり'), '住居確保給付金'],
  ])('rejects %s alone, naming the column', async (_, row, field) => {
    const ledger = await readLedger(await workbook(`d-${field}.xlsx`, [good, row as Cell[], withCell(0, 'R6-0100')]));
    expect(ledger.rows.map((r) => r.sourceKey)).toEqual(['R6-0001', 'R6-0100']);
    expect(ledger.rejected).toHaveLength(1);
    expect(ledger.rejected[0]).toMatchObject({ row: 5, field });
  });

  it('reports a workbook without the sheet', async () => {
    expect((await readLedger(await workbook('e.xlsx', [good], { sheet: 'Sheet1' }))).problem).toContain('相談受付台帳');
  });
});

describe('reading the weekly ledgers', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore({ migrations: [...ingestMigrations, ...linkageMigrations, ...konkyuMigrations] });
    // Linkage reads the registry; an empty one is enough here.
    await store.dataSource.query(`CREATE SCHEMA juki`);
    await store.dataSource.query(`CREATE TABLE juki.person (atena_no text, kana_key text, name text, birth_date date, sex text, address text)`);
    await store.dataSource.query(`CREATE VIEW juki.registered_person AS SELECT * FROM juki.person`);
  }, 60_000);
  afterAll(() => store.close());

  it('keeps a row that left the ledger, marked as no longer in the source, and reports a broken workbook', async () => {
    const drop = mkdtempSync(join(dir, 'drop-'));
    const ingest = new KonkyuIngest({ dir: drop, db: store.dataSource });
    await workbook(join(drop, 'KONKYU_DAICHO_20241101.xlsx').slice(dir.length + 1), [good, withCell(0, 'R6-0002')]);
    await ingest.scan();
    await workbook(join(drop, 'KONKYU_DAICHO_20241108.xlsx').slice(dir.length + 1), [good]);
    await ingest.scan();
    const rows: { source_key: string; in_source: boolean }[] = await store.dataSource.query(
      `SELECT source_key, in_source FROM konkyu.consultation ORDER BY source_key`,
    );
    expect(rows).toEqual([
      { source_key: 'R6-0001', in_source: true },
      { source_key: 'R6-0002', in_source: false },
    ]);
    writeFileSync(join(drop, 'KONKYU_DAICHO_20241115.xlsx'), Buffer.from('PK\u0003\u0004 cut short'));
    await ingest.scan();
    expect((await ingest.health()).state).toBe('degraded');
    expect((await store.dataSource.query(`SELECT count(*)::int AS n FROM konkyu.consultation`))[0].n).toBe(2);
    expect((await ingest.health()).awaitingLink).toBe(2);
    await ingest.close();
  });

  it('resolves a rejected row once a later ledger carries it corrected, and keeps one still wrong', async () => {
    await store.dataSource.query('TRUNCATE konkyu.consultation, ingest.rejected_record, ingest.source_read, linkage.link');
    const drop = mkdtempSync(join(dir, 'fix-'));
    const ingest = new KonkyuIngest({ dir: drop, db: store.dataSource });
    const bad1 = withCell(0, 'R6-0201').map((v, i) => (i === 1 ? '令和6年2月30日' : v));
    const bad2 = withCell(0, 'R6-0202').map((v, i) => (i === 9 ? '保留' : v));
    await workbook(join(drop, 'KONKYU_DAICHO_20241101.xlsx').slice(dir.length + 1), [good, bad1, bad2]);
    await ingest.scan();
    expect((await ingest.health()).recordsRejected).toBe(2);
    await workbook(join(drop, 'KONKYU_DAICHO_20241108.xlsx').slice(dir.length + 1), [good, withCell(0, 'R6-0201'), bad2]);
    await ingest.scan();
    const pending = await ingest.ledger.unresolvedRejections(10);
    expect(pending.map((r) => [r.origin, r.field])).toEqual([['KONKYU_DAICHO_20241108.xlsx', '支援状況']]);
    await ingest.close();
  });
});
