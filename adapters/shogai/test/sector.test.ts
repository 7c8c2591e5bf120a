import { shogaiMigrations, shogaiSector } from '@welfare-hub/adapter-shogai';
import { sectorSubgraphSuite } from '../../../packages/sector-subgraph/test-support/sector-suite.js';
import { moduleSubgraph, type SectorSource } from '@welfare-hub/sector-subgraph';

sectorSubgraphSuite({
  sector: 'SHOGAI',
  field: 'shogai',
  migrations: shogaiMigrations,
  // The source only reports health (sourceReadAt, not asked here): no source is read in these tests.
  subgraph: ({ db, policy }) => moduleSubgraph(shogaiSector, { db, policy, source: {} as SectorSource }),
  async seed(db, atenaNo) {
    await db.query(
      `INSERT INTO shogai.sodan (source_key, atena_no, name_kana, birth_date, date, category, summary, office, status, snapshot)
       VALUES ($1, $2, 'フクシ タロウ', '1970-01-01', '2025-04-01', '就労', '就労移行の相談', '基幹相談支援センター', 'OPEN', 'test')`,
      [`sodan-${atenaNo}`, atenaNo],
    );
    await db.query(`INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ('shogai-sodan', $1, $2, 'linked', 'atena')`, [
      `sodan-${atenaNo}`,
      atenaNo,
    ]);
  },
  selection: '{ certificates { grade } services consultations { date category status summary } }',
  expected: { certificates: [], services: [], consultations: [{ date: '2025-04-01', category: '就労', status: 'OPEN', summary: '就労移行の相談' }] },
  empty: { certificates: [], services: [], consultations: [] },
});
