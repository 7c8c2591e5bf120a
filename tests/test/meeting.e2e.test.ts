import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Planted } from '@welfare-hub/citygen';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

const OPEN = `mutation ($i: MeetingInput!) { openSupportMeeting(input: $i) { id kind open memberStaffIds subjectHouseholdIds } }`;
const HOUSEHOLD = `query ($h: ID!) { household(id: $h) { members { id konkyu { consultations { id } } shogai { certificates { type } }
  access { sector status basis reference } } } }`;

interface Member {
  id: string;
  konkyu: unknown;
  shogai: unknown;
  access: { sector: string; status: string; basis: string | null; reference: string | null }[];
}

describe('a 支援会議 through the gateway', () => {
  let t: HubUnderTest;
  let eightyFifty: Planted;
  beforeAll(async () => {
    t = await startHubUnderTest(null);
    const planted = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'situations.json'), 'utf8')) as Planted[];
    eightyFifty = planted.find((p) => p.kind === 'EIGHTY_FIFTY')!;
  }, 120_000);
  afterAll(() => t.stop());

  const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  it('lets its members see the subject household across sectors while it is open, and no longer', async () => {
    const coordinator = await token({ sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] });
    const opened = await graphql<{ openSupportMeeting: { id: string; open: boolean } }>(t.url, OPEN, {
      token: coordinator,
      variables: {
        i: {
          kind: 'SHIEN_KAIGI',
          title: '8050世帯 支援会議',
          subjectHouseholdIds: [eightyFifty.setaiNo],
          memberStaffIds: ['kaigo-01', 'coord-01'],
          opensAt: hour(-1),
          closesAt: hour(2),
        },
      },
    });
    expect(opened.errors).toBeUndefined();
    const meetingId = opened.data!.openSupportMeeting.id;
    expect(opened.data!.openSupportMeeting.open).toBe(true);

    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    const ask = (headers: Record<string, string>) =>
      graphql<{ household: { members: Member[] } }>(t.url, HOUSEHOLD, { token: kaigo, variables: { h: eightyFifty.setaiNo }, headers });
    const sonId = Object.entries(eightyFifty.involvement).find(([, s]) => (s as string[]).includes('KONKYU'))![0];

    const without = (await ask({})).data!.household.members.find((m) => m.id === sonId)!;
    expect(without.konkyu).toBeNull();

    const within = (await ask({ 'x-hub-meeting': meetingId })).data!.household.members.find((m) => m.id === sonId)!;
    expect(within.konkyu).not.toBeNull();
    expect(within.shogai).not.toBeNull();
    expect(within.access.find((a) => a.sector === 'KONKYU')).toEqual({
      sector: 'KONKYU',
      status: 'GRANTED',
      basis: 'SUPPORT_MEETING',
      reference: meetingId,
    });
    expect(within.access.find((a) => a.sector === 'KAIGO')).toMatchObject({ basis: 'OWN_SECTOR' });

    // Someone not on the roster who names the meeting is refused whole (issue 17), as for a meeting that does not exist.
    const outsider = await graphql<{ household: { members: Member[] } }>(t.url, HOUSEHOLD, {
      token: await token({ sub: 'kodomo-01', org: 'KODOMO-CENTER' }),
      variables: { h: eightyFifty.setaiNo },
      headers: { 'x-hub-meeting': meetingId },
    });
    expect(outsider.status).toBe(403);
    expect(outsider.data).toBeUndefined();
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'MEETING_CONTEXT_INVALID', reason: 'UNAVAILABLE' });

    const closed = await graphql(
      t.url,
      `
        mutation ($id: ID!) {
          closeSupportMeeting(id: $id) {
            open
          }
        }
      `,
      { token: coordinator, variables: { id: meetingId } },
    );
    expect(closed.data).toEqual({ closeSupportMeeting: { open: false } });
    const afterClose = await ask({ 'x-hub-meeting': meetingId });
    expect(afterClose.data).toBeUndefined();
    expect(afterClose.errors?.[0]?.extensions).toMatchObject({ code: 'MEETING_CONTEXT_INVALID', reason: 'NOT_OPEN' });
    expect((await ask({})).data!.household.members.find((m) => m.id === sonId)!.konkyu).toBeNull();
  });

  it('is opened by coordinators only, with registered members and subjects', async () => {
    const input = {
      kind: 'SHIEN_KAIGI',
      title: 't',
      subjectPersonIds: ['0000000001'],
      memberStaffIds: ['kaigo-01'],
      opensAt: hour(0),
      closesAt: hour(1),
    };
    const notCoordinator = await graphql(t.url, OPEN, { token: await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }), variables: { i: input } });
    expect(notCoordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const coordinator = await token({ sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] });
    const unknownMember = await graphql(t.url, OPEN, { token: coordinator, variables: { i: { ...input, memberStaffIds: ['ghost'] } } });
    expect(unknownMember.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberStaffIds' });
    const backwards = await graphql(t.url, OPEN, { token: coordinator, variables: { i: { ...input, closesAt: hour(-1) } } });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closesAt' });
  });

  it('takes members from outside welfare as submit-only: they record concerns, full members read them, roster changes hold at once', async () => {
    const coordinator = await token({ sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] });
    const opened = await graphql<{ openSupportMeeting: { id: string; members: { staffId: string; role: string }[] } }>(
      t.url,
      `
        mutation ($i: MeetingInput!) {
          openSupportMeeting(input: $i) {
            id
            members {
              staffId
              orgId
              role
            }
          }
        }
      `,
      {
        token: coordinator,
        variables: {
          i: {
            kind: 'SHIEN_KAIGI',
            title: '見守り',
            subjectHouseholdIds: [eightyFifty.setaiNo],
            memberStaffIds: ['kaigo-01', 'minsei-01'],
            opensAt: hour(-1),
            closesAt: hour(2),
          },
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const meetingId = opened.data!.openSupportMeeting.id;
    expect(opened.data!.openSupportMeeting.members).toEqual([
      { staffId: 'kaigo-01', orgId: 'KAIGO-HOKATSU', role: 'FULL' },
      { staffId: 'minsei-01', orgId: 'MINSEI-IIN', role: 'SUBMIT_ONLY' },
    ]);
    const sonId = Object.entries(eightyFifty.involvement).find(([, s]) => (s as string[]).includes('KONKYU'))![0];
    const minsei = await token({ sub: 'minsei-01', org: 'MINSEI-IIN' });
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    const headers = { 'x-hub-meeting': meetingId };

    const concern = await graphql<{ recordConcern: { id: string; sourceStaffId: string; sourceOrgId: string } }>(
      t.url,
      `
        mutation ($i: ConcernInput!) {
          recordConcern(input: $i) {
            id
            sourceStaffId
            sourceOrgId
          }
        }
      `,
      { token: minsei, variables: { i: { meetingId, personId: sonId, note: '新聞が三日分たまっている' } } },
    );
    expect(concern.data!.recordConcern).toMatchObject({ sourceStaffId: 'minsei-01', sourceOrgId: 'MINSEI-IIN' });

    // The submit-only member reads nothing: naming the meeting, the request is refused whole (issue 17); not the meeting,
    // not the concerns (and, outside welfare, no resident's identity either).
    const asMinsei = await graphql<{ household: { members: Member[] } }>(t.url, HOUSEHOLD, {
      token: minsei,
      variables: { h: eightyFifty.setaiNo },
      headers,
    });
    expect(asMinsei.data).toBeUndefined();
    expect(asMinsei.errors?.[0]?.extensions).toMatchObject({ code: 'MEETING_CONTEXT_INVALID', reason: 'UNAVAILABLE' });
    const MEETING = `query ($id: ID!) { supportMeeting(id: $id) { id concerns { note personId sourceStaffId } } }`;
    expect((await graphql(t.url, MEETING, { token: minsei, variables: { id: meetingId } })).data).toEqual({ supportMeeting: null });

    // A full member reads the concern with its source.
    const asKaigo = await graphql<{ supportMeeting: { concerns: unknown[] } }>(t.url, MEETING, { token: kaigo, variables: { id: meetingId } });
    expect(asKaigo.data!.supportMeeting.concerns).toEqual([{ note: '新聞が三日分たまっている', personId: sonId, sourceStaffId: 'minsei-01' }]);

    // Someone not on the roster cannot record one, and learns nothing about the meeting.
    const stranger = await graphql(
      t.url,
      `
        mutation ($i: ConcernInput!) {
          recordConcern(input: $i) {
            id
          }
        }
      `,
      {
        token: await token({ sub: 'kodomo-01', org: 'KODOMO-CENTER' }),
        variables: { i: { meetingId, personId: sonId, note: 'x' } },
      },
    );
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Roster changes: kaigo-01 removed loses the basis at the next request; minsei-01 made FULL reads the concerns, but
    // still no resident: a meeting's roster does not bring an organisation outside welfare inside it. A viewer no longer
    // (or not) a full member who names the meeting is refused: undefined here, no data at all.
    const konkyuOf = async (who: string) =>
      (
        await graphql<{ household: { members: Member[] } }>(t.url, HOUSEHOLD, { token: who, variables: { h: eightyFifty.setaiNo }, headers })
      ).data?.household.members.find((m) => m.id === sonId)!.konkyu;
    expect(await konkyuOf(kaigo)).not.toBeNull();
    const removed = await graphql(
      t.url,
      `
        mutation ($m: ID!, $s: ID!) {
          removeMeetingMember(meetingId: $m, staffId: $s) {
            memberStaffIds
          }
        }
      `,
      {
        token: coordinator,
        variables: { m: meetingId, s: 'kaigo-01' },
      },
    );
    expect(removed.data).toEqual({ removeMeetingMember: { memberStaffIds: ['minsei-01'] } });
    expect(await konkyuOf(kaigo)).toBeUndefined();
    const promoted = await graphql(
      t.url,
      `
        mutation ($m: ID!, $s: ID!) {
          setMeetingMember(meetingId: $m, staffId: $s, role: FULL) {
            members {
              staffId
              role
            }
          }
        }
      `,
      {
        token: coordinator,
        variables: { m: meetingId, s: 'minsei-01' },
      },
    );
    expect(promoted.data).toEqual({ setMeetingMember: { members: [{ staffId: 'minsei-01', role: 'FULL' }] } });
    const promotedReads = await graphql<{ supportMeeting: { concerns: unknown[] } }>(t.url, MEETING, { token: minsei, variables: { id: meetingId } });
    expect(promotedReads.data!.supportMeeting.concerns).toHaveLength(1);
    expect((await graphql(t.url, HOUSEHOLD, { token: minsei, variables: { h: eightyFifty.setaiNo }, headers })).data).toEqual({ household: null });
  });
});
