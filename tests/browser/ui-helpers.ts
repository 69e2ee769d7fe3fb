// Helpers for the popup, options and explorer browser tests.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, type ExtensionBrowser } from './harness';

/**
 * Opens `url` in a new tab and returns the page with its tab id. Without the "tabs" permission the service worker
 * cannot read tab URLs, so the new tab is the id that was not there before.
 */
export async function openTab(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const tabIds = async () =>
    ((await browser.worker.evaluate(() => (globalThis as any).chrome.tabs.query({}))) as { id: number }[]).map((t) => t.id);
  const before = await tabIds();
  const page = await browser.context.newPage();
  await page.goto(url);
  const added = (await tabIds()).filter((id) => !before.includes(id));
  if (added.length !== 1) throw new Error(`expected one new tab, found ${added.length}`);
  return { page, tabId: added[0] };
}

/**
 * Waits until the content script has marked the page: some highlight holds a range. (Not the number of highlights:
 * they are registered, empty, before the first scan ends; a scan's marks are painted all at once.)
 */
export async function waitForMarks(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      let ranges = 0;
      for (const [, highlight] of (CSS as any).highlights ?? []) ranges += highlight.size;
      return ranges > 0;
    },
    null,
    { timeout },
  );
}

export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [, highlight] of (CSS as any).highlights ?? []) n += highlight.size;
    return n;
  });
}

/** The settings object in storage.sync, straight from the service worker. */
export async function storedSettings(browser: ExtensionBrowser): Promise<any> {
  return (await browser.worker.evaluate(() => (globalThis as any).chrome.storage.sync.get('settings'))).settings;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE_SOURCE = () => readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page, or on one part of it (`include`: a selector path through shadow roots, e.g.
 * ['backstory-ui', '[data-testid="backstory-card"]']), and returns violations of serious or critical impact.
 */
export async function seriousAxeViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE());
  const { violations, checked } = (await page.evaluate(async (path) => {
    // Walk the selector path, entering shadow roots on the way.
    let context: ParentNode | null = document;
    for (const selector of path ?? []) {
      const shadow: ShadowRoot | null = context instanceof Element ? context.shadowRoot : null;
      context = (shadow ?? context)?.querySelector(selector) ?? null;
    }
    if (!context) return { violations: [], checked: 0 };
    const result = await (window as any).axe.run(context);
    return { violations: result.violations, checked: result.passes.length + result.violations.length };
  }, include ?? null)) as { violations: AxeViolation[]; checked: number };
  if (checked === 0) throw new Error(`axe checked nothing${include ? ` (nothing matches ${include.join(' >> ')})` : ''}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}
