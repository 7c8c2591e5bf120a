// The meeting module through the hub subgraph's operations: a coordinator opens and closes a 支援会議, the roster
// decides who sees it (a submit-only member and an outsider get what a meeting that does not exist gets), members
// record 気になる情報 that only full members read, and the meeting's basis holds while it is open.
import type { TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { PERSON, VIEWER, dataOf, hubFixture, refusal } from './support/hub-fixture.js';

const fixture = hubFixture();

const MEETING =
  'id kind title open closedAt convenedBy subjectPersonIds memberStaffIds members { staffId orgId role } concerns { note sourceStaffId }';
const OPEN = `mutation ($input: MeetingInput!) { openSupportMeeting(input: $input) { ${MEETING} } }`;
const CLOSE = `mutation ($id: ID!) { closeSupportMeeting(id: $id) { ${MEETING} } }`;
const READ = `query ($id: ID!) { supportMeeting(id: $id) { ${MEETING} } }`;
const CONCERN = `mutation ($input: ConcernInput!) { recordConcern(input: $input) { note sourceStaffId sourceOrgId } }`;
const REMOVE = `mutation ($m: ID!, $s: ID!) { removeMeetingMember(meetingId: $m, staffId: $s) { memberStaffIds } }`;

interface Meeting {
  id: string;
  open: boolean;
  closedAt: string | null;
  members: { staffId: string; role: string }[];
  concerns: { note: string; sourceStaffId: string }[];
}

const hours = (n: number): string => new Date(Date.now() + n * 3_600_000).toISOString();
/** A 支援会議 about the adult: the 困窮 and 障害 desks and the 民生委員 on its roster. */
const input = (overrides: Record<string, unknown> = {}) => ({
  kind: 'SHIEN_KAIGI',
  title: '支援会議（中央地区）',
  subjectPersonIds: [PERSON.adult],
  memberStaffIds: ['konkyu-1', 'shogai-1', 'minsei-1'],
  opensAt: hours(-1),
  closesAt: hours(24),
  reason: '支援会議の決定 2026-14',
  ...overrides,
});
async function open(overrides: Record<string, unknown> = {}): Promise<Meeting> {
  return dataOf(await fixture.hub().run<{ openSupportMeeting: Meeting }>(VIEWER.coordinator, OPEN, { input: input(overrides) })).openSupportMeeting;
}
const read = async (viewer: TestViewer, id: string): Promise<Meeting | null> =>
  dataOf(await fixture.hub().run<{ supportMeeting: Meeting | null }>(viewer, READ, { id })).supportMeeting;
const concern = (viewer: TestViewer, meetingId: string, note: string) =>
  fixture.hub().run(viewer, CONCERN, { input: { meetingId, personId: PERSON.adult, note } });
/** The viewer's access to the adult's 介護 records, naming the meeting as the gateway's x-hub-meeting would. */
const kaigoAccess = async (viewer: TestViewer, meetingId: string) => {
  const result = await fixture
    .hub()
    .entities({ ...viewer, meetingId }, [{ __typename: 'Person', id: PERSON.adult }], '... on Person { access { sector status basis reference } }');
  return (dataOf(result)._entities[0] as { access: { sector: string }[] }).access.find((a) => a.sector === 'KAIGO');
};

describe('openSupportMeeting', () => {
  it('opens a meeting for a coordinator, staff outside welfare on its roster as SUBMIT_ONLY, everyone else FULL', async () => {
    const meeting = await open();
    expect(meeting).toMatchObject({ kind: 'SHIEN_KAIGI', open: true, closedAt: null, convenedBy: 'coord-1', subjectPersonIds: [PERSON.adult] });
    expect(meeting.members.map((m) => [m.staffId, m.role]).sort()).toEqual([
      ['konkyu-1', 'FULL'],
      ['minsei-1', 'SUBMIT_ONLY'],
      ['shogai-1', 'FULL'],
    ]);
  });

  it('is refused to anyone without the coordinator role', async () => {
    expect(refusal(await fixture.hub().run(VIEWER.konkyu, OPEN, { input: input() }))).toEqual({ code: 'FORBIDDEN' });
    expect(refusal(await fixture.hub().run(VIEWER.admin, OPEN, { input: input() }))).toEqual({ code: 'FORBIDDEN' });
  });

  it('refuses a meeting without subjects, with a member not registered, or closing before it opens', async () => {
    const refused = async (overrides: Record<string, unknown>) =>
      refusal(await fixture.hub().run(VIEWER.coordinator, OPEN, { input: input(overrides) }));
    expect(await refused({ subjectPersonIds: [] })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.subjectPersonIds' });
    expect(await refused({ memberStaffIds: ['konkyu-1', 'nobody'] })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberStaffIds' });
    expect(await refused({ opensAt: hours(2), closesAt: hours(1) })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.closesAt' });
  });
});

describe('supportMeeting: only members see it', () => {
  let id: string;
  beforeAll(async () => {
    id = (await open()).id;
  });

  it('a FULL member and the coordinator read it', async () => {
    expect(await read(VIEWER.konkyu, id)).toMatchObject({ id, open: true });
    expect(await read(VIEWER.coordinator, id)).toMatchObject({ id });
  });

  it('a SUBMIT_ONLY member, staff not on the roster and an unregistered token get null, as for an id no meeting has', async () => {
    expect(await read(VIEWER.minsei, id)).toBeNull();
    expect(await read(VIEWER.kaigo, id)).toBeNull();
    expect(await read(VIEWER.unregistered, id)).toBeNull();
    expect(await read(VIEWER.konkyu, 'no-such-meeting')).toBeNull();
  });

  it('a member removed from the roster no longer sees it', async () => {
    const { id: other } = await open();
    expect(await read(VIEWER.shogai, other)).not.toBeNull();
    expect(
      dataOf(await fixture.hub().run<{ removeMeetingMember: { memberStaffIds: string[] } }>(VIEWER.coordinator, REMOVE, { m: other, s: 'shogai-1' }))
        .removeMeetingMember.memberStaffIds,
    ).not.toContain('shogai-1');
    expect(await read(VIEWER.shogai, other)).toBeNull();
  });
});

describe('concerns (気になる情報)', () => {
  it('any member records one, the submit-only member included; full members read them, kept with their source', async () => {
    const { id } = await open();
    expect(dataOf(await concern(VIEWER.minsei, id, '新聞がたまっている'))).toEqual({
      recordConcern: { note: '新聞がたまっている', sourceStaffId: 'minsei-1', sourceOrgId: 'MINSEI' },
    });
    expect((await read(VIEWER.shogai, id))!.concerns).toEqual([{ note: '新聞がたまっている', sourceStaffId: 'minsei-1' }]);
    // The coordinator sees the meeting, but is not a member: no concerns.
    expect((await read(VIEWER.coordinator, id))!.concerns).toEqual([]);
  });

  it('is refused to staff not on the roster with the answer a meeting that does not exist gets', async () => {
    const { id } = await open();
    expect(refusal(await concern(VIEWER.kaigo, id, '気になる'))).toEqual({ code: 'FORBIDDEN' });
    expect(refusal(await concern(VIEWER.kaigo, 'no-such-meeting', '気になる'))).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('closeSupportMeeting, and the meeting as a basis', () => {
  it("a FULL member sees the subject's other sectors on the meeting while it is open, and not once it is closed", async () => {
    const { id } = await open();
    expect(await kaigoAccess(VIEWER.konkyu, id)).toEqual({ sector: 'KAIGO', status: 'GRANTED', basis: 'SUPPORT_MEETING', reference: id });
    // A submit-only member reads nothing on it.
    expect(await kaigoAccess(VIEWER.minsei, id)).toMatchObject({ status: 'DENIED' });

    expect(refusal(await fixture.hub().run(VIEWER.konkyu, CLOSE, { id }))).toEqual({ code: 'FORBIDDEN' });
    const closed = dataOf(await fixture.hub().run<{ closeSupportMeeting: Meeting }>(VIEWER.coordinator, CLOSE, { id })).closeSupportMeeting;
    expect(closed.open).toBe(false);
    expect(closed.closedAt).not.toBeNull();

    expect(await kaigoAccess(VIEWER.konkyu, id)).toMatchObject({ status: 'DENIED', basis: null });
    expect(refusal(await concern(VIEWER.konkyu, id, '後から'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.meetingId' });
  });

  it('a meeting not yet open grants nothing', async () => {
    const { id } = await open({ opensAt: hours(1), closesAt: hours(2) });
    expect(await kaigoAccess(VIEWER.konkyu, id)).toMatchObject({ status: 'DENIED' });
  });

  it('refuses to close an id no meeting has', async () => {
    expect(refusal(await fixture.hub().run(VIEWER.coordinator, CLOSE, { id: 'no-such-meeting' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
