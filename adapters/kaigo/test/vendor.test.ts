import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { generateCity } from '@welfare-hub/citygen';
import { ingestMigrations } from '@welfare-hub/ingest';
import { linkageMigrations } from '@welfare-hub/linkage';
import { loadKaigoVendorDb } from '@welfare-hub/kaigo-sim';
import { openStore, openTestStore, type Store } from '@welfare-hub/store';
import { writeKaigoData } from '../src/demo-city.js';
import { KaigoIngest, kaigoMigrations, kaigoProfiles, openVendorDb, checkNintei } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'kaigo-'));
const city = generateCity({ residents: 1500, seed: 5, asOf: '2026-11-22' });
writeKaigoData(city, dir, { asOf: '2026-11-22', seed: 5 });
const dataFile = join(dir, 'kaigo.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function hubStore(): Promise<Store> {
  const store = await openTestStore({ migrations: [...ingestMigrations, ...linkageMigrations, ...kaigoMigrations] });
  await store.dataSource.query(`CREATE SCHEMA juki`);
  await store.dataSource.query(`CREATE TABLE juki.person (atena_no text, kana_key text, name text, birth_date date, sex text, address text)`);
  await store.dataSource.query(`CREATE VIEW juki.registered_person AS SELECT * FROM juki.person`);
  return store;
}

/** The same checks against every kind of vendor database the hub meets. */
async function readsTheVendor(vendorUrl: string): Promise<void> {
  const store = await hubStore();
  const vendor = await openVendorDb(vendorUrl);
  const ingest = new KaigoIngest({ vendor, db: store.dataSource });
  await ingest.scan();
  expect((await ingest.health()).state).toBe('ok');
  const [{ n }] = await store.dataSource.query(`SELECT count(*)::int AS n FROM kaigo.hihokensha`);
  // Every resident aged 40 or over on the city's day is insured.
  const aged40 = city.persons.filter((p) => p.status === 1 && p.birthDate <= '1986-11-22').length;
  expect(n).toBe(aged40);
  const [{ linked }] = await store.dataSource.query(`SELECT count(*)::int AS linked FROM linkage.link WHERE source = 'kaigo-hihokensha'`);
  expect(linked).toBe(n);
  await ingest.close();
  await vendor.destroy();
  await store.close();
}

const serverUrl = process.env['TEST_DATABASE_URL'];
const mariadbUrl = process.env['TEST_MARIADB_URL'];

describe('the 介護 vendor database', () => {
  (serverUrl ? it : it.skip)(
    'is read from PostgreSQL through an account that may read only the listed columns',
    async () => {
      const name = `kaigo_vendor_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      const owner = await openStore({ databaseUrl: url.toString() });
      await loadKaigoVendorDb(owner.dataSource, dataFile);
      const role = `hub_ro_${randomBytes(4).toString('hex')}`;
      await owner.dataSource.query(`CREATE ROLE ${role} LOGIN`);
      await owner.dataSource.query(
        `GRANT SELECT (HIHOKENSHA_NO, ATENA_NO, SHIMEI, SHIMEI_KANA, SEINENGAPPI, SEIBETSU, SHIKAKU_KBN, SHUTOKU_YMD, SOSHITSU_YMD, UPD_DT) ON T_HIHOKENSHA TO ${role}`,
      );
      await owner.dataSource.query(`GRANT SELECT ON T_NINTEI, T_HOKATSU_SODAN, T_KYUFU_JISSEKI TO ${role}`);
      await owner.dataSource.destroy();
      const readOnly = new URL(url);
      readOnly.username = role;
      try {
        await readsTheVendor(readOnly.toString());
      } finally {
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.query(`DROP ROLE ${role}`);
        await admin.end();
      }
    },
    60_000,
  );

  (mariadbUrl ? it : it.skip)(
    'is read from MariaDB, whose table names are upper case',
    async () => {
      const name = `kaigo_vendor_${randomBytes(4).toString('hex')}`;
      const admin = await mysql.createConnection(mariadbUrl!);
      await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
      const url = new URL(mariadbUrl!);
      url.pathname = `/${name}`;
      const owner = await openVendorDb(url.toString());
      // The vendor's own account creates and fills its tables; the hub only reads.
      await loadKaigoVendorDb(owner, dataFile);
      const [tables] = await admin.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?`, [name]);
      expect((tables as { t: string }[]).map((r) => r.t).sort()).toEqual(['T_HIHOKENSHA', 'T_HOKATSU_SODAN', 'T_KYUFU_JISSEKI', 'T_NINTEI']);
      await owner.destroy();
      try {
        await readsTheVendor(url.toString());
      } finally {
        await admin.query(`DROP DATABASE ${name}`);
        await admin.end();
      }
    },
    60_000,
  );

  it('keeps a row whose date does not exist, without the date', () => {
    const checked = checkNintei({
      hihokensha_no: '0001000001',
      rireki_no: 1,
      yokaigodo_cd: '21',
      shinsei_ymd: '19990231',
      nintei_ymd: '00000000',
      yuko_kaishi_ymd: '20250101',
      yuko_shuryo_ymd: '        ',
      upd_dt: 'x',
    });
    expect(checked).toMatchObject({
      ok: true,
      value: { appliedOn: null, certifiedOn: null, validFrom: '2025-01-01', validUntil: null, level: 'CARE_1' },
    });
    expect(checked.ok && checked.faults).toEqual([{ table: 'T_NINTEI', key: '0001000001/1', column: 'SHINSEI_YMD' }]);
    expect(checkNintei({ hihokensha_no: '1', rireki_no: 1, yokaigodo_cd: '26' })).toMatchObject({ ok: false, field: 'YOKAIGODO_CD' });
  });

  it('names the current certification: the newest period covering today, else PENDING', async () => {
    const store = await hubStore();
    const db = store.dataSource;
    await db.query(
      `INSERT INTO kaigo.hihokensha VALUES ('A', NULL, 'x', 'x', NULL, 'MALE', '1', NULL, NULL), ('B', NULL, 'y', 'y', NULL, 'MALE', '1', NULL, NULL)`,
    );
    await db.query(`INSERT INTO kaigo.nintei VALUES ('A', 1, 'CARE_1', NULL, NULL, '2025-01-01', '2026-12-31'), ('A', 2, 'CARE_3', NULL, NULL, '2026-06-01', '2027-05-31'),
      ('A', 3, 'CARE_5', NULL, NULL, '2027-06-01', '2028-05-31'), ('B', 1, 'SUPPORT_1', NULL, NULL, '2024-01-01', '2024-12-31'), ('B', 2, 'PENDING', NULL, NULL, NULL, NULL)`);
    await db.query(
      `INSERT INTO linkage.link (source, source_key, atena_no, state) VALUES ('kaigo-hihokensha', 'A', '1', 'linked'), ('kaigo-hihokensha', 'B', '2', 'linked')`,
    );
    const profiles = await kaigoProfiles(db, ['1', '2', '3'], '2026-11-22');
    expect(profiles.get('1')).toMatchObject({ insuredNumber: 'A', careLevel: 'CARE_3', careLevelValidUntil: '2027-05-31' });
    expect(profiles.get('2')).toMatchObject({ insuredNumber: 'B', careLevel: 'PENDING', careLevelValidUntil: null });
    expect(profiles.get('3')).toEqual({ insuredNumber: null, careLevel: null, careLevelValidUntil: null, consultations: [] });
    await store.close();
  }, 60_000);

  it('reads incrementally by UPD_DT between full reads, and a full read catches a correction with an older UPD_DT', async () => {
    const store = await hubStore();
    const db = store.dataSource;
    await loadKaigoVendorDb(db, dataFile);
    const ingest = new KaigoIngest({ vendor: db, db, fullEvery: 3 });
    await ingest.scan();
    const [row] = await db.query(`SELECT HIHOKENSHA_NO AS no FROM T_NINTEI ORDER BY HIHOKENSHA_NO LIMIT 1`);
    const levelOf = async () => (await db.query(`SELECT level FROM kaigo.nintei WHERE no = $1 ORDER BY rireki LIMIT 1`, [row.no]))[0].level;
    // A change with a new UPD_DT arrives with the next (incremental) read.
    await db.query(`UPDATE T_NINTEI SET YOKAIGODO_CD = '25', UPD_DT = UPD_DT + interval '2 days' WHERE HIHOKENSHA_NO = $1 AND RIREKI_NO = 1`, [
      row.no,
    ]);
    await ingest.scan();
    expect(await levelOf()).toBe('CARE_5');
    // A batch correction with an old UPD_DT is missed by the incremental read and caught by the full one.
    await db.query(`UPDATE T_NINTEI SET YOKAIGODO_CD = '12', UPD_DT = UPD_DT - interval '30 days' WHERE HIHOKENSHA_NO = $1 AND RIREKI_NO = 1`, [
      row.no,
    ]);
    await ingest.scan();
    expect(await levelOf()).toBe('CARE_5');
    await ingest.scan();
    expect(await levelOf()).toBe('SUPPORT_1');
    const reads = await ingest.ledger.reads(10);
    expect(reads.map((r) => r.name.split(' ')[0])).toEqual(['full', 'incremental', 'incremental', 'full']);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM kaigo.hihokensha`);
    const [{ m }] = await db.query(`SELECT count(*)::int AS m FROM T_HIHOKENSHA`);
    expect(n).toBe(m);
    await ingest.close();
    await store.close();
  }, 60_000);
});
