import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCp932 } from '@welfare-hub/codec';
import { ingestMigrations } from '@welfare-hub/ingest';
import { linkageMigrations } from '@welfare-hub/linkage';
import { openTestStore, type Store } from '@welfare-hub/store';
import { ShogaiIngest, TECHO_HEADER, shogaiMigrations } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'shogai-ingest-'));
const line = (fields: string[]) => `${fields.join(',')}\r\n`;
const techo = (kana: string) => ['', '山田　花子', kana, 'S45.3.12', '1', '2級', '肢体不自由', 'R5.4.1', '', '2026/11/21 22:10:05'];

describe('the shogai snapshots', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore({ migrations: [...ingestMigrations, ...linkageMigrations, ...shogaiMigrations] });
    await store.dataSource.query(`CREATE SCHEMA juki`);
    await store.dataSource.query(`CREATE TABLE juki.person (atena_no text, kana_key text, name text, birth_date date, sex text, address text)`);
    await store.dataSource.query(`CREATE VIEW juki.registered_person AS SELECT * FROM juki.person`);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces a snapshot with the next complete export, and keeps it when the next one was cut short', async () => {
    const ingest = new ShogaiIngest({ dir, db: store.dataSource });
    writeFileSync(join(dir, 'SHOGAI_TECHO_20261120.csv'), encodeCp932(line(TECHO_HEADER) + line(techo('ﾔﾏﾀﾞ ﾊﾅｺ')) + line(techo('ｻﾄｳ ﾊﾅｺ'))));
    await ingest.scan();
    const kept = async () =>
      (await store.dataSource.query(`SELECT name_kana FROM shogai.techo ORDER BY name_kana`)).map((r: { name_kana: string }) => r.name_kana);
    expect(await kept()).toEqual(['サトウ\u3000ハナコ', 'ヤマダ\u3000ハナコ']);
    writeFileSync(join(dir, 'SHOGAI_TECHO_20261121.csv'), encodeCp932(line(TECHO_HEADER) + line(techo('ﾔﾏﾀﾞ ﾊﾅｺ')) + '0000012345,"山田'));
    await ingest.scan();
    expect(await kept()).toEqual(['サトウ\u3000ハナコ', 'ヤマダ\u3000ハナコ']);
    expect((await ingest.health()).state).toBe('degraded');
    expect((await ingest.ledger.reads(1))[0]).toMatchObject({ state: 'truncated', problem: expect.stringContaining('previous snapshot is kept') });
    writeFileSync(join(dir, 'SHOGAI_TECHO_20261122.csv'), encodeCp932(line(TECHO_HEADER) + line(techo('ﾔﾏﾀﾞ ﾊﾅｺ'))));
    await ingest.scan();
    expect(await kept()).toEqual(['ヤマダ\u3000ハナコ']);
    expect((await ingest.health()).state).toBe('ok');
    await ingest.close();
  });
});
