// Importing a JSONL archive in the options page: progress while it compiles, then a figure known only from the
// imported corpus is marked on pages and gets a card; a corrupt file is refused with its line numbers and the
// previous import keeps working; removing the import forgets the figure again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension, servePages, SHARED, type ExtensionBrowser } from './harness';
import { describeViolations, openTab, seriousAxeViolations, waitForMarks } from './ui-helpers';

const CORPUS = path.join(SHARED, 'corpus/articles.jsonl');
// Named in the Wikinews corpus, absent from our catalog: only the import can teach Backstory this name.
const FIGURE = { id: 'manmohan-singh', name: 'Manmohan Singh' };
const PAGE = `<!doctype html><html lang="en"><head><title>Trade talks</title></head><body><main><article>
<h1>Trade talks in Berlin</h1>
<p>Former Indian prime minister Manmohan Singh met Angela Merkel in Berlin on Tuesday to talk about trade and climate.</p>
<p>Officials said Singh and Merkel would meet again in the spring.</p>
</article></main></body></html>`;

let browser: ExtensionBrowser;
let server: Awaited<ReturnType<typeof servePages>>;

before(async () => {
  assert.ok(existsSync(CORPUS), `the corpus is missing: ${CORPUS}`);
  server = await servePages({ '/talks': PAGE });
  browser = await launchWithExtension();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Ids of the entities the content script reports for a tab (through the popup, as a user would see them). */
async function entitiesOnPage(tabId: number): Promise<string[]> {
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl(`popup.html?tabId=${tabId}`));
  await popup.locator('[data-testid="page-entities"]').waitFor({ timeout: 10_000 });
  const more = popup.locator('button.more[aria-expanded="false"]');
  while ((await more.count()) > 0) await more.first().click();
  const ids = await popup.locator('button.entity').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.entityId ?? ''));
  await popup.close();
  return ids;
}

async function hoverText(page: Page, text: string): Promise<void> {
  const box = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, text);
  assert.ok(box, `"${text}" is not on the page`);
  await page.mouse.move(box.x, box.y - 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
}

async function openOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  await options.locator('form[data-status="idle"]').waitFor();
  return options;
}

/** The options page passes axe, closes; then the talks page marks the imported figure. Returns that page. */
async function closeOptionsAndOpenMarkedTalks(options: Page): Promise<Page> {
  const violations = await seriousAxeViolations(options);
  assert.equal(violations.length, 0, describeViolations(violations));
  await options.close();
  const { page, tabId } = await openTab(browser, `${server.baseUrl}/talks`);
  await waitForMarks(page);
  assert.ok((await entitiesOnPage(tabId)).includes(FIGURE.id));
  return page;
}

test('before any import the figure is unknown', async () => {
  const { page, tabId } = await openTab(browser, `${server.baseUrl}/talks`);
  await waitForMarks(page);
  const ids = await entitiesOnPage(tabId);
  assert.ok(ids.includes('angela-merkel'), ids.join(' '));
  assert.ok(!ids.includes(FIGURE.id));
  await page.close();
});

test('importing the Wikinews corpus shows progress, then the figure is marked and gets a card', { timeout: 180_000 }, async () => {
  const options = await openOptions();
  await options.locator('#import-file').setInputFiles(CORPUS);
  await options.getByTestId('import-progress').waitFor({ timeout: 10_000 });
  assert.equal(await options.locator('[data-testid="import-progress"] progress').count(), 1);
  const result = options.getByTestId('import-result');
  await result.waitFor({ timeout: 150_000 });
  assert.match((await result.textContent()) ?? '', /879 articles/);
  const imports = options.getByTestId('imports');
  assert.match((await imports.textContent()) ?? '', /articles\.jsonl/);
  // Wikinews asks for attribution wherever its text is shown.
  assert.match((await imports.textContent()) ?? '', /News text from Wikinews.*CC BY 2\.5/);
  const page = await closeOptionsAndOpenMarkedTalks(options);
  await page.bringToFront();
  await hoverText(page, FIGURE.name);
  await page.waitForFunction(
    (id) => document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[data-testid="backstory-root"]')?.getAttribute('data-card-entity') === id,
    FIGURE.id,
    { timeout: 5_000 },
  );
  const card = page.locator('backstory-ui [data-testid="backstory-card"]');
  assert.match((await card.textContent()) ?? '', /Manmohan Singh/);
  // Its background comes from the imported articles (the bundled archive has none for this figure).
  await card.locator('section.facts li').first().waitFor({ timeout: 5_000 });
  assert.match((await card.locator('section.archive').textContent()) ?? '', /[1-9]\d* archive articles?/);
  await page.close();

  // The explorer knows the imported articles too.
  const explorer = await browser.context.newPage();
  await explorer.goto(browser.extensionUrl(`explorer.html#entity=${FIGURE.id}`));
  await explorer.getByTestId('entity-page').waitFor({ timeout: 20_000 });
  assert.ok((await explorer.locator('[data-testid="entity-articles"] li').count()) >= 5);
  await explorer.close();
});

test('a corrupt import file is refused with line numbers and the previous import still works', { timeout: 60_000 }, async () => {
  const good = JSON.stringify({ id: 'x-1', title: 'A fine article', date: '2020-01-01', source: 'Example', url: null, license: 'CC0', text: 'Some text.' });
  const lines = [good, '{"id": "x-2", "title": broken', JSON.stringify({ id: 'x-3', date: '2020-13-45', source: 'Example', license: 'CC0', text: 'x' }), good];
  const options = await openOptions();
  await options.locator('#import-file').setInputFiles({ name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) });
  const problems = options.getByTestId('import-problems');
  await problems.waitFor({ timeout: 20_000 });
  const text = (await problems.textContent()) ?? '';
  assert.match(text, /Line 2: not valid JSON/);
  assert.match(text, /Line 3: field "title" is missing/);
  assert.match(text, /Line 3: field "date"/);
  assert.match(text, /Line 4: field "id": duplicate article id "x-1"/);
  assert.match(text, /unchanged/);
  assert.equal(await options.locator('[data-testid="imports"] li.import-row').count(), 1);
  const page = await closeOptionsAndOpenMarkedTalks(options);
  await page.close();
});

test('removing the import forgets its figures', { timeout: 60_000 }, async () => {
  const options = await openOptions();
  await options.getByRole('button', { name: /Remove the import articles\.jsonl/ }).click();
  await options.getByTestId('imports').waitFor({ state: 'detached' });
  await options.close();
  const { page, tabId } = await openTab(browser, `${server.baseUrl}/talks`);
  await waitForMarks(page);
  const ids = await entitiesOnPage(tabId);
  assert.ok(ids.includes('angela-merkel'));
  assert.ok(!ids.includes(FIGURE.id));
  await page.close();
});
