// The toolbar popup against the seed demo page: it lists the page's figures with their mention counts, and its
// site switch turns marking off in that tab and back on, live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionSession } from './session';
import { renderDemoPage } from '../../scripts/demo-page';
import { describeViolations, highlightCount, openTab, seriousAxeViolations, storedSettings, waitForMarks } from './ui-helpers';

// A page whose marked article body sits in a hidden part (a paywalled or collapsed copy): the summary must come from
// the text the reader sees, not from an article that is never read.
const HIDDEN_ARTICLE = `<!doctype html><html lang="en"><head><title>Summit</title></head><body>
<div hidden><div itemprop="articleBody"><p>${'Subscribers can read the full story of the day here. '.repeat(10)}</p></div></div>
<main><h1>Summit in Paris</h1>
<p>Vladimir Putin met Emmanuel Macron in Paris on Tuesday to discuss the war and the price of gas.</p>
<p>The two leaders spoke for three hours, their aides said, and agreed to meet again in the spring.</p></main>
</body></html>`;

const session = extensionSession({
  '/': renderDemoPage(),
  '/empty': '<!doctype html><html lang="en"><title>Weather</title><p>Sunny spells, light winds.</p></html>',
  '/hidden-article': HIDDEN_ARTICLE,
});

/** "Marine Le Pen 15×" rows of the popup, as [name, count, group heading]. */
async function listedEntities(popup: import('playwright-core').Page) {
  const more = popup.locator('[data-testid="page-entities"] button.more[aria-expanded="false"]');
  while ((await more.count()) > 0) await more.first().click();
  return popup.locator('[data-testid="page-entities"] button.entity').evaluateAll((buttons) =>
    buttons.map((b) => ({
      name: b.querySelector('.entity-name')?.textContent ?? '',
      count: Number((b.querySelector('[data-testid="mention-count"]')?.textContent ?? '').replace('×', '')),
      group: b.closest('.entity-group')?.querySelector('h3')?.textContent ?? '',
    })),
  );
}

test('the popup lists the figures of the demo page with mention counts', async () => {
  const { page, tabId } = await openTab(session.browser, `${session.server.baseUrl}/`);
  await waitForMarks(page);
  const popup = await session.browser.context.newPage();
  await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
  await popup.locator('[data-testid="page-entities"]').waitFor({ timeout: 10_000 });
  assert.match((await popup.getByTestId('popup-status').textContent()) ?? '', /Enabled/);

  const rows = await listedEntities(popup);
  const row = (name: string) => rows.find((r) => r.name === name);
  // The seed article names Le Pen in nearly every paragraph, Putin and Macron many times, NATO a few.
  assert.equal(row('Marine Le Pen')?.group, 'People');
  assert.ok(row('Marine Le Pen')!.count >= 10, `Le Pen count ${row('Marine Le Pen')?.count}`);
  assert.ok(row('Vladimir Putin')!.count >= 5);
  assert.ok(row('Emmanuel Macron')!.count >= 5);
  assert.equal(row('NATO')?.group, 'Organisations');
  assert.ok(rows.every((r) => r.count >= 1));
  // The page's marks and the popup's counts describe the same mentions.
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  assert.equal(total, await highlightCount(page));

  assert.ok(((await popup.getByTestId('page-summary').textContent()) ?? '').includes('Le Pen'));
  const related = popup.locator('[data-testid="related-articles"] a');
  await related.first().waitFor();
  assert.ok((await related.count()) >= 1 && (await related.count()) <= 5);
  assert.match((await related.first().getAttribute('href')) ?? '', /explorer\.html#article=/);

  let violations = await seriousAxeViolations(popup);
  assert.equal(violations.length, 0, describeViolations(violations));
  await popup.emulateMedia({ colorScheme: 'dark' });
  violations = await seriousAxeViolations(popup);
  assert.equal(violations.length, 0, describeViolations(violations));
  await popup.close();
  await page.close();
});

test("an article body in a hidden part is not the page's article: the summary comes from the text the reader sees", async () => {
  const { page, tabId } = await openTab(session.browser, `${session.server.baseUrl}/hidden-article`);
  await waitForMarks(page);
  const popup = await session.browser.context.newPage();
  await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
  await popup.locator('[data-testid="page-entities"]').waitFor({ timeout: 10_000 });
  const summary = (await popup.getByTestId('page-summary').textContent()) ?? '';
  assert.ok(summary.includes('Putin'), `summary: ${summary}`);
  await popup.close();
  await page.close();
});

test('choosing a figure in the popup reveals it on the page and opens its card', async () => {
  const { page, tabId } = await openTab(session.browser, `${session.server.baseUrl}/`);
  await waitForMarks(page);
  const popup = await session.browser.context.newPage();
  await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
  await popup.locator('button.entity[data-entity-id="vladimir-putin"]').click();
  await page.waitForFunction(
    () => document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[data-testid="backstory-root"]')?.getAttribute('data-card-entity') === 'vladimir-putin',
    null,
    { timeout: 5_000 },
  );
  // The card it opened passes axe checks (at full opacity: no fade-in).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.waitForTimeout(200);
  const violations = await seriousAxeViolations(page, ['backstory-ui', '[data-testid="backstory-card"]']);
  assert.equal(violations.length, 0, describeViolations(violations));
  await popup.close();
  await page.close();
});

test('the site switch turns marking off in the tab and back on', async () => {
  const { page, tabId } = await openTab(session.browser, `${session.server.baseUrl}/`);
  await waitForMarks(page);
  const popup = await session.browser.context.newPage();
  await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
  const toggle = popup.getByTestId('site-switch');
  await popup.locator('[data-testid="page-entities"]').waitFor();
  assert.equal(await toggle.isChecked(), true);

  await toggle.click();
  await page.waitForFunction(() => ((CSS as any).highlights?.size ?? 0) === 0 && !document.querySelector('backstory-ui'), null, { timeout: 5_000 });
  assert.deepEqual((await storedSettings(session.browser)).denySites, ['127.0.0.1']);
  await popup.locator('[data-state="off-site"]').waitFor();
  assert.equal(await toggle.isChecked(), false);
  const violations = await seriousAxeViolations(popup);
  assert.equal(violations.length, 0, describeViolations(violations));

  await toggle.click();
  await waitForMarks(page, 5_000);
  assert.equal(await page.locator('backstory-ui').count(), 1);
  assert.deepEqual((await storedSettings(session.browser)).denySites, []);
  await popup.locator('[data-testid="page-entities"]').waitFor();
  await popup.close();
  await page.close();
});

test('the popup explains pages Backstory cannot run on and pages with nothing found', async () => {
  // An extension page stands in for chrome:// pages: no content script can run there.
  const popup = await session.browser.context.newPage();
  await popup.goto(session.browser.extensionUrl('popup.html'));
  await popup.locator('[data-state="restricted"]').waitFor();

  const { page, tabId } = await openTab(session.browser, `${session.server.baseUrl}/empty`);
  await page.waitForTimeout(500);
  await popup.goto(session.browser.extensionUrl(`popup.html?tabId=${tabId}`));
  await popup.locator('[data-state="nothing-found"]').waitFor({ timeout: 10_000 });
  await popup.close();
  await page.close();
});
