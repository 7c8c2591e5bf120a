import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import type { Planted } from '@welfare-hub/citygen';
import { ContextClients } from '../../console/src/apollo/client.js';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

const OPEN = `mutation ($i: MeetingInput!) { openSupportMeeting(input: $i) { id } }`;
const HOUSEHOLD = gql`
  query FrontEndHousehold($h: ID!) {
    household(id: $h) {
      id
      members {
        id
        shogai {
          certificates {
            type
          }
        }
        access {
          sector
          status
          basis
        }
      }
    }
  }
`;

interface Member {
  id: string;
  shogai: unknown;
  access: { sector: string; status: string; basis: string | null }[];
}
interface HouseholdAnswer {
  household: { id: string; members: Member[] };
}

describe('what front-ends get from the gateway (issue 17)', () => {
  let t: HubUnderTest;
  let eightyFifty: Planted;
  let subjectId: string;
  let meetingId: string;
  let kaigo: string;
  let coordinator: string;
  const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await startHubUnderTest(null);
    const planted = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'situations.json'), 'utf8')) as Planted[];
    eightyFifty = planted.find((p) => p.kind === 'EIGHTY_FIFTY' && Object.values(p.involvement).some((s) => (s as string[]).includes('SHOGAI')))!;
    subjectId = Object.entries(eightyFifty.involvement).find(([, s]) => (s as string[]).includes('SHOGAI'))![0];
    kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    coordinator = await token({ sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] });
    const opened = await graphql<{ openSupportMeeting: { id: string } }>(t.url, OPEN, {
      token: coordinator,
      variables: {
        i: {
          kind: 'SHIEN_KAIGI',
          title: '8050 支援会議',
          subjectHouseholdIds: [eightyFifty.setaiNo],
          memberStaffIds: ['kaigo-01', 'coord-01', 'minsei-01'],
          opensAt: hour(-1),
          closesAt: hour(2),
        },
      },
    });
    meetingId = opened.data!.openSupportMeeting.id;
  }, 180_000);
  afterAll(() => t.stop());

  describe('a meeting named in x-hub-meeting', () => {
    const ask = (who: string, meeting: string) =>
      graphql(
        t.url,
        `
          {
            me {
              staffId
            }
          }
        `,
        { token: who, headers: { 'x-hub-meeting': meeting, accept: 'application/graphql-response+json, application/json' } },
      );

    it('runs the request when the viewer is a full member and it is open', async () => {
      const answer = await ask(kaigo, meetingId);
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ me: { staffId: 'kaigo-01' } });
    });

    it('refuses a wrong id, a foreign meeting and a submit-only member alike, before anything runs', async () => {
      const wrong = await ask(kaigo, 'no-such-meeting');
      const foreign = await ask(await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' }), meetingId);
      const submitOnly = await ask(await token({ sub: 'minsei-01', org: 'MINSEI-IIN' }), meetingId);
      for (const answer of [wrong, foreign, submitOnly]) {
        expect(answer.status).toBe(403);
        expect(answer.data).toBeUndefined();
        expect(answer.errors).toEqual([
          { message: expect.stringContaining('x-hub-meeting'), extensions: { code: 'MEETING_CONTEXT_INVALID', reason: 'UNAVAILABLE' } },
        ]);
      }
      // The same bytes whether the meeting exists or not.
      expect(JSON.stringify(wrong.errors)).toBe(JSON.stringify(foreign.errors));
    });

    it('tells a member that a closed meeting is not open, and lists it only with includeClosed', async () => {
      const closing = await graphql<{ openSupportMeeting: { id: string } }>(t.url, OPEN, {
        token: coordinator,
        variables: {
          i: {
            kind: 'SHIEN_KAIGI',
            title: '閉じる会議',
            subjectPersonIds: [subjectId],
            memberStaffIds: ['kaigo-01'],
            opensAt: hour(-1),
            closesAt: hour(1),
          },
        },
      });
      const id = closing.data!.openSupportMeeting.id;
      const MINE = `query ($all: Boolean) { myMeetings(includeClosed: $all) { id title open } }`;
      const before = await graphql<{ myMeetings: { id: string; open: boolean }[] }>(t.url, MINE, { token: kaigo, variables: { all: false } });
      expect(before.data!.myMeetings.map((m) => m.id)).toEqual(expect.arrayContaining([id, meetingId]));
      await graphql(
        t.url,
        `
          mutation ($id: ID!) {
            closeSupportMeeting(id: $id) {
              id
            }
          }
        `,
        { token: coordinator, variables: { id } },
      );
      const answer = await ask(kaigo, id);
      expect(answer.status).toBe(403);
      expect(answer.errors?.[0]?.extensions).toEqual({ code: 'MEETING_CONTEXT_INVALID', reason: 'NOT_OPEN' });
      const open = await graphql<{ myMeetings: { id: string }[] }>(t.url, MINE, { token: kaigo, variables: { all: false } });
      expect(open.data!.myMeetings.map((m) => m.id)).not.toContain(id);
      const all = await graphql<{ myMeetings: { id: string; open: boolean }[] }>(t.url, MINE, { token: kaigo, variables: { all: true } });
      expect(all.data!.myMeetings.find((m) => m.id === id)).toMatchObject({ open: false });
      // Someone on no roster has no meetings; nor does an unregistered staff id.
      const none = await graphql<{ myMeetings: unknown[] }>(t.url, MINE, {
        token: await token({ sub: 'kodomo-01', org: 'KODOMO-CENTER' }),
        variables: { all: true },
      });
      expect(none.data!.myMeetings).toEqual([]);
    });
  });

  describe('answers that depend on the meeting are never served across contexts', () => {
    const shogaiOf = (answer: HouseholdAnswer) => answer.household.members.find((m) => m.id === subjectId)!;

    it('reproduces the hazard: one Apollo cache shared across contexts serves 支援会議-granted 障害 data to a later query without the meeting', async () => {
      const shared = new ApolloClient({
        link: new HttpLink({ uri: t.url, headers: { authorization: `Bearer ${kaigo}` } }),
        cache: new InMemoryCache(),
      });
      const inMeeting = await shared.query<HouseholdAnswer>({
        query: HOUSEHOLD,
        variables: { h: eightyFifty.setaiNo },
        context: { headers: { 'x-hub-meeting': meetingId } },
      });
      expect(shogaiOf(inMeeting.data!).shogai).not.toBeNull();
      const later = await shared.query<HouseholdAnswer>({ query: HOUSEHOLD, variables: { h: eightyFifty.setaiNo } });
      // The hazard: the hub would deny it now, but the cache answers with what the meeting granted.
      expect(shogaiOf(later.data!).shogai).not.toBeNull();
      expect(shogaiOf(later.data!).access.find((a) => a.sector === 'SHOGAI')).toMatchObject({ status: 'GRANTED', basis: 'SUPPORT_MEETING' });
      shared.stop();
    });

    it("is gone with the console's clients: one cache per context, so leaving the meeting asks the hub again", async () => {
      const clients = new ContextClients(t.url);
      const context = { token: kaigo, staffId: 'kaigo-01' };
      const inMeeting = await clients
        .clientFor({ ...context, meetingId })
        .query<HouseholdAnswer>({ query: HOUSEHOLD, variables: { h: eightyFifty.setaiNo } });
      expect(shogaiOf(inMeeting.data!).shogai).not.toBeNull();
      const left = await clients
        .clientFor({ ...context, meetingId: null })
        .query<HouseholdAnswer>({ query: HOUSEHOLD, variables: { h: eightyFifty.setaiNo } });
      expect(shogaiOf(left.data!).shogai).toBeNull();
      expect(shogaiOf(left.data!).access.find((a) => a.sector === 'SHOGAI')).toMatchObject({ status: 'DENIED', basis: null });
      // Back in the meeting: asked afresh too (the meeting's cache was dropped when it was left).
      const again = await clients
        .clientFor({ ...context, meetingId })
        .query<HouseholdAnswer>({ query: HOUSEHOLD, variables: { h: eightyFifty.setaiNo } });
      expect(shogaiOf(again.data!).shogai).not.toBeNull();
      clients.clientFor({ ...context, meetingId: null }).stop();
    });

    it('says so in the headers of every answer', async () => {
      const response = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${kaigo}`, 'x-hub-meeting': meetingId },
        body: JSON.stringify({ query: `{ me { staffId } }` }),
      });
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('vary')?.split(/\s*,\s*/)).toEqual(expect.arrayContaining(['authorization', 'x-hub-meeting', 'x-hub-case']));
    });
  });

  describe('searchPersonsConnection', () => {
    const PAGE = `query ($k: String, $after: String, $first: Int) { searchPersonsConnection(nameKana: $k, first: $first, after: $after) {
      edges { cursor node { id nameKana } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`;
    type Page = {
      searchPersonsConnection: {
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      };
    };

    it("pages through every match in searchPersons' order, without loss or repeat, and the old field stays", async () => {
      // The commonest first letter of a reading among a few, so that there are several pages of 3.
      const counts = await Promise.all(
        [...'アイカサタナハマヤ'].map(async (k) => ({
          k,
          n: (await graphql<{ searchPersons: unknown[] }>(t.url, `{ searchPersons(nameKana: "${k}", limit: 100) { id } }`, { token: kaigo })).data!
            .searchPersons.length,
        })),
      );
      const prefix = counts.sort((a, b) => b.n - a.n)[0]!.k;
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const answer: Awaited<ReturnType<typeof graphql<Page>>> = await graphql<Page>(t.url, PAGE, {
          token: kaigo,
          variables: { k: prefix, first: 3, after },
        });
        expect(answer.errors).toBeUndefined();
        const page = answer.data!.searchPersonsConnection;
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.edges.map((e) => e.node.id));
        pages++;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      const old = await graphql<{ searchPersons: { id: string }[] }>(t.url, `{ searchPersons(nameKana: "${prefix}", limit: 100) { id } }`, {
        token: kaigo,
      });
      const oldIds = old.data!.searchPersons.map((p) => p.id);
      expect(seen.slice(0, oldIds.length)).toEqual(oldIds);
      if (oldIds.length < 100) expect(seen).toEqual(oldIds);
      expect(pages).toBeGreaterThan(1);
    });

    it('refuses a forged cursor and a page size out of bounds with BAD_USER_INPUT naming the argument', async () => {
      for (const [variables, field] of [
        [{ k: 'ア', after: 'bm90IGEgY3Vyc29y' }, 'after'],
        [{ k: 'ア', after: Buffer.from(JSON.stringify([1, "0' OR '1'='1"])).toString('base64url') }, 'after'],
        [{ k: 'ア', first: 0 }, 'first'],
        [{ k: 'ア', first: 101 }, 'first'],
      ] as const) {
        const answer = await graphql(t.url, PAGE, { token: kaigo, variables });
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    });

    it('gives an analyst and an unregistered viewer an empty page, like searchPersons', async () => {
      for (const who of [
        await token({ sub: 'analyst-01', org: 'KIKAKU', roles: ['analyst'] }),
        await token({ sub: 'ghost', org: 'KAIGO-HOKATSU' }),
      ]) {
        const answer = await graphql<Page>(t.url, PAGE, { token: who, variables: { k: 'ア', first: 5 } });
        expect(answer.data!.searchPersonsConnection).toEqual({
          edges: [],
          pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null, startCursor: null },
        });
      }
    });
  });

  it("re-processes the registry's rejected records for an admin only", async () => {
    const REPROCESS = `mutation ($s: SourceName!) { reprocessRejected(source: $s) { source resolved stillRejected } }`;
    const admin = await token({ sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] });
    const done = await graphql<{ reprocessRejected: { source: string; resolved: number; stillRejected: number } }>(t.url, REPROCESS, {
      token: admin,
      variables: { s: 'JUKI' },
    });
    expect(done.errors).toBeUndefined();
    expect(done.data!.reprocessRejected.source).toBe('JUKI');
    expect(done.data!.reprocessRejected.resolved).toBe(0);
    expect((await graphql(t.url, REPROCESS, { token: kaigo, variables: { s: 'JUKI' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graphql(t.url, REPROCESS, { token: admin, variables: { s: 'SHOGAI' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'source',
    });
  });

  it("shows a source's reads and rejected records to an admin, and to the staff of the sector that owns it (that source only)", async () => {
    const READS = `query ($s: SourceName) { sourceReads(source: $s, limit: 5) { source state } rejectedRecords(source: $s, limit: 5) { source reason field } }`;
    const shogai = await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' });
    const own = await graphql<{ sourceReads: { source: string }[] }>(t.url, READS, { token: shogai, variables: { s: 'SHOGAI' } });
    expect(own.errors).toBeUndefined();
    expect(own.data!.sourceReads.length).toBeGreaterThan(0);
    for (const s of own.data!.sourceReads) expect(s.source).toBe('SHOGAI');
    const analyst = await token({ sub: 'analyst-01', org: 'KIKAKU', roles: ['analyst'] });
    for (const [who, source] of [
      [shogai, 'KAIGO'],
      [shogai, 'JUKI'],
      [shogai, null],
      [kaigo, 'SHOGAI'],
      [analyst, 'SHOGAI'],
    ] as const) {
      const answer = await graphql(t.url, READS, { token: who, variables: { s: source } });
      expect(answer.data).toBeNull();
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors!) expect(error.extensions?.code).toBe('FORBIDDEN');
    }
    const admin = await graphql<{ sourceReads: unknown[] }>(t.url, READS, {
      token: await token({ sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] }),
      variables: { s: null },
    });
    expect(admin.errors).toBeUndefined();
  });

  it("serves the built console at / on the gateway's port, same origin as /graphql", async () => {
    const page = await fetch(t.url.replace(/\/graphql$/, '/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
  });
});
