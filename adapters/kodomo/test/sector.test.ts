import { kodomoMigrations, kodomoSector } from '@welfare-hub/adapter-kodomo';
import { PERSON, VIEWER, sectorSubgraphSuite } from '../../../packages/sector-subgraph/test-support/sector-suite.js';
import { moduleSubgraph, type SectorSource } from '@welfare-hub/sector-subgraph';

const fixture = sectorSubgraphSuite({
  sector: 'KODOMO',
  field: 'kodomo',
  migrations: kodomoMigrations,
  // The source only reports health (sourceReadAt, not asked here): no source is read in these tests.
  subgraph: ({ db, policy }) => moduleSubgraph(kodomoSector, { db, policy, source: {} as SectorSource }),
  async seed(db, atenaNo) {
    // Not a 要対協 case (youtaikyo_registered false): released on every basis, so the shared suite's grants hold for it.
    await db.query(
      `INSERT INTO kodomo.case (case_id, subject_type, atena_no, category, category_known, status, opened_on, young_carer_concern, updated_at, youtaikyo_registered)
       VALUES ($1, 'CHILD', $2, '養育相談', true, 'OPEN', '2025-07-01', true, '2025-07-01', false)`,
      [`case-${atenaNo}`, atenaNo],
    );
    await db.query(`INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ('kodomo-case', $1, $2, 'linked', 'atena')`, [
      `case-${atenaNo}`,
      atenaNo,
    ]);
  },
  selection: '{ cases { category status openedOn youngCarerConcern youtaikyoRegistered } guardians { name } }',
  expected: {
    cases: [{ category: '養育相談', status: 'OPEN', openedOn: '2025-07-01', youngCarerConcern: true, youtaikyoRegistered: false }],
    guardians: [],
  },
  empty: { cases: [], guardians: [] },
});

// Access rule 4 (packages/policy/src/youtaikyo.ts): a 要対協 case, or one whose registration the source did not state, is
// released on OWN_SECTOR only here, never on consent or a 支援会議. Declared after the shared suite, whose blocks have run by
// the time these cases are added.
describe('Person.kodomo: 要対協 cases', () => {
  const cases = '{ cases { category youtaikyoRegistered } }';
  const normal = { category: '養育相談', youtaikyoRegistered: false };
  beforeAll(async () => {
    for (const [atenaNo, registered] of [
      [PERSON.consented, true],
      [PERSON.inMeeting, null],
    ] as const) {
      await fixture.db().query(
        `INSERT INTO kodomo.case (case_id, subject_type, atena_no, category, category_known, status, opened_on, young_carer_concern, updated_at, youtaikyo_registered)
         VALUES ($1, 'CHILD', $2, '虐待', true, 'OPEN', '2025-08-01', false, '2025-08-01', $3)`,
        [`yt-${atenaNo}`, atenaNo, registered],
      );
      await fixture
        .db()
        .query(`INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ('kodomo-case', $1, $2, 'linked', 'atena')`, [
          `yt-${atenaNo}`,
          atenaNo,
        ]);
    }
  });

  it('are shown, newest first, to staff of the organisation holding the sector', async () => {
    expect(await fixture.profileOf(VIEWER.own, PERSON.consented, cases)).toEqual({
      cases: [{ category: '虐待', youtaikyoRegistered: true }, normal],
    });
    expect(await fixture.profileOf(VIEWER.own, PERSON.inMeeting, cases)).toEqual({
      cases: [{ category: '虐待', youtaikyoRegistered: null }, normal],
    });
  });

  it('are withheld on consent, leaving what a child without one would show', async () => {
    expect(await fixture.profileOf(VIEWER.other, PERSON.consented, cases)).toEqual({ cases: [normal] });
  });

  it('are withheld through a 支援会議, an unstated registration counted as registered', async () => {
    expect(await fixture.profileOf(VIEWER.member, PERSON.inMeeting, cases)).toEqual({ cases: [normal] });
  });

  it('leave no trace in the last involvement date shown on consent', async () => {
    expect(await fixture.profileOf(VIEWER.own, PERSON.consented, '{ lastInvolvementOn }')).toEqual({ lastInvolvementOn: '2025-08-01' });
    expect(await fixture.profileOf(VIEWER.other, PERSON.consented, '{ lastInvolvementOn }')).toEqual({ lastInvolvementOn: '2025-07-01' });
  });
});
