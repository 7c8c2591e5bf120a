/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Planted } from '@welfare-hub/citygen';
import { join } from 'node:path';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';
import { startFakeIdp, type FakeIdp } from './support/fake-idp.js';
import { CaseClient } from './support/case-work.js';
import {
  axe,
  chromiumInstalled,
  CHROMIUM,
  launchChromium,
  screenshot,
  seriousOrCritical,
  unreachableByKeyboard,
  watchProblems,
  writeArtifact,
  type AxeSummary,
} from './support/browser.js';

// The console in a real browser (Debian's Chromium driven by playwright-core) against the hub on the demo city.
// Without Chromium (a fresh machine; .ci/run installs it) the suite says so and runs nothing.
const describeInBrowser = chromiumInstalled() ? describe : describe.skip;
if (!chromiumInstalled())
  console.warn(`console browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-ipafont-gothic)`);

interface Claims {
  sub: string;
  org: string;
  roles?: string[];
}
const KAIGO: Claims = { sub: 'kaigo-01', org: 'KAIGO-HOKATSU' };
const COORDINATOR: Claims = { sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] };
const SHOGAI: Claims = { sub: 'shogai-01', org: 'SHOGAI-SODAN' };
const PRIVACY: Claims = { sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] };
const ADMIN: Claims = { sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] };
const ANALYST: Claims = { sub: 'analyst-01', org: 'KIKAKU', roles: ['analyst'] };

/** A browser step takes seconds, not jest's default 5. */
const step = (name: string, fn: () => Promise<void>): void => it(name, fn, 120_000);

describeInBrowser('the console in a browser', () => {
  let t: HubUnderTest;
  let idp: FakeIdp;
  let browser: Browser;
  let base: string;
  let household: { id: string; subject: { id: string; name: string; kana: string } };
  let meeting: { id: string; title: string };
  let childId: string;
  /** A case of the 多機関協働 team in PLANNING, with a plan role for the 地域包括 about its subject, and an open 重層的支援会議. */
  let work: { caseId: string; subject: { id: string; name: string }; jusouMeetingId: string };
  const axeResults: AxeSummary[] = [];
  const measurements: Record<string, unknown> = {};
  const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  beforeAll(async () => {
    // The municipality's identity provider (a stand-in): the console signs in through it, the gateway verifies its tokens.
    idp = await startFakeIdp(KAIGO);
    t = await startHubUnderTest(null, {
      HUB_OIDC_ISSUER: idp.issuer,
      HUB_OIDC_CLIENT_ID: idp.clientId,
      // Issuer and audience are left unchecked here: the gateway would ask them of the pasted demo tokens as well.
      HUB_JWKS_URL: idp.jwksUrl,
    });
    base = t.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
    const planted = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'situations.json'), 'utf8')) as Planted[];
    const eightyFifty = planted.find(
      (p) => p.kind === 'EIGHTY_FIFTY' && Object.values(p.involvement).some((s) => (s as string[]).includes('SHOGAI')),
    )!;
    const subjectId = Object.entries(eightyFifty.involvement).find(([, s]) => (s as string[]).includes('SHOGAI'))![0];
    const person = await graphql<{ person: { name: string; nameKana: string } }>(
      t.url,
      `
        query ($id: ID!) {
          person(id: $id) {
            name
            nameKana
          }
        }
      `,
      {
        token: await token(KAIGO),
        variables: { id: subjectId },
      },
    );
    household = { id: eightyFifty.setaiNo, subject: { id: subjectId, name: person.data!.person.name, kana: person.data!.person.nameKana } };
    const doubleCare = planted.find((p) => p.kind === 'DOUBLE_CARE')!;
    const members = await graphql<{ household: { members: { id: string; age: number; name: string }[] } }>(
      t.url,
      `
        query ($h: ID!) {
          household(id: $h) {
            members {
              id
              age
              name
            }
          }
        }
      `,
      {
        token: await token(KAIGO),
        variables: { h: doubleCare.setaiNo },
      },
    );
    childId = members.data!.household.members.find((m) => m.age < 15)!.id;
    meeting = { id: '', title: '8050世帯の支援会議' };
    const opened = await graphql<{ openSupportMeeting: { id: string } }>(
      t.url,
      `
        mutation ($i: MeetingInput!) {
          openSupportMeeting(input: $i) {
            id
          }
        }
      `,
      {
        token: await token(COORDINATOR),
        variables: {
          i: {
            kind: 'SHIEN_KAIGI',
            title: meeting.title,
            subjectHouseholdIds: [household.id],
            memberStaffIds: ['kaigo-01', 'coord-01'],
            opensAt: hour(-1),
            closesAt: hour(3),
          },
        },
      },
    );
    meeting.id = opened.data!.openSupportMeeting.id;

    // Case work (cases.md) on the double-care household's adult: consent on the 申込票 (to the team alone, so that no
    // sector opens to anyone else), an assessment, a plan giving the 地域包括 a role for that member, and a 重層的支援会議.
    const adult = members.data!.household.members.find((m) => m.age >= 18)!;
    const cases = new CaseClient(t);
    const consentId = await cases.consent(adult.id, ['JUSOU-SUISHIN'], ['KONKYU']);
    const caseId = await cases.openCase({
      subjectPersonIds: [adult.id],
      consentId,
      summary: '子育てと親の介護が重なり、負担が大きいとの相談（窓口）',
    });
    await cases.assess(caseId);
    await cases.plan(caseId, [
      { orgId: 'KAIGO-HOKATSU', personId: adult.id, task: '親の介護サービスの調整' },
      { orgId: 'JUSOU-SUISHIN', task: '全体の調整と見守り' },
    ]);
    const jusouMeetingId = await cases.meeting('JUSOU_SHIEN_KAIGI', ['coord-01'], { persons: [adult.id] });
    await cases.ok(COORDINATOR, `mutation ($i: HostInput!) { registerHost(input: $i) { id } }`, {
      i: { id: 'IBASHO-CAFE', name: '地域の居場所カフェ', offers: ['居場所', '軽作業'] },
    });
    work = { caseId, subject: { id: adult.id, name: adult.name }, jusouMeetingId };
    // つなぎ: the 地域包括 refers the 8050 household's son to the team; the coordinator opens a case from it in the browser.
    await cases.ok(KAIGO, `mutation ($i: ReferralInput!) { refer(input: $i) { id } }`, {
      i: { subjectPersonIds: [household.subject.id], toOrgId: 'JUSOU-SUISHIN', reason: '親の介護の訪問で、ひきこもりの息子がいると分かった' },
    });
  }, 180_000);

  afterAll(async () => {
    writeArtifact('axe.json', axeResults);
    writeArtifact('measurements.json', measurements);
    await browser?.close();
    await t?.stop();
    await idp?.close();
  });

  /** A fresh browser context (nothing kept from another user) signed in by pasting a token, as a demo user does. */
  async function signIn(claims: Claims): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(base + '/');
    await page.getByLabel('アクセストークン').fill(await token(claims, { expiresIn: '30m' }));
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    await page.getByRole('navigation', { name: '画面' }).waitFor();
    return { context, page, problems };
  }

  /** Every screen: axe with no serious or critical violation, every control reachable by Tab, a screenshot. */
  async function check(page: Page, screen: string): Promise<void> {
    await screenshot(page, screen);
    const summary = await axe(page, screen);
    axeResults.push(summary);
    expect(seriousOrCritical(summary)).toEqual([]);
    expect(await unreachableByKeyboard(page)).toEqual([]);
  }

  const cellsOf = (page: Page, name: string) =>
    page
      .getByRole('region', { name: '世帯', exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
      .getByRole('cell');
  // Columns after the name: 続柄, 年齢, 介護, 障害, 子ども, 困窮.
  const SHOGAI_CELL = 3;
  const KAIGO_CELL = 2;

  step('signs in, and the first screen stays small', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    // Bytes on the wire (bodies as sent, gzip, plus headers) of every response the page received.
    const sizes: Promise<number>[] = [];
    let graphqlAnswers = 0;
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname === '/graphql') graphqlAnswers++;
      sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    const transferred = async (): Promise<number> => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    await page.goto(base + '/');
    await page.getByLabel('アクセストークン').waitFor();
    await page.waitForLoadState('networkidle');
    measurements['signInPageTransferredBytes'] = await transferred();
    measurements['signInPageRequests'] = sizes.length;
    await check(page, '01-sign-in');
    const started = Date.now();
    await page.getByLabel('アクセストークン').fill(await token(KAIGO, { expiresIn: '30m' }));
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    await page.getByLabel('氏名（カナ）').waitFor();
    // The first screen's own queries (who the viewer is, their meetings) are part of it.
    for (const until = Date.now() + 10_000; graphqlAnswers < 2 && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
    expect(graphqlAnswers).toBe(2);
    const bytes = await transferred();
    measurements['firstScreenTransferredBytes'] = bytes;
    measurements['firstScreenRequests'] = sizes.length;
    // Goal (issue 17): under 300 KB for the first screen, gzip.
    expect(bytes).toBeLessThan(300 * 1024);
    await page.getByLabel('氏名（カナ）').fill(household.subject.kana.split('\u3000')[0]!);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByRole('link', { name: `${household.subject.name}の世帯を開く` }).click();
    await cellsOf(page, household.subject.name).first().waitFor();
    measurements['signInToHouseholdCardMs'] = Date.now() - started;
    expect(problems).toEqual([]);
    // Nothing beyond the session: no cookie, nothing in localStorage, the token in sessionStorage only.
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await context.close();
  });

  step('signs in through the identity provider: authorization code with PKCE, nothing kept but the session', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(base + '/');
    await page.getByRole('button', { name: '自治体のIDでサインイン' }).click();
    await page.getByRole('navigation', { name: '画面' }).waitFor();
    // Back on the console, the code and state gone from the address.
    expect(new URL(page.url()).search).toBe('');
    await page.getByText('介護 一郎', { exact: false }).first().waitFor();
    const asked = idp.seen.authorize.at(-1)!;
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('redirect_uri')).toBe(`${base}/auth/callback`);
    const exchanged = idp.seen.token.at(-1)!;
    expect(exchanged.get('grant_type')).toBe('authorization_code');
    expect(exchanged.get('code_verifier')!.length).toBeGreaterThanOrEqual(43);
    // The session holds the provider's access token and nothing else survives the tab.
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['welfare-hub.session']);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await context.cookies()).toEqual([]);
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.getByLabel('アクセストークン').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  step('case worker: search → household card with statuses → 支援会議 on → more shown → off again', async () => {
    const { context, page, problems } = await signIn(KAIGO);
    await check(page, '02-search');
    // By keyboard alone: the reading, Enter, then Tab to the household link and Enter.
    await page.getByLabel('氏名（カナ）').focus();
    await page.keyboard.type(household.subject.kana.split('\u3000')[0]!);
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: `${household.subject.name}の世帯を開く` });
    await link.waitFor();
    await check(page, '03-search-results');
    await link.focus();
    await page.keyboard.press('Enter');
    const cells = cellsOf(page, household.subject.name);
    await cells.first().waitFor();
    await hasText(cells.nth(KAIGO_CELL), '閲覧可（自分野）');
    expect(await cells.nth(SHOGAI_CELL).textContent()).toBe('閲覧不可');
    // What is withheld is shown as withheld, never as empty.
    expect(await page.getByText('閲覧不可：この分野を見る根拠').count()).toBeGreaterThan(0);
    await check(page, '04-household');

    await page.getByLabel('支援会議', { exact: true }).selectOption({ label: meeting.title });
    await page.getByRole('region', { name: '支援会議の文脈' }).waitFor();
    await hasText(cellsOf(page, household.subject.name).nth(SHOGAI_CELL), '閲覧可（支援会議）');
    await page.getByText('8050', { exact: true }).waitFor();
    await check(page, '05-household-in-meeting');

    await page.getByLabel('支援会議', { exact: true }).selectOption({ value: '' });
    await hasText(cellsOf(page, household.subject.name).nth(SHOGAI_CELL), '閲覧不可');
    expect(await page.getByRole('region', { name: '支援会議の文脈' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  step('consents: record one, print the receipt, see it grant, revoke it', async () => {
    const { context, page, problems } = await signIn(KAIGO);
    await page.goto(`${base}/household/${household.id}`);
    await page.getByRole('link', { name: `${household.subject.name}の同意を確認・記録する` }).click();
    await page.getByRole('heading', { name: '同意を記録' }).waitFor();
    await check(page, '06-consents');
    await page.getByRole('checkbox', { name: '障害' }).check();
    await page.getByLabel('提供先の機関コード（複数は「,」区切り）').fill('KAIGO-HOKATSU');
    await page.getByLabel('利用目的').fill('地域包括支援センターによる見守りと支援調整');
    await page.getByLabel('同意の証跡（同意書の保管場所、口頭の場合は立会人）').fill('同意書 第2026-118号（地域包括 書庫）');
    await page.getByRole('button', { name: '同意を記録', exact: true }).click();
    const receipt = page.getByRole('region', { name: '同意の控え' });
    await receipt.waitFor();
    await containsText(receipt, '地域包括支援センターによる見守りと支援調整');
    await check(page, '07-consent-receipt');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '07b-consent-receipt-print');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${base}/household/${household.id}`);
    await hasText(cellsOf(page, household.subject.name).nth(SHOGAI_CELL), '閲覧可（同意）');

    await page.goto(`${base}/consents/${household.subject.id}`);
    await page.getByLabel('撤回の理由').first().fill('本人の申出');
    await page.getByRole('button', { name: '同意を撤回' }).first().click();
    await page.getByText('撤回済み').first().waitFor();
    await page.goto(`${base}/household/${household.id}`);
    await hasText(cellsOf(page, household.subject.name).nth(SHOGAI_CELL), '閲覧不可');

    // A child's consent is given by a representative: the form asks for one.
    await page.goto(`${base}/consents/${childId}`);
    await page.getByLabel('代理人（保護者）の宛名番号').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  step('coordinator: open a meeting, change its roster, record a concern, close it', async () => {
    const { context, page, problems } = await signIn(COORDINATOR);
    await page.getByRole('link', { name: '支援会議', exact: true }).click();
    await page.getByRole('heading', { name: '会議を開く' }).waitFor();
    await check(page, '08-meetings');
    await page.getByLabel('会議名').fill('ブラウザから開いた支援会議');
    await page.getByLabel('対象世帯の世帯番号（複数は「,」区切り）').fill(household.id);
    await page.getByLabel('構成員の職員ID（複数は「,」区切り）').fill('coord-01, kaigo-01');
    await page.getByRole('button', { name: '会議を開く' }).click();
    await page.getByRole('heading', { name: 'ブラウザから開いた支援会議' }).waitFor();
    await page.getByLabel('追加する職員ID').fill('shogai-01');
    await page.getByRole('button', { name: '構成員を追加' }).click();
    await page.getByRole('rowheader', { name: 'shogai-01' }).waitFor();
    await page.getByLabel('対象の番号').fill(household.subject.id);
    await page.getByLabel('気になること').fill('郵便物がたまっている');
    await page.getByRole('button', { name: '気になる情報を記録' }).click();
    await page.getByText('郵便物がたまっている', { exact: false }).waitFor();
    await check(page, '09-meeting');
    await page.getByRole('button', { name: '会議を閉じる' }).click();
    await page.getByText(/閉会/).first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  step(
    "coordinator: the case in the work list, the plan approved from the 重層的支援会議's page, 参加支援, a case opened from a referral",
    async () => {
      const { context, page, problems } = await signIn(COORDINATOR);
      await page.getByRole('link', { name: 'ケース', exact: true }).click();
      await page.getByRole('heading', { name: '担当するケース' }).waitFor();
      const caseLink = page.getByRole('link', { name: `${work.subject.name}（ケース ${work.caseId}）` });
      await caseLink.waitFor();
      await check(page, '15-cases-coordinator');

      await page.goto(`${base}/meetings/${work.jusouMeetingId}`);
      const decisions = page.getByRole('region', { name: 'ケースの決定' });
      await decisions.getByLabel('決定', { exact: true }).waitFor();
      expect(await decisions.getByLabel('決定', { exact: true }).locator('option').allTextContents()).toEqual(['プランの承認']);
      await decisions.getByLabel('決定の記録').fill('役割分担と目標を確認し、プランを承認する');
      await check(page, '16-meeting-decision');
      await decisions.getByRole('button', { name: '決定を記録' }).click();
      await decisions.getByText('決定を記録しました。').waitFor();
      // The meeting's page lists what it decided, each with its case.
      await decisions.getByRole('table', { name: 'この会議での決定' }).getByRole('cell', { name: 'プランの承認' }).waitFor();

      await page.goto(`${base}/cases/${work.caseId}`);
      await hasText(page.getByRole('list', { name: 'ケースの段階' }).locator('[aria-current="step"]'), '支援の実施');
      await page.getByRole('region', { name: '会議の決定', exact: true }).getByRole('rowheader', { name: 'プランの承認' }).waitFor();
      await containsText(page.getByRole('region', { name: '支援プラン', exact: true }), '重層的支援会議で承認済み');
      await check(page, '17-case-coordinator');

      // 参加支援: the meeting decides the member needs it, the coordinator starts it at a 受入先 and logs a follow-up.
      const decide = page.getByRole('region', { name: '会議の決定を記録' });
      await decide.getByLabel('会議', { exact: true }).selectOption({ label: '重層的支援会議（重層的支援会議）' });
      await decide.getByLabel('決定', { exact: true }).selectOption({ label: '参加支援が必要' });
      await decide.getByLabel('参加支援が必要な人').selectOption({ label: work.subject.name });
      await decide.getByRole('button', { name: '決定を記録' }).click();
      const start = page.getByRole('region', { name: '参加支援を開始' });
      await start.getByLabel('受入先').selectOption({ label: '地域の居場所カフェ（居場所、軽作業）' });
      await start.getByRole('button', { name: '参加支援を開始' }).click();
      const participation = page.getByRole('region', { name: `${work.subject.name}（地域の居場所カフェ）の参加支援` });
      await participation.getByLabel('フォローアップの内容').fill('初回の参加に同行した');
      await participation.getByRole('button', { name: 'フォローアップを記録' }).click();
      await containsText(page.getByRole('region', { name: '参加支援', exact: true }), '初回の参加に同行した');
      await check(page, '17d-case-participation');

      // A referral waiting for the team: the case is opened from it, 【本人同意なし】 (the son has signed nothing yet).
      await page.getByRole('link', { name: '担当するケースの一覧へ' }).first().click();
      await page.getByRole('button', { name: `${household.subject.name}のつなぎからケースを開く` }).click();
      const intake = page.getByRole('region', { name: 'つなぎからケースを開く（地域包括支援センターから）' });
      await intake.waitFor();
      expect(await intake.getByLabel('対象者の宛名番号', { exact: false }).inputValue()).toBe(household.subject.id);
      expect(await intake.getByLabel('申込票の同意').inputValue()).toBe('');
      await intake.getByLabel('相談受付の記録').fill('地域包括からのつなぎ。本人とはまだ会えていない');
      await check(page, '17b-cases-open-from-referral');
      await intake.getByRole('button', { name: 'ケースを開く' }).click();
      await page.getByRole('heading', { level: 1, name: `${household.subject.name}（ケース ` }).waitFor();
      await hasText(page.getByRole('list', { name: 'ケースの段階' }).locator('[aria-current="step"]'), '相談受付');
      await containsText(page.locator('.facts'), '地域包括支援センターからのつなぎ');
      await containsText(page.locator('.facts'), '本人同意なし');
      await page.getByRole('region', { name: '同意を添付' }).waitFor();
      await check(page, '17c-case-opened');
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  step('case worker: opens a case from the work list, a refusal in Japanese, records a contact', async () => {
    const { context, page, problems } = await signIn(KAIGO);
    // On a case's page the requests name the case they are made for (x-hub-case): the audit's purpose.
    const caseHeaders = new Set<string>();
    page.on('request', (r) => {
      const value = r.headers()['x-hub-case'];
      if (value) caseHeaders.add(value);
    });
    await page.getByRole('link', { name: 'ケース', exact: true }).click();
    const caseLink = page.getByRole('link', { name: `${work.subject.name}（ケース ${work.caseId}）` });
    await caseLink.waitFor();
    await check(page, '18-cases');
    // By keyboard: focus the case's link and press Enter.
    await caseLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `${work.subject.name}（ケース ${work.caseId}）` }).waitFor();
    await page.getByRole('region', { name: '支援プラン', exact: true }).getByRole('rowheader', { name: '地域包括支援センター' }).waitFor();
    // A role for the member: the case's contacts and the decisions' notes are this organisation's to read.
    await containsText(page.getByRole('region', { name: '会議の決定', exact: true }), '役割分担と目標を確認し、プランを承認する');
    await check(page, '19-case');

    const form = page.getByRole('region', { name: '支援経過を記録' });
    // A contact in the future is refused, and the refusal reads in Japanese.
    await form.getByLabel('日時', { exact: true }).fill('2099-01-01T10:00');
    await form.getByLabel('種別').selectOption({ label: '訪問' });
    await form.getByLabel('対象の世帯員').selectOption({ label: work.subject.name });
    await form.getByLabel('支援の内容').fill('自宅を訪問し、親の介護サービスの利用状況を確認した');
    await form.getByRole('button', { name: '支援経過を記録' }).click();
    await containsText(form.getByRole('alert'), '日時が未来です');
    const now = new Date(Date.now() + 9 * 3_600_000 - 5 * 60_000).toISOString().slice(0, 16);
    await form.getByLabel('日時', { exact: true }).fill(now);
    await form.getByRole('button', { name: '支援経過を記録' }).click();
    await form.getByText('支援経過を記録しました。').waitFor();
    const contacts = page.getByRole('region', { name: '支援経過', exact: true });
    await contacts.getByRole('cell', { name: '自宅を訪問し、親の介護サービスの利用状況を確認した' }).waitFor();
    await containsText(contacts, 'kaigo-01');
    await check(page, '20-case-contact-recorded');
    expect([...caseHeaders]).toEqual([work.caseId]);
    expect(problems).toEqual([]);
    await context.close();
  });

  step("privacy officer: a person's access log and the audit log's integrity", async () => {
    const { context, page, problems } = await signIn(PRIVACY);
    await page.getByRole('link', { name: '閲覧記録・監査' }).click();
    await page.getByLabel('宛名番号').fill(household.subject.id);
    await page.getByRole('button', { name: '閲覧記録を表示' }).click();
    await page.getByRole('cell', { name: 'kaigo-01' }).first().waitFor();
    await page.getByRole('button', { name: '監査ログを検証する' }).click();
    await page.getByText('改ざんは検出されませんでした。', { exact: false }).waitFor();
    await check(page, '10-privacy');
    expect(problems).toEqual([]);
    await context.close();
  });

  step('privacy officer: identity reads, reads under a 支援措置, case reads, consents to review, a printable disclosure', async () => {
    const { context, page, problems } = await signIn(PRIVACY);
    await page.getByRole('link', { name: '閲覧記録・監査' }).click();
    const parts = page.getByRole('navigation', { name: '閲覧記録・監査の項目' });

    await parts.getByRole('link', { name: '識別情報の閲覧記録' }).click();
    await page.getByLabel('宛名番号').fill(household.subject.id);
    await page.getByRole('button', { name: '識別情報の閲覧記録を表示' }).click();
    await page.getByRole('cell', { name: 'kaigo-01' }).first().waitFor();
    await check(page, '21-privacy-identity-log');

    await parts.getByRole('link', { name: '支援措置対象者の閲覧' }).click();
    await page.getByRole('button', { name: '支援措置対象者の閲覧を表示' }).click();
    await page.getByRole('status').filter({ hasText: /件$/ }).waitFor();
    await check(page, '22-privacy-protected-reads');

    // Who read the case about the double-care household's adult: the 地域包括, for that case (x-hub-case).
    await parts.getByRole('link', { name: 'ケースの閲覧記録' }).click();
    await page.getByLabel('宛名番号').fill(work.subject.id);
    await page.getByRole('button', { name: 'ケースの閲覧記録を表示' }).click();
    await page.getByRole('cell', { name: 'kaigo-01' }).first().waitFor();
    await page.getByRole('cell', { name: work.caseId }).first().waitFor();
    await check(page, '22b-privacy-case-access');

    await parts.getByRole('link', { name: '同意の点検' }).click();
    expect(await page.getByRole('checkbox', { name: '要点検のものだけ' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: '同意を点検' }).click();
    // The team's consent names the team itself: flagged as its own recipient.
    await page.getByRole('cell', { name: '記録した機関が提供先に含まれる' }).first().waitFor();
    await check(page, '23-privacy-consent-review');

    await parts.getByRole('link', { name: '本人開示（印刷用）' }).click();
    await page.getByLabel('宛名番号').fill(household.subject.id);
    await page.getByRole('button', { name: '開示文書を作成' }).click();
    const disclosure = page.getByRole('article', { name: '開示文書' });
    await disclosure.waitFor();
    await disclosure.getByRole('cell', { name: 'kaigo-01' }).first().waitFor();
    await containsText(disclosure, household.subject.id);
    await check(page, '24-privacy-disclosure');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '24b-privacy-disclosure-print');
    // In print, the document alone: not the form, not the navigation.
    expect(await page.getByRole('button', { name: '開示文書を作成' }).isVisible()).toBe(false);
    expect(await disclosure.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
    await context.close();
  });

  step('IT officer: reads and rejected records of a source, re-processing; sector staff confirm a link', async () => {
    const admin = await signIn(ADMIN);
    await admin.page.getByRole('link', { name: 'データ取込' }).click();
    await admin.page.getByRole('heading', { name: /読込の記録/ }).waitFor();
    await admin.page.getByRole('rowheader', { name: '住民記録' }).first().waitFor();
    expect(await admin.page.getByRole('region', { name: '取込元の状態' }).getByRole('row').count()).toBe(6);
    await admin.page.getByRole('button', { name: '却下レコードを再処理' }).click();
    await admin.page.getByText(/再処理しました/).waitFor();
    // The record as the source sent it has a column of its own (the registry's value is never shown).
    const rejected = admin.page.getByRole('region', { name: /却下されたレコード/ });
    if ((await rejected.getByRole('table').count()) > 0) {
      await rejected.getByRole('columnheader', { name: '元の値' }).waitFor();
      expect(await rejected.getByRole('cell', { name: '表示できません' }).count()).toBe((await rejected.getByRole('row').count()) - 1);
    }
    await check(admin.page, '11-sources');
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    const staff = await signIn(SHOGAI);
    // A sector's own staff see their own source's reads (and only that source).
    await staff.page.getByRole('link', { name: 'データ取込' }).click();
    await staff.page.getByRole('heading', { name: '読込の記録（障害福祉）' }).waitFor();
    expect(await staff.page.getByLabel('取込元').locator('option').allTextContents()).toEqual(['障害福祉']);
    await staff.page.getByRole('link', { name: '名寄せ確認' }).click();
    // The queue's count, once loaded (not the loading message, which is a status too).
    const status = staff.page.getByRole('status').filter({ hasText: /件$|ありません/ });
    await status.waitFor();
    const before = Number(/(\d+)件/.exec((await status.textContent()) ?? '')?.[1] ?? '0');
    expect(before).toBeGreaterThan(0);
    await check(staff.page, '12-linkage');
    await staff.page
      .getByRole('button', { name: /と同一人物として確定$/ })
      .first()
      .click();
    await hasText(status, before === 1 ? '名寄せ待ちのレコードはありません。' : `${before - 1}件`);
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });

  step('analyst: tables with labels and 秘匿, a chart each, CSV and Excel files', async () => {
    const { context, page, problems } = await signIn(ANALYST);
    await page.getByRole('heading', { name: '統計', exact: true }).waitFor();
    const table = page.getByRole('region', { name: '世帯の状況（地区別）' });
    await table.getByRole('columnheader', { name: '8050' }).waitFor();
    await table.getByRole('columnheader', { name: 'ヤングケアラー' }).waitFor();
    // Small counts read 秘匿 (suppressed), never 0: the demo city's districts are small.
    expect(await table.getByRole('cell', { name: '秘匿', exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /のグラフ/ }).count()).toBeGreaterThan(1);
    expect(await page.getByText('EIGHTY_FIFTY').count()).toBe(0);
    await check(page, '13-statistics');
    const [csv] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: /CSVでダウンロード/ }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF地区,8050,ダブルケア,ヤングケアラー,複数分野')).toBe(true);
    expect(csv.suggestedFilename()).toBe('situations-district.csv');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: /Excelでダウンロード/ }).click()]);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(problems).toEqual([]);
    await context.close();
  });

  step('GraphiQL, bundled, on GET /graphql in demo mode', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await screenshot(page, '14-graphiql');
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Waits, as Playwright's own assertions do, for a locator's text to become what a user should see. */
async function eventually(locator: Locator, check: (text: string) => boolean, expected: string): Promise<void> {
  const until = Date.now() + 10_000;
  let text = '';
  while (Date.now() < until) {
    text = (await locator.textContent()) ?? '';
    if (check(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${expected}, the page shows ${JSON.stringify(text)}`);
}

const hasText = (locator: Locator, text: string): Promise<void> => eventually(locator, (t) => t === text, JSON.stringify(text));
const containsText = (locator: Locator, text: string): Promise<void> =>
  eventually(locator, (t) => t.includes(text), `text containing ${JSON.stringify(text)}`);
