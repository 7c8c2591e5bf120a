import { randomUUID } from 'node:crypto';
import { openTestStore, type Store } from '@welfare-hub/store';
import { auditMigrations } from '@welfare-hub/audit';
import { Policy, SECTORS, releasedCases, releasedFacts, releasedProfile, type Decision } from '../src/index.js';

describe('the OWN_SECTOR basis', () => {
  let store: Store;
  let policy: Policy;
  beforeAll(async () => {
    store = await openTestStore({ migrations: auditMigrations });
    await store.dataSource.query(`CREATE SCHEMA hub`);
    await store.dataSource.query(
      `CREATE TABLE hub.organisation (id text PRIMARY KEY, name text, sectors text[], outside_welfare boolean NOT NULL DEFAULT false)`,
    );
    await store.dataSource.query(`CREATE TABLE hub.staff (id text PRIMARY KEY, org_id text, name text)`);
    await store.dataSource.query(`INSERT INTO hub.organisation VALUES ('K', 'k', '{KAIGO,SHOGAI}'), ('T', 't', '{}')`);
    await store.dataSource.query(`INSERT INTO hub.organisation VALUES ('M', '民生委員', '{}', true)`);
    await store.dataSource.query(`INSERT INTO hub.staff VALUES ('k1', 'K', 'x'), ('t1', 'T', 'y'), ('m1', 'M', 'z')`);
    await store.dataSource.query(
      `CREATE TABLE hub.meeting (id text PRIMARY KEY, kind text, opens_at timestamptz, closes_at timestamptz, closed_at timestamptz)`,
    );
    await store.dataSource.query(`CREATE TABLE hub.meeting_subject (meeting_id text, person_id text, setai_no text)`);
    await store.dataSource.query(`CREATE TABLE hub.meeting_member (meeting_id text, staff_id text, role text)`);
    await store.dataSource.query(`CREATE SCHEMA juki`);
    await store.dataSource.query(`CREATE TABLE juki.person (atena_no text, setai_no text, resident_status smallint)`);
    await store.dataSource.query(`INSERT INTO juki.person VALUES ('child', 'S1', 1), ('mother', 'S1', 1), ('moved', 'S1', 2), ('other', 'S2', 1)`);
    // What juki exports of it (adapters/juki, views-migration.ts), as far as the policy reads it.
    await store.dataSource.query(`CREATE VIEW juki.current_resident AS SELECT atena_no, setai_no FROM juki.person WHERE resident_status = 1`);
    await store.dataSource.query(`CREATE TABLE hub.consent (id text PRIMARY KEY, person_id text, sectors text[], recipient_orgs text[],
      valid_from date, valid_until date, status text, recorded_at timestamptz DEFAULT now())`);
    // What the hub exports of them (subgraphs/hub, 1763800013500-exported-views.ts), as far as the policy reads it.
    await store.dataSource.query(`CREATE VIEW hub.registered_staff AS
      SELECT s.id, s.org_id, o.sectors, o.outside_welfare FROM hub.staff s JOIN hub.organisation o ON o.id = s.org_id`);
    await store.dataSource.query(`CREATE VIEW hub.consent_record AS
      SELECT id, person_id, sectors, recipient_orgs, valid_from, valid_until, recorded_at, status = 'ACTIVE' AS active FROM hub.consent`);
    await store.dataSource.query(`CREATE VIEW hub.meeting_state AS
      SELECT id, kind, (closed_at IS NULL AND opens_at <= now() AND now() < closes_at) AS open FROM hub.meeting`);
    await store.dataSource.query(`CREATE VIEW hub.meeting_roster AS SELECT meeting_id, staff_id, role FROM hub.meeting_member`);
    await store.dataSource.query(`CREATE VIEW hub.meeting_subject_list AS SELECT meeting_id, person_id, setai_no FROM hub.meeting_subject`);
    policy = new Policy(store.dataSource);
  }, 60_000);
  afterAll(() => store.close());

  const context = (staffId: string, orgId: string, roles: ('analyst' | 'admin')[] = []) => ({
    viewer: { staffId, orgId, roles },
    meetingId: null,
    requestId: randomUUID(),
  });

  it.each([
    ['staff of an organisation holding the sector', context('k1', 'K'), ['KAIGO', 'SHOGAI']],
    ['staff of an organisation holding none', context('t1', 'T'), []],
    ['an unregistered staff id', context('zz', 'K'), []],
    ['a staff id under another organisation than registered', context('k1', 'T'), []],
    ['an analyst, even of a holding organisation', context('k1', 'K', ['analyst']), []],
    ['an admin, whose role grants no person data', context('t1', 'T', ['admin']), []],
  ])('grants %s exactly the sectors it holds', async (_, ctx, granted) => {
    const decisions = await policy.forRequest(ctx).access('0000000001');
    expect(decisions.map((d) => d.sector)).toEqual([...SECTORS]);
    expect(decisions.filter((d) => d.status === 'GRANTED').map((d) => d.sector)).toEqual(granted);
    for (const d of decisions) expect(d.basis).toBe(d.status === 'GRANTED' ? 'OWN_SECTOR' : null);
  });

  it('reads the register afresh for every request', async () => {
    const before = await policy.forRequest(context('t1', 'T')).decide('1', 'KONKYU');
    await store.dataSource.query(`UPDATE hub.organisation SET sectors = '{KONKYU}' WHERE id = 'T'`);
    const after = await policy.forRequest(context('t1', 'T')).decide('1', 'KONKYU');
    expect([before.status, after.status]).toEqual(['DENIED', 'GRANTED']);
  });

  it('writes every decision, granted or denied, to the audit log before answering, once per question', async () => {
    const [{ before }] = await store.dataSource.query(`SELECT count(*)::int AS before FROM audit.entry`);
    const request = policy.forRequest({ ...context('k1', 'K'), requestId: 'audited' });
    await Promise.all([request.access('0000000042'), request.decide('0000000042', 'KAIGO'), request.decide('0000000042', 'KAIGO')]);
    const rows: { sector: string; status: string; purpose: string }[] = await store.dataSource.query(
      `SELECT sector, status, purpose FROM audit.entry WHERE request_id = 'audited' ORDER BY id`,
    );
    expect(rows).toEqual([
      { sector: 'KAIGO', status: 'GRANTED', purpose: '介護の記録を見られるかの確認: 介護を担当する機関の業務として' },
      { sector: 'SHOGAI', status: 'GRANTED', purpose: '障害福祉の記録を見られるかの確認: 障害福祉を担当する機関の業務として' },
      { sector: 'KODOMO', status: 'DENIED', purpose: '子ども家庭の記録を見られるかの確認: 根拠がないため表示していません' },
      { sector: 'KONKYU', status: 'DENIED', purpose: '生活困窮の記録を見られるかの確認: 根拠がないため表示していません' },
      { sector: 'KAIGO', status: 'GRANTED', purpose: '介護の記録の閲覧: 介護を担当する機関の業務として' },
    ]);
    const [{ after }] = await store.dataSource.query(`SELECT count(*)::int AS after FROM audit.entry`);
    expect(after - before).toBe(5);
  });

  it.each([
    ['staff of a registered organisation inside welfare', context('t1', 'T'), true],
    ['staff of an organisation registered outside welfare (民生委員)', context('m1', 'M'), false],
    ['an unregistered staff id', context('zz', 'K'), false],
    ['an analyst, even of a holding organisation', context('k1', 'K', ['analyst']), false],
  ])("shows a resident's identity to %s: %s", async (_, ctx, visible) => {
    expect(await policy.forRequest(ctx).identityVisible()).toBe(visible);
  });

  it('writes identity reads to the same chain, each with its kind and 支援措置 flag, before resolving', async () => {
    await policy.forRequest({ ...context('t1', 'T'), requestId: 'identity' }).recordIdentityReads([
      { personId: 'child', action: 'READ', protected: false },
      { personId: 'mother', action: 'SEARCH', protected: true },
    ]);
    const rows = await store.dataSource.query(
      `SELECT person_id, sector, action, protected, staff_id, org_id FROM audit.entry WHERE request_id = 'identity' ORDER BY id`,
    );
    expect(rows).toEqual([
      { person_id: 'child', sector: null, action: 'READ', protected: false, staff_id: 't1', org_id: 'T' },
      { person_id: 'mother', sector: null, action: 'SEARCH', protected: true, staff_id: 't1', org_id: 'T' },
    ]);
  });

  it('answers nothing when the audit log cannot be written', async () => {
    await store.dataSource.query(`ALTER TABLE audit.head RENAME TO head_gone`);
    try {
      await expect(policy.forRequest(context('k1', 'K')).decide('1', 'KAIGO')).rejects.toThrow();
    } finally {
      await store.dataSource.query(`ALTER TABLE audit.head_gone RENAME TO head`);
    }
  });

  describe('the CONSENT basis', () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const shift = (days: number) => {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    let n = 0;
    const consent = async (c: { person?: string; sectors?: string; orgs?: string; from?: number; until?: number; status?: string }) => {
      const id = `c${++n}`;
      const person = c.person ?? `p${n}`;
      await store.dataSource.query(
        `INSERT INTO hub.consent (id, person_id, sectors, recipient_orgs, valid_from, valid_until, status) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, person, c.sectors ?? '{KODOMO}', c.orgs ?? '{T}', shift(c.from ?? -10), shift(c.until ?? 10), c.status ?? 'ACTIVE'],
      );
      return { id, person };
    };

    it.each([
      ['valid, naming the organisation and the sector', {}, 'GRANTED'],
      ['ending today', { until: 0 }, 'GRANTED'],
      ['starting today', { from: 0 }, 'GRANTED'],
      ['ending yesterday', { until: -1 }, 'DENIED'],
      ['starting tomorrow', { from: 1 }, 'DENIED'],
      ['revoked', { status: 'REVOKED' }, 'DENIED'],
      ['naming another organisation', { orgs: '{K}' }, 'DENIED'],
      ['for another sector', { sectors: '{KAIGO}' }, 'DENIED'],
    ])('a consent %s: %s', async (_, c, status) => {
      const { id, person } = await consent(c);
      const decision = await policy.forRequest(context('t1', 'T')).decide(person, 'KODOMO');
      expect(decision.status).toBe(status);
      if (status === 'GRANTED') expect(decision).toMatchObject({ basis: 'CONSENT', reference: id });
    });

    it("is another person's consent for nobody else", async () => {
      await consent({ person: 'the-mother' });
      expect((await policy.forRequest(context('t1', 'T')).decide('the-child', 'KODOMO')).status).toBe('DENIED');
    });

    it('holds from the very next request after a revocation', async () => {
      const { id, person } = await consent({});
      expect((await policy.forRequest(context('t1', 'T')).decide(person, 'KODOMO')).status).toBe('GRANTED');
      await store.dataSource.query(`UPDATE hub.consent SET status = 'REVOKED' WHERE id = $1`, [id]);
      expect((await policy.forRequest(context('t1', 'T')).decide(person, 'KODOMO')).status).toBe('DENIED');
    });

    it('reads the facts once for the subgraph calls of one client request, and afresh for the next request', async () => {
      const { id, person } = await consent({});
      const request = context('t1', 'T');
      expect((await policy.forRequest(request).decide(person, 'KODOMO')).status).toBe('GRANTED');
      await store.dataSource.query(`UPDATE hub.consent SET status = 'REVOKED' WHERE id = $1`, [id]);
      // Another subgraph serving the same client request decides on the same facts …
      expect((await policy.forRequest(request).decide(person, 'KODOMO', 'Person.kodomoFacts')).status).toBe('GRANTED');
      // … and the next client request sees the revocation.
      expect((await policy.forRequest(context('t1', 'T')).decide(person, 'KODOMO')).status).toBe('DENIED');
    });

    it('grants nothing to an analyst, whatever the consent says', async () => {
      const { person } = await consent({});
      expect((await policy.forRequest(context('t1', 'T', ['analyst'])).decide(person, 'KODOMO')).status).toBe('DENIED');
    });
  });

  describe('the SUPPORT_MEETING basis', () => {
    let n = 0;
    const meeting = async (m: {
      kind?: string;
      opens?: string;
      closes?: string;
      closed?: boolean;
      members?: [string, string][];
      persons?: string[];
      households?: string[];
    }) => {
      const id = `m${++n}`;
      await store.dataSource.query(`INSERT INTO hub.meeting VALUES ($1, $2, now() + $3::interval, now() + $4::interval, $5)`, [
        id,
        m.kind ?? 'SHIEN_KAIGI',
        m.opens ?? '-1 hour',
        m.closes ?? '1 hour',
        m.closed ? new Date() : null,
      ]);
      for (const [staff, role] of m.members ?? [['t1', 'FULL']])
        await store.dataSource.query(`INSERT INTO hub.meeting_member VALUES ($1, $2, $3)`, [id, staff, role]);
      for (const p of m.persons ?? []) await store.dataSource.query(`INSERT INTO hub.meeting_subject VALUES ($1, $2, NULL)`, [id, p]);
      for (const h of m.households ?? ['S1']) await store.dataSource.query(`INSERT INTO hub.meeting_subject VALUES ($1, NULL, $2)`, [id, h]);
      return id;
    };
    const ask = (meetingId: string | null, person = 'child', staff = 't1') =>
      policy.forRequest({ ...context(staff, 'T'), meetingId }).decide(person, 'KODOMO');

    it.each([
      ["an open 支援会議 the viewer sits on, about the person's 世帯", {}, 'child', 'GRANTED'],
      ['a subject person named alone', { households: [], persons: ['other'] }, 'other', 'GRANTED'],
      ['someone outside its subjects', {}, 'other', 'DENIED'],
      ['a member of the 世帯 who has moved out', {}, 'moved', 'DENIED'],
      ['a 重層的支援会議', { kind: 'JUSOU_SHIEN_KAIGI' }, 'child', 'DENIED'],
      ['a closed meeting', { closed: true }, 'child', 'DENIED'],
      ['a meeting that is over', { opens: '-2 hours', closes: '-1 hour' }, 'child', 'DENIED'],
      ['a meeting not yet open', { opens: '1 hour', closes: '2 hours' }, 'child', 'DENIED'],
      ['a meeting the viewer is not on', { members: [['k1', 'FULL']] }, 'child', 'DENIED'],
      ['a submit-only member', { members: [['t1', 'SUBMIT_ONLY']] }, 'child', 'DENIED'],
    ] as const)('%s: %s', async (_, m, person, status) => {
      const id = await meeting(m as Parameters<typeof meeting>[0]);
      const decision = await ask(id, person);
      expect(decision.status).toBe(status);
      if (status === 'GRANTED') expect(decision).toMatchObject({ basis: 'SUPPORT_MEETING', reference: id });
    });

    it('grants nothing without the header, or with another meeting named', async () => {
      const id = await meeting({});
      const other = await meeting({ members: [['k1', 'FULL']] });
      expect((await ask(null)).status).toBe('DENIED');
      expect((await ask(other)).status).toBe('DENIED');
      expect((await ask(id)).status).toBe('GRANTED');
    });

    it('holds a roster change from the very next request', async () => {
      const id = await meeting({});
      expect((await ask(id)).status).toBe('GRANTED');
      await store.dataSource.query(`DELETE FROM hub.meeting_member WHERE meeting_id = $1`, [id]);
      expect((await ask(id)).status).toBe('DENIED');
    });

    describe('and a 要対協 case (access rule 4)', () => {
      const decide = (meetingId: string | null, sector: (typeof SECTORS)[number], person = 'child', staff = 't1', org = 'T') =>
        policy.forRequest({ ...context(staff, org), meetingId }).decide(person, sector);
      const released = (d: Decision) => [d.status, d.basis, d.releasesYoutaikyo === true];

      it.each([
        ["an open 要対協 meeting the viewer sits on, about the child's 世帯", {}, 'child', ['GRANTED', 'SUPPORT_MEETING', true]],
        ['a child named alone', { households: [], persons: ['other'] }, 'other', ['GRANTED', 'SUPPORT_MEETING', true]],
        ['someone outside its subjects', {}, 'other', ['DENIED', null, false]],
        ['a closed one', { closed: true }, 'child', ['DENIED', null, false]],
        ['one the viewer is not on', { members: [['k1', 'FULL']] }, 'child', ['DENIED', null, false]],
        ['a submit-only member', { members: [['t1', 'SUBMIT_ONLY']] }, 'child', ['DENIED', null, false]],
      ] as const)('releases KODOMO, 要対協 cases included, through %s: %s', async (_, m, person, expected) => {
        const id = await meeting({ ...(m as Parameters<typeof meeting>[0]), kind: 'YOUTAIKYO' });
        expect(released(await decide(id, 'KODOMO', person))).toEqual(expected);
      });

      it('opens no other sector: its members see the rest only on another basis', async () => {
        const id = await meeting({ kind: 'YOUTAIKYO' });
        for (const sector of ['KAIGO', 'SHOGAI'] as const) expect((await decide(id, sector)).status).toBe('DENIED');
        // T holds KONKYU by now (the register test above): its own sector, not the meeting.
        expect((await decide(id, 'KONKYU')).basis).toBe('OWN_SECTOR');
      });

      it('releases a 要対協 case on OWN_SECTOR, and never on a 支援会議 or a consent', async () => {
        const shien = await meeting({});
        expect(released(await decide(shien, 'KODOMO'))).toEqual(['GRANTED', 'SUPPORT_MEETING', false]);
        await store.dataSource.query(`INSERT INTO hub.organisation VALUES ('KC', 'kodomo', '{KODOMO}') ON CONFLICT DO NOTHING`);
        await store.dataSource.query(`INSERT INTO hub.staff VALUES ('kc1', 'KC', 'z') ON CONFLICT DO NOTHING`);
        expect(released(await decide(null, 'KODOMO', 'child', 'kc1', 'KC'))).toEqual(['GRANTED', 'OWN_SECTOR', true]);
        await store.dataSource.query(`INSERT INTO hub.consent (id, person_id, sectors, recipient_orgs, valid_from, valid_until, status)
          VALUES ('cy', 'consented-child', '{KODOMO,KAIGO}', '{T}', now() - interval '1 day', now() + interval '1 day', 'ACTIVE')`);
        expect(released(await decide(null, 'KODOMO', 'consented-child'))).toEqual(['GRANTED', 'CONSENT', false]);
        // With the 要対協 meeting named, the meeting is the basis for KODOMO; consent still gives the other sectors.
        const youtaikyo = await meeting({ kind: 'YOUTAIKYO', households: [], persons: ['consented-child'] });
        expect(released(await decide(youtaikyo, 'KODOMO', 'consented-child'))).toEqual(['GRANTED', 'SUPPORT_MEETING', true]);
        expect(released(await decide(youtaikyo, 'KAIGO', 'consented-child'))).toEqual(['GRANTED', 'CONSENT', false]);
      });
    });
  });
});

describe('what a decision releases of the kodomo data', () => {
  const granted = (releasesYoutaikyo?: boolean): Decision => ({
    sector: 'KODOMO',
    status: 'GRANTED',
    basis: 'CONSENT',
    reference: 'c',
    ...(releasesYoutaikyo === undefined ? {} : { releasesYoutaikyo }),
  });
  const cases = [
    { id: 'a', youtaikyoRegistered: true },
    { id: 'b', youtaikyoRegistered: false },
    { id: 'c', youtaikyoRegistered: null },
  ];

  it('leaves out a 要対協 case, and one whose registration the source did not state, unless the decision releases them', () => {
    expect(releasedCases(cases, granted(true)).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(releasedCases(cases, granted(false)).map((c) => c.id)).toEqual(['b']);
    // Deny by default: a decision that does not say releases none.
    expect(releasedCases(cases, granted()).map((c) => c.id)).toEqual(['b']);
  });

  it("shows a child's guardians only beside a released case: a record with its only case withheld looks like no record", () => {
    const guardians = [{ name: '山田\u3000桃子', relation: '母', personId: '0000000002' }];
    expect(releasedProfile({ cases, guardians }, granted(false))).toEqual({ cases: [cases[1]], guardians });
    expect(releasedProfile({ cases: [cases[0]!], guardians }, granted(false))).toEqual({ cases: [], guardians: [] });
    expect(releasedProfile({ cases: [cases[0]!], guardians }, granted(true))).toEqual({ cases: [cases[0]], guardians });
  });

  it('does the same to the situation facts', () => {
    const facts = {
      periods: [],
      consultations: [],
      cases: [
        { openedOn: '2026-01-01', closedOn: null, open: true, youngCarer: true, youtaikyo: true },
        { openedOn: '2026-02-01', closedOn: null, open: true, youngCarer: false, youtaikyo: false },
        { openedOn: '2026-03-01', closedOn: null, open: true, youngCarer: false },
      ],
    };
    expect(releasedFacts(facts, granted(true))).toBe(facts);
    expect(releasedFacts(facts, granted(false)).cases.map((c) => c.openedOn)).toEqual(['2026-02-01']);
  });
});
