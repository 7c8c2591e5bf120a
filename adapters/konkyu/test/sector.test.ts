import { konkyuMigrations, konkyuSector } from '@welfare-hub/adapter-konkyu';
import { sectorSubgraphSuite } from '../../../packages/sector-subgraph/test-support/sector-suite.js';
import { moduleSubgraph, type SectorSource } from '@welfare-hub/sector-subgraph';

sectorSubgraphSuite({
  sector: 'KONKYU',
  field: 'konkyu',
  migrations: konkyuMigrations,
  // The source only reports health (sourceReadAt, not asked here): no source is read in these tests.
  subgraph: ({ db, policy }) => moduleSubgraph(konkyuSector, { db, policy, source: {} as SectorSource }),
  async seed(db, atenaNo) {
    await db.query(
      `INSERT INTO konkyu.consultation (source_key, opened_on, route, concerns, state, benefits, note, last_seen_in)
       VALUES ($1, '2025-06-01', '窓口', '["家計","就労"]', '支援中', '[]', '家計改善', 'test')`,
      [`konkyu-${atenaNo}`],
    );
    await db.query(`INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ('konkyu', $1, $2, 'linked', 'match')`, [
      `konkyu-${atenaNo}`,
      atenaNo,
    ]);
  },
  // The 主訴 joined with 、, and OPEN while 支援中: what konkyuProfiles promises.
  selection: '{ consultations { date category status summary } }',
  expected: { consultations: [{ date: '2025-06-01', category: '家計、就労', status: 'OPEN', summary: '家計改善' }] },
  empty: { consultations: [] },
});
