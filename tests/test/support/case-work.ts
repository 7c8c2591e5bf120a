import { graphql, token, type HubUnderTest } from './hub-under-test.js';

/** The demo register's staff as tokens, and a few steps of case work through the gateway, for the case tests. */
export interface Staff {
  sub: string;
  org: string;
  roles?: string[];
}
export const STAFF = {
  coord: { sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] },
  kaigo: { sub: 'kaigo-01', org: 'KAIGO-HOKATSU' },
  shogai: { sub: 'shogai-01', org: 'SHOGAI-SODAN' },
  kodomo: { sub: 'kodomo-01', org: 'KODOMO-CENTER' },
  konkyu: { sub: 'konkyu-01', org: 'KONKYU-SHAKYO' },
  minsei: { sub: 'minsei-01', org: 'MINSEI-IIN' },
  analyst: { sub: 'analyst-01', org: 'KIKAKU', roles: ['analyst'] },
  privacy: { sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] },
  admin: { sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] },
} as const satisfies Record<string, Staff>;

export type Answer<T> = { status: number; data?: T | null; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };

export class CaseClient {
  private readonly tokens = new Map<string, Promise<string>>();
  /** A meeting names at least one subject: the one a test's meetings name unless it says otherwise. */
  defaultSubjects: { persons?: string[]; households?: string[] } = {};
  constructor(private readonly t: HubUnderTest) {}

  token(who: Staff): Promise<string> {
    const key = `${who.sub}/${who.org}/${(who.roles ?? []).join(',')}`;
    if (!this.tokens.has(key)) this.tokens.set(key, token({ sub: who.sub, org: who.org, roles: [...(who.roles ?? [])] }));
    return this.tokens.get(key)!;
  }

  async ask<T = Record<string, any>>(
    who: Staff,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    return graphql<T>(this.t.url, query, { token: await this.token(who), variables, headers });
  }

  /** The answer's data, failing the test with the errors if there are any. */
  async ok<T = Record<string, any>>(
    who: Staff,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<T> {
    const answer = await this.ask<T>(who, query, variables, headers);
    if (answer.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(answer.errors)}`);
    return answer.data!;
  }

  /** The first error's code and field. */
  async refused(who: Staff, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const answer = await this.ask(who, query, variables, headers);
    return { code: answer.errors?.[0]?.extensions?.code, field: answer.errors?.[0]?.extensions?.field, message: answer.errors?.[0]?.message ?? '' };
  }

  async meeting(
    kind: 'SHIEN_KAIGI' | 'JUSOU_SHIEN_KAIGI',
    members: string[],
    subjects: { persons?: string[]; households?: string[] } = {},
  ): Promise<string> {
    const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    if ((subjects.persons ?? []).length + (subjects.households ?? []).length === 0) subjects = this.defaultSubjects;
    const data = await this.ok<{ openSupportMeeting: { id: string } }>(
      STAFF.coord,
      `mutation ($i: MeetingInput!) { openSupportMeeting(input: $i) { id } }`,
      {
        i: {
          kind,
          title: kind === 'SHIEN_KAIGI' ? '支援会議' : '重層的支援会議',
          subjectPersonIds: subjects.persons ?? [],
          subjectHouseholdIds: subjects.households ?? [],
          memberStaffIds: members,
          opensAt: hour(-1),
          closesAt: hour(3),
        },
      },
    );
    return data.openSupportMeeting.id;
  }

  async consent(
    personId: string,
    recipientOrgs: string[],
    sectors = ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'],
    givenBy: string | null = null,
  ): Promise<string> {
    const data = await this.ok<{ recordConsent: { id: string } }>(STAFF.coord, `mutation ($i: ConsentInput!) { recordConsent(input: $i) { id } }`, {
      i: {
        personId,
        sectors,
        recipientOrgs,
        purpose: '多機関協働 (相談受付申込票)',
        validFrom: '2026-01-01',
        validUntil: '2028-12-31',
        method: 'WRITTEN',
        givenBy,
        evidence: '申込票',
      },
    });
    return data.recordConsent.id;
  }

  async openCase(input: {
    route?: string;
    subjectPersonIds: string[];
    consentId?: string | null;
    withoutConsent?: boolean;
    referralId?: string | null;
    summary?: string;
  }): Promise<string> {
    const data = await this.ok<{ openCase: { id: string } }>(STAFF.coord, `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`, {
      i: { route: 'WINDOW', summary: '相談受付', ...input },
    });
    return data.openCase.id;
  }

  async assess(caseId: string, issues = ['FAMILY', 'POVERTY']): Promise<void> {
    await this.ok(STAFF.coord, `mutation ($c: ID!, $i: AssessmentInput!) { recordAssessment(caseId: $c, input: $i) { stage } }`, {
      c: caseId,
      i: { issues, summary: '状況を整理' },
    });
  }

  async plan(caseId: string, roles: { orgId: string; personId?: string | null; task: string }[], reviewOn = inDays(30)): Promise<void> {
    await this.ok(STAFF.coord, `mutation ($c: ID!, $i: PlanInput!) { proposePlan(caseId: $c, input: $i) { stage } }`, {
      c: caseId,
      i: { goals: ['生活の安定'], roles, reviewOn },
    });
  }

  async decide(
    meetingId: string,
    input: { caseId: string; kind: string; note?: string; leadOrgId?: string; personId?: string },
  ): Promise<Answer<{ recordDecision: { id: string } }>> {
    return this.ask(STAFF.coord, `mutation ($m: ID!, $i: DecisionInput!) { recordDecision(meetingId: $m, input: $i) { id kind } }`, {
      m: meetingId,
      i: input,
    });
  }

  async contact(
    who: Staff,
    caseId: string,
    input: { kind?: string; note?: string; personId?: string | null; at?: string },
    headers: Record<string, string> = {},
  ) {
    return this.ask<{ recordContact: { id: string } }>(
      who,
      `mutation ($c: ID!, $i: ContactInput!) { recordContact(caseId: $c, input: $i) { id } }`,
      {
        c: caseId,
        i: { at: new Date(Date.now() - 60_000).toISOString(), kind: 'VISIT', note: '訪問', ...input },
      },
      headers,
    );
  }
}

/** yyyy-mm-dd, n days from today in Japan. */
export function inDays(n: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}
