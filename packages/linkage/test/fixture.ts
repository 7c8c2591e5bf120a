import { normaliseKanaForMatch } from '@welfare-hub/codec';
import { openTestStore, type Store } from '@welfare-hub/store';
import { linkageMigrations } from '../src/index.js';

export interface Resident {
  atenaNo: string;
  kana: string;
  name: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  address: string;
}

/**
 * A store with linkage's own migrations and the columns of juki.person the linker reads, made in plain SQL: linkage
 * must not depend on the juki adapter (which owns the table) just for its tests.
 */
export async function linkageStore(): Promise<Store> {
  const store = await openTestStore({ migrations: linkageMigrations });
  await store.dataSource.query(`CREATE SCHEMA juki`);
  await store.dataSource.query(`CREATE TABLE juki.person (atena_no text PRIMARY KEY, kana_key text NOT NULL, name text NOT NULL,
    birth_date date NOT NULL, sex text NOT NULL, address text NOT NULL)`);
  // What juki exports of it (adapters/juki, views-migration.ts), as far as the linker reads it.
  await store.dataSource.query(`CREATE VIEW juki.registered_person AS SELECT * FROM juki.person`);
  return store;
}

export async function addResidents(store: Store, residents: readonly Resident[]): Promise<void> {
  for (const r of residents) {
    // The registry keeps the reading as the match key the juki adapter writes: normalised as the linker normalises.
    await store.dataSource.query(`INSERT INTO juki.person VALUES ($1, $2, $3, $4, $5, $6)`, [
      r.atenaNo,
      normaliseKanaForMatch(r.kana),
      r.name,
      r.birthDate,
      r.sex,
      r.address,
    ]);
  }
}

export const HANAKO: Resident = {
  atenaNo: '0000000001',
  kana: 'ヤマダ ハナコ',
  name: '山田 花子',
  birthDate: '1980-01-01',
  sex: 'FEMALE',
  address: '福祉市中央1-1',
};
/** Same reading as HANAKO, another birth date. */
export const HANAKO_NAMESAKE: Resident = { ...HANAKO, atenaNo: '0000000002', birthDate: '1990-05-05', address: '福祉市北2-2' };
/** Twins: the same reading, birth date and sex; only the given name's kanji tells them apart. */
export const TWIN_A: Resident = {
  atenaNo: '0000000003',
  kana: 'サトウ ユウ',
  name: '佐藤 優',
  birthDate: '2010-04-01',
  sex: 'MALE',
  address: '福祉市南3-3',
};
export const TWIN_B: Resident = { ...TWIN_A, atenaNo: '0000000004', name: '佐藤 悠' };
