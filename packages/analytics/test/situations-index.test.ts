import { jukiMigrations, RELATIONSHIPS } from '@welfare-hub/adapter-juki';
import { kaigoMigrations, kaigoSector } from '@welfare-hub/adapter-kaigo';
import { kodomoMigrations, kodomoSector } from '@welfare-hub/adapter-kodomo';
import { konkyuMigrations, konkyuSector } from '@welfare-hub/adapter-konkyu';
import { shogaiMigrations, shogaiSector } from '@welfare-hub/adapter-shogai';
import { linkageMigrations } from '@welfare-hub/linkage';
import { DEFAULT_THRESHOLDS, householdSituations } from '@welfare-hub/situations';
import { openTestStore, type Store } from '@welfare-hub/store';
import { CASES, DAY, bornFor, factsOf, type CaseMember, type Consultation } from '../../situations/test/cases.js';
import { analyticsMigrations, indexHouseholds, pseudonym, storeIndexSources } from '../src/index.js';

const CODES = Object.fromEntries(Object.entries(RELATIONSHIPS).map(([code, text]) => [text, code]));
const KEY = Buffer.alloc(32, 7);
/** Each sector's facts reader, as its module exports it (the launcher hands the same in). */
const FACTS = Object.fromEntries([kaigoSector, shogaiSector, kodomoSector, konkyuSector].map((m) => [m.info.code, m.facts]));

/**
 * The households of issue 13 (../../situations/test/cases.ts) written into the sources' own tables as the adapters
 * store them, linked to their residents, and read back by the analysts' index through the same facts loaders the
 * case workers' view uses: the index must count exactly what the rules find for each household.
 */
describe("the analysts' index over the households of issue 13", () => {
  let store: Store;
  const sql = (text: string, params: unknown[] = []) => store.dataSource.query(text, params);
  let n = 0;
  const link = (source: string, key: string, atenaNo: string) =>
    sql(`INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ($1, $2, $3, 'linked', 'atena')`, [source, key, atenaNo]);

  async function write(setaiNo: string, atenaNo: string, m: CaseMember): Promise<void> {
    const birth = bornFor(m.age, m.dayBefore);
    await sql(
      `INSERT INTO juki.person (atena_no, setai_no, relationship_code, name, name_kana, kana_key, birth_date, sex, district, address, resident_status,
         change_date, change_reason, updated_at, source_file, source_position)
       VALUES ($1, $2, $3, '試験\u3000太郎', 'シケン\u3000タロウ', 'シケンタロウ', $4, 'MALE', '0101', '○○市本町1-1', 1, '2020-04-01', '01', now(), 'test', 1)`,
      [atenaNo, setaiNo, CODES[m.relationship], birth],
    );
    const consultationRows = (cs: Consultation[] | undefined) => (cs ?? []).map((c) => ({ ...c, id: `${++n}`, date: c.date ?? '2026-10-01' }));
    if (m.kaigo) {
      const no = `H${atenaNo}`;
      await sql(`INSERT INTO kaigo.hihokensha (no, atena_no, name, name_kana, birth_date, sex, kbn) VALUES ($1, $2, 'x', 'x', $3, '1', '1')`, [
        no,
        atenaNo,
        birth,
      ]);
      await link('kaigo-hihokensha', no, atenaNo);
      for (const [i, c] of (m.kaigo.certifications ?? []).entries()) {
        await sql(`INSERT INTO kaigo.nintei (no, rireki, level, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5)`, [
          no,
          i + 1,
          c.level,
          c.from,
          c.until,
        ]);
      }
      for (const c of consultationRows(m.kaigo.consultations)) {
        // The adapter keeps SODAN_KBN as its text (category) and NAIYO as the summary.
        const [kbn, ...summary] = c.text.split(' ').slice(1);
        await sql(`INSERT INTO kaigo.sodan (id, no, atena_no, center, date, category, summary, status) VALUES ($1, $2, $3, '0001', $4, $5, $6, $7)`, [
          c.id,
          no,
          atenaNo,
          c.date,
          kbn,
          summary.join(' '),
          c.open ? 'OPEN' : 'CLOSED',
        ]);
        await link('kaigo-sodan', c.id, atenaNo);
      }
    }
    if (m.shogai) {
      for (const j of m.shogai.jukyusha ?? []) {
        const key = `J${++n}`;
        await sql(
          `INSERT INTO shogai.jukyusha (source_key, atena_no, name_kana, birth_date, support_level, services, valid_from, valid_until, updated_at, snapshot)
          VALUES ($1, $2, 'x', $3, $4, '[]', $5, $6, now(), 's')`,
          [key, atenaNo, birth, j.level === '' ? null : j.level, j.from ?? '2026-01-01', j.until ?? '2027-12-31'],
        );
        await link('shogai-jukyusha', key, atenaNo);
      }
      if (m.shogai.techo) {
        const key = `T${++n}`;
        await sql(
          `INSERT INTO shogai.techo (source_key, atena_no, name, name_kana, birth_date, type, grade, disability, issued_on, updated_at, snapshot)
          VALUES ($1, $2, 'x', 'x', $3, '1', '1級', '肢体不自由', '2010-01-01', now(), 's')`,
          [key, atenaNo, birth],
        );
        await link('shogai-techo', key, atenaNo);
      }
      for (const c of consultationRows(m.shogai.consultations)) {
        await sql(
          `INSERT INTO shogai.sodan (source_key, atena_no, date, category, summary, office, status, snapshot) VALUES ($1, $2, $3, 'その他', $4, 'x', $5, 's')`,
          [c.id, atenaNo, c.date, c.text, c.open ? 'OPEN' : 'CLOSED'],
        );
        await link('shogai-sodan', c.id, atenaNo);
      }
    }
    for (const c of m.kodomo?.cases ?? []) {
      const id = `K2026-${String(++n).padStart(6, '0')}`;
      await sql(
        `INSERT INTO kodomo.case (case_id, subject_type, category, category_known, status, opened_on, closed_on, young_carer_concern, updated_at, youtaikyo_registered)
        VALUES ($1, 'child', $2, true, $3, $4, $5, $6, '', false)`,
        [
          id,
          c.youngCarer ? 'ヤングケアラー支援' : '利用者支援',
          (c.closedOn ?? null) === null ? 'OPEN' : 'CLOSED',
          c.openedOn ?? '2026-04-01',
          c.closedOn ?? null,
          c.youngCarer,
        ],
      );
      await link('kodomo-case', id, atenaNo);
    }
    for (const c of consultationRows(m.konkyu?.consultations)) {
      await sql(
        `INSERT INTO konkyu.consultation (source_key, opened_on, route, concerns, state, benefits, note, last_seen_in) VALUES ($1, $2, '窓口', $3, $4, '[]', NULL, 'test')`,
        [c.id, c.date, JSON.stringify([c.text]), c.open ? '支援中' : '終結'],
      );
      await link('konkyu', c.id, atenaNo);
    }
  }

  beforeAll(async () => {
    store = await openTestStore({
      migrations: [
        ...jukiMigrations,
        ...linkageMigrations,
        ...kaigoMigrations,
        ...shogaiMigrations,
        ...kodomoMigrations,
        ...konkyuMigrations,
        ...analyticsMigrations,
      ],
    });
    for (const [i, c] of CASES.entries()) {
      for (const [j, m] of c.members.entries()) await write(`S${String(i).padStart(4, '0')}`, String(i * 10 + j + 1).padStart(10, '0'), m);
    }
  }, 120_000);
  afterAll(() => store.close());

  /** Each household's kinds as the index finds them, under the thresholds a case asks for. */
  async function indexed(thresholds: object | undefined): Promise<Map<string, string[]>> {
    const kinds = new Map<string, string[]>();
    const sources = storeIndexSources(store.dataSource, KEY, { ...DEFAULT_THRESHOLDS, ...thresholds }, async () => ({}), FACTS, RELATIONSHIPS);
    for await (const chunk of indexHouseholds(sources, DAY)) for (const h of chunk.households) kinds.set(h.pseudoId, h.kinds);
    return kinds;
  }

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_, c, i) => {
    const kinds = (await indexed(c.thresholds)).get(pseudonym(KEY, `setai:S${String(i).padStart(4, '0')}`));
    expect(kinds).toBeDefined();
    expect(kinds!.filter((k) => k !== 'MULTI_SECTOR')).toEqual(c.expected);
    // And exactly what the rules find over the facts as a case worker with every basis would be given them.
    const rules = householdSituations(c.members.map(factsOf), DAY, { ...DEFAULT_THRESHOLDS, ...c.thresholds }).map((s) => s.kind);
    expect(kinds).toEqual(rules);
  });
});
