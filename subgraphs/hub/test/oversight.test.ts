// The oversight module through the hub subgraph's operations: the privacy officer's review of consents and meetings,
// each with the flags worth a look, and nobody else's.
import type { TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { PERSON, VIEWER, dataOf, hubFixture, refusal } from './support/hub-fixture.js';

const fixture = hubFixture();

const CONSENT_REVIEW = 'query ($flaggedOnly: Boolean) { consentReview(flaggedOnly: $flaggedOnly) { consent { id } recordedBy recordedByOrg flags } }';
const MEETING_REVIEW =
  'query ($flaggedOnly: Boolean) { meetingReview(flaggedOnly: $flaggedOnly) { meeting { id } convenedBy reason memberOrgs flags } }';
const RECORD = 'mutation ($input: ConsentInput!) { recordConsent(input: $input) { id } }';
const OPEN = 'mutation ($input: MeetingInput!) { openSupportMeeting(input: $input) { id } }';

const today = new Date().toISOString().slice(0, 10);
const hours = (n: number): string => new Date(Date.now() + n * 3_600_000).toISOString();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const run = async <T>(viewer: TestViewer, query: string, input: Record<string, unknown>) =>
    dataOf(await fixture.hub().run<T>(viewer, query, { input }));
  const consent = { personId: PERSON.adult, sectors: ['KONKYU'], purpose: '支援のため', validFrom: today, validUntil: today, method: 'WRITTEN' };
  ids['clean'] = (
    await run<{ recordConsent: { id: string } }>(VIEWER.konkyu, RECORD, { ...consent, recipientOrgs: ['KAIGO-HOKATSU'], evidence: '同意書 1' })
  ).recordConsent.id;
  // Recorded by the 困窮 desk for itself, with nothing to show for it.
  ids['flagged'] = (
    await run<{ recordConsent: { id: string } }>(VIEWER.konkyu, RECORD, { ...consent, recipientOrgs: ['KONKYU-SHAKYO'] })
  ).recordConsent.id;
  const meeting = { kind: 'SHIEN_KAIGI', title: '支援会議', subjectPersonIds: [PERSON.adult], opensAt: hours(-1), closesAt: hours(2) };
  ids['meeting'] = (
    await run<{ openSupportMeeting: { id: string } }>(VIEWER.coordinator, OPEN, {
      ...meeting,
      memberStaffIds: ['konkyu-1', 'shogai-1'],
      reason: '決定 1',
    })
  ).openSupportMeeting.id;
  // One organisation on the roster, the convenor among them, and no reason given.
  ids['lone'] = (
    await run<{ openSupportMeeting: { id: string } }>(VIEWER.coordinator, OPEN, { ...meeting, memberStaffIds: ['coord-1', 'po-1'] })
  ).openSupportMeeting.id;
});

describe('consentReview', () => {
  it('lists every consent to the privacy officer, each with its flags, and only the flagged ones when asked', async () => {
    const all = dataOf(
      await fixture.hub().run<{ consentReview: { consent: { id: string }; flags: string[] }[] }>(VIEWER.privacyOfficer, CONSENT_REVIEW),
    ).consentReview;
    expect(Object.fromEntries(all.map((e) => [e.consent.id, e.flags]))).toEqual({
      [ids['clean']!]: [],
      [ids['flagged']!]: ['SELF_RECIPIENT', 'NO_EVIDENCE'],
    });
    const flagged = dataOf(
      await fixture
        .hub()
        .run<{ consentReview: { consent: { id: string }; recordedBy: string }[] }>(VIEWER.privacyOfficer, CONSENT_REVIEW, { flaggedOnly: true }),
    ).consentReview;
    expect(flagged.map((e) => [e.consent.id, e.recordedBy])).toEqual([[ids['flagged'], 'konkyu-1']]);
  });
});

describe('meetingReview', () => {
  it('lists the meetings opened to the privacy officer, a single-organisation one without a reason flagged', async () => {
    const entries = dataOf(
      await fixture
        .hub()
        .run<{ meetingReview: { meeting: { id: string }; flags: string[]; memberOrgs: string[] }[] }>(VIEWER.privacyOfficer, MEETING_REVIEW),
    ).meetingReview;
    const byId = Object.fromEntries(entries.map((e) => [e.meeting.id, e]));
    expect(byId[ids['meeting']!]).toMatchObject({ flags: [], memberOrgs: ['KONKYU-SHAKYO', 'SHOGAI-KA'] });
    expect(byId[ids['lone']!]).toMatchObject({ flags: ['SINGLE_ORGANISATION', 'CONVENOR_MEMBER', 'NO_REASON'], memberOrgs: ['FUKUSHI-SOMU'] });
  });
});

describe('who reviews', () => {
  it('nobody but a privacy officer: not a coordinator, an admin, staff, nor a privacy officer acting as analyst', async () => {
    const analystOfficer = { ...VIEWER.privacyOfficer, roles: ['privacy_officer', 'analyst'] } satisfies TestViewer;
    for (const viewer of [VIEWER.coordinator, VIEWER.admin, VIEWER.konkyu, analystOfficer]) {
      expect(refusal(await fixture.hub().run(viewer, CONSENT_REVIEW))).toEqual({ code: 'FORBIDDEN' });
      expect(refusal(await fixture.hub().run(viewer, MEETING_REVIEW))).toEqual({ code: 'FORBIDDEN' });
    }
  });
});
