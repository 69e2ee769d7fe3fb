// The archive explorer: an entity page (Marine Le Pen: the seed article, a chart by year), search, and an article
// page whose mentions are marked and open the hover card. Every page passes axe checks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { describeViolations, seriousAxeViolations } from './ui-helpers';

let browser: ExtensionBrowser;
let explorer: Page;

before(async () => {
  browser = await launchWithExtension();
  explorer = await browser.context.newPage();
  await explorer.emulateMedia({ reducedMotion: 'reduce' }); // no fade-in: axe measures colours at full opacity
});
after(async () => {
  await browser?.close();
});

const SEED_TITLE = 'Marin Le Pen proposes closer ties between NATO and Russia after the war in Ukraine';

async function assertAccessible() {
  const violations = await seriousAxeViolations(explorer);
  assert.equal(violations.length, 0, describeViolations(violations));
}

test("Marine Le Pen's page lists the seed article and charts her mentions by year", async () => {
  await explorer.goto(browser.extensionUrl('explorer.html#entity=marine-le-pen'));
  const entityPage = explorer.getByTestId('entity-page');
  await entityPage.waitFor({ timeout: 10_000 });
  assert.equal(await explorer.locator('h1').textContent(), 'Marine Le Pen');
  const articles = explorer.locator('[data-testid="entity-articles"] li');
  const titles = await explorer.locator('[data-testid="entity-articles"] li > a').evaluateAll((links) => links.map((a) => a.textContent));
  assert.ok(titles.includes(SEED_TITLE), titles.join('\n'));
  const seed = articles.filter({ hasText: SEED_TITLE });
  assert.match((await seed.textContent()) ?? '', /2022-04-13/);
  assert.match((await seed.textContent()) ?? '', /World News/);

  // The chart: one bar per year from the first to the last, the seed's year among those with mentions.
  const chart = explorer.locator('[data-testid="year-chart"] svg');
  await chart.waitFor();
  const bars = await chart.locator('rect.bar').evaluateAll((rects) =>
    rects.map((r) => ({ title: r.querySelector('title')?.textContent ?? '', height: Number(r.getAttribute('height')) })),
  );
  assert.ok(bars.length >= 2);
  const bar2022 = bars.find((b) => b.title.startsWith('2022:'));
  assert.ok(bar2022 && bar2022.height > 0, JSON.stringify(bars));
  assert.match((await chart.getAttribute('aria-label')) ?? '', /2022: \d+/);

  assert.ok((await explorer.locator('[data-testid="mentioned-with"] a').count()) >= 3);
  await assertAccessible();

  // Links go to related entities.
  await explorer.locator('[data-testid="mentioned-with"] a', { hasText: 'Emmanuel Macron' }).click();
  await explorer.waitForFunction(() => document.querySelector('h1')?.textContent === 'Emmanuel Macron');
});

test('search finds entities by name and alias, and articles by title', async () => {
  await explorer.goto(browser.extensionUrl('explorer.html'));
  await explorer.locator('main[data-status="ready"]').waitFor({ timeout: 10_000 });
  await assertAccessible();
  const input = explorer.getByLabel(/Search people/);
  await input.fill('le pen');
  const results = explorer.getByTestId('search-results');
  await results.waitFor();
  const entityNames = await explorer.locator('#entity-results + ul a').evaluateAll((links) => links.map((a) => a.textContent));
  assert.ok(entityNames.includes('Marine Le Pen') && entityNames.includes('Jean-Marie Le Pen'), entityNames.join(', '));
  const articleTitles = await explorer.locator('#article-results + ul a').evaluateAll((links) => links.map((a) => a.textContent));
  assert.ok(articleTitles.includes(SEED_TITLE));
  // An alias: "RN" is what the French call the National Rally.
  await input.fill('Rassemblement National');
  await explorer.locator('#entity-results + ul a', { hasText: 'National Rally' }).waitFor();
  await assertAccessible();
  // The dark palette is checked too.
  await explorer.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await assertAccessible();
  await explorer.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
});

test('an article page marks its mentions and shows a card on hover and on focus', async () => {
  await explorer.goto(browser.extensionUrl('explorer.html#article=seed-le-pen-nato-russia'));
  await explorer.getByTestId('article-page').waitFor({ timeout: 10_000 });
  const lePen = explorer.locator('a.mention[data-entity-id="marine-le-pen"]');
  assert.ok((await lePen.count()) >= 10);
  assert.ok((await explorer.locator('a.mention[data-entity-id="vladimir-putin"]').count()) >= 5);

  await explorer.locator('a.mention[data-entity-id="nato"]').first().hover();
  const card = explorer.getByTestId('backstory-card');
  await card.waitFor({ timeout: 3_000 });
  assert.equal(await card.getAttribute('data-entity'), 'nato');
  assert.match((await card.textContent()) ?? '', /NATO/);
  await assertAccessible();

  // Keyboard: focusing a mention opens its card, Escape closes it.
  await explorer.mouse.move(0, 0);
  await explorer.locator('a.mention[data-entity-id="vladimir-putin"]').first().focus();
  await explorer.waitForFunction(() => document.querySelector('[data-testid="backstory-card"]')?.getAttribute('data-entity') === 'vladimir-putin');
  await explorer.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
});
