/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium fonts-ipafont-gothic`; .ci/run installs it): Playwright's own downloads are not reachable here. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM);
}

/** Screenshots, axe results and measurements of the browser suite: a git-ignored folder at the repository's root. */
export const ARTIFACTS = join(new URL('../../..', import.meta.url).pathname, 'test-artifacts', 'console');

export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in CI needs --no-sandbox; the rest keep Chromium from calling out of a closed network at every start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=ja-JP',
    ],
  });
}

/** Collects what the page's CSP refused and what it threw: a console that breaks its own policy fails the test. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeSummary {
  screen: string;
  violations: { id: string; impact: string | null; nodes: number; help: string }[];
}

/** Runs axe-core (WCAG 2.1 A/AA and best practices) in the page, as evaluated script: the page's CSP stays on. */
export async function axe(page: Page, screen: string): Promise<AxeSummary> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(context: Document, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[]; help: string }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  return { screen, violations };
}

export function seriousOrCritical(summary: AxeSummary): AxeSummary['violations'] {
  return summary.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Not the focus ring of the last key pressed (the skip link shows only when focused).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Tabs from the top of the page through every control and reports the ones the keyboard never reached: links,
 * buttons, fields and selects that are visible and enabled.
 */
export async function unreachableByKeyboard(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden',
    );
    controls.forEach((e, i) => e.setAttribute('data-kb', String(i)));
    // Start where a keyboard user starts: the first control of the page (the skip link).
    controls[0]?.focus();
    return controls.length;
  });
  const reached = new Set<string>(total > 0 ? ['0'] : []);
  // A date or time field takes a Tab per part (year, month, day, hours, minutes): allow for them, stop once all are reached.
  for (let i = 0; i < total * 6 + 20 && reached.size < total; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
    if (id !== null) reached.add(id);
  }
  return page.evaluate(
    (seen) => {
      const missed = [...document.querySelectorAll<HTMLElement>('[data-kb]')].filter((e) => !seen.includes(e.getAttribute('data-kb')!));
      return missed.map((e) => `${e.tagName.toLowerCase()} ${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 30) ?? ''}`);
    },
    [...reached],
  );
}

export function writeArtifact(name: string, value: unknown): void {
  writeFileSync(join(ARTIFACTS, name), JSON.stringify(value, null, 2) + '\n');
}
