import { kaigoMigrations, kaigoSector } from '@welfare-hub/adapter-kaigo';
import { sectorSubgraphSuite } from '../../../packages/sector-subgraph/test-support/sector-suite.js';
import { moduleSubgraph, type SectorSource } from '@welfare-hub/sector-subgraph';

sectorSubgraphSuite({
  sector: 'KAIGO',
  field: 'kaigo',
  migrations: kaigoMigrations,
  // The source only reports health (sourceReadAt, not asked here): no source is read in these tests.
  subgraph: ({ db, policy }) => moduleSubgraph(kaigoSector, { db, policy, source: {} as SectorSource }),
  async seed(db, atenaNo) {
    await db.query(
      `INSERT INTO kaigo.sodan (id, no, atena_no, kana, center, date, category, summary, status)
       VALUES ($1, NULL, $2, 'フクシ タロウ', '中央包括', '2025-05-10', '介護保険', '申請の相談', 'CLOSED')`,
      [`sodan-${atenaNo}`, atenaNo],
    );
    await db.query(`INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ('kaigo-sodan', $1, $2, 'linked', 'atena')`, [
      `sodan-${atenaNo}`,
      atenaNo,
    ]);
  },
  selection: '{ insuredNumber careLevel consultations { date category status summary } }',
  expected: {
    insuredNumber: null,
    careLevel: null,
    consultations: [{ date: '2025-05-10', category: '介護保険', status: 'CLOSED', summary: '申請の相談' }],
  },
  empty: { insuredNumber: null, careLevel: null, consultations: [] },
});
