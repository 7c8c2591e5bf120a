import { kodomoMigrations, type KodomoIngest } from '@welfare-hub/adapter-kodomo';
import { sectorSubgraphSuite } from '../../../packages/sector-subgraph/test-support/sector-suite.js';
import { kodomoSubgraph } from '../src/index.js';

sectorSubgraphSuite({
  sector: 'KODOMO',
  field: 'kodomo',
  migrations: kodomoMigrations,
  // The ingest only reports health (sourceReadAt, not asked here): no source is read in these tests.
  subgraph: ({ db, policy }) => kodomoSubgraph({ db, policy, ingest: {} as KodomoIngest }),
  async seed(db, atenaNo) {
    // Not a 要対協 case (youtaikyo_registered false): released on every basis, so the shared suite's grants hold for it.
    await db.query(
      `INSERT INTO kodomo.case (case_id, subject_type, atena_no, category, category_known, status, opened_on, young_carer_concern, updated_at, youtaikyo_registered)
       VALUES ($1, 'CHILD', $2, '養育相談', true, 'OPEN', '2025-07-01', true, '2025-07-01', false)`,
      [`case-${atenaNo}`, atenaNo],
    );
    await db.query(`INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ('kodomo-case', $1, $2, 'linked', 'atena')`, [`case-${atenaNo}`, atenaNo]);
  },
  selection: '{ cases { category status openedOn youngCarerConcern youtaikyoRegistered } guardians { name } }',
  expected: { cases: [{ category: '養育相談', status: 'OPEN', openedOn: '2025-07-01', youngCarerConcern: true, youtaikyoRegistered: false }], guardians: [] },
  empty: { cases: [], guardians: [] },
});
