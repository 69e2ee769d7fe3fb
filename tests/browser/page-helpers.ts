// Helpers for the page tests and the page benchmark: read what the content script marked and shows.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Opens a saved page and waits for its parsing (not 'load': some pages keep a request pending; the content script
 * runs once the document is parsed anyway). A navigation the browser aborts (seen now and then on one saved page,
 * never with the same page twice in a row) is tried once more.
 */
export async function openSavedPage(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  } catch (error) {
    if (!String((error as Error).message).includes('net::ERR_ABORTED')) throw error;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  }
  await page.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
}

/** Waits until the content script has finished at least `scans` scans; returns the root's data attributes. */
export async function waitForScan(page: Page, scans = 1, timeout = 20_000): Promise<Record<string, string>> {
  await page.waitForFunction(
    (n) => {
      const root = document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="backstory-root"]');
      return Number(root?.dataset.scans ?? 0) >= n;
    },
    scans,
    { timeout, polling: 50 },
  );
  return rootData(page);
}

export function rootData(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const root = document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="backstory-root"]');
    return root ? { ...root.dataset } as Record<string, string> : {};
  });
}

export interface MarkedRange {
  highlight: string;
  text: string;
  x: number;
  y: number;
  visible: boolean;
}

/** Every range in our CSS highlights, with its text and the centre of its first box (read in the page). */
export function markedRanges(page: Page): Promise<MarkedRange[]> {
  return page.evaluate(() => {
    const out: { highlight: string; text: string; x: number; y: number; visible: boolean }[] = [];
    for (const [name, highlight] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        out.push({
          highlight: name,
          text: range.toString(),
          x: box ? box.left + box.width / 2 : -1,
          y: box ? box.top + box.height / 2 : -1,
          visible: !!box && box.top >= 0 && box.bottom <= innerHeight && box.width > 0,
        });
      }
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The saved pages of ../shared/pages (read at test time only)


export interface SavedPage {
  name: string;
  kind: 'news' | 'negative';
  file: string;
}

/** The pages and their kind, from the folder's README table ("news" or "negative"). */
export function listSavedPages(dir: string): SavedPage[] {
  const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  const kinds = new Map<string, 'news' | 'negative'>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    const kind = cells.find((c) => c === 'news' || c === 'negative') as 'news' | 'negative' | undefined;
    if (name && kind && !kinds.has(name)) kinds.set(name, kind);
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'source.html')))
    .map((d) => ({ name: d.name, kind: kinds.get(d.name) ?? 'news', file: path.join(dir, d.name, 'source.html') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Keeps the browser offline: only our local server answers; images, fonts and media are not even fetched locally. */
export async function blockTheNetwork(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const local = url.hostname.startsWith('127.') || url.hostname === 'localhost'; // (127.0.0.0/8 is this machine)
    // a page sending itself elsewhere (consent walls, redirects) stays put: a 204 answer cancels the navigation
    if (!local && request.isNavigationRequest()) return route.fulfill({ status: 204 });
    if (!local || ['image', 'font', 'media'].includes(request.resourceType())) return route.abort();
    return route.continue();
  });
}
