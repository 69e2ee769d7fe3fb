// The reader's view on the seed demo page: marks, the hover card with archive background, Esc, keyboard navigation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';
import { extensionSession } from './session';
import { renderDemoPage } from '../../scripts/demo-page';
import { markedRanges, rootData, waitForScan } from './page-helpers';


const session = extensionSession({ '/': renderDemoPage() });

// The archive the extension was built with: the card must show its background sentences.
const matcher = JSON.parse(readFileSync(path.join(ROOT, '.archive/matcher.json'), 'utf8'));
const details = JSON.parse(readFileSync(path.join(ROOT, '.archive/details.json'), 'utf8'));
const lePenIndex = matcher.entities.findIndex((e: { id: string }) => e.id === 'marine-le-pen');
const lePenBackground: string[] = details.entities[lePenIndex].b.map(([, text]: [number, string]) => text);


async function openDemo(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.baseUrl}/`);
  await waitForScan(page);
  return page;
}

const card = (page: Page) => page.locator('backstory-ui [data-testid="backstory-card"]');

test('the seed article\'s people, organisations and topics are marked', async () => {
  const page = await openDemo();
  const data = await rootData(page);
  const marked: string[] = JSON.parse(data.marked);
  for (const id of ['marine-le-pen', 'emmanuel-macron', 'vladimir-putin', 'nato', 'european-union', 'brexit']) {
    assert.ok(marked.includes(id), `${id} is marked (marked: ${marked.join(', ')})`);
  }
  assert.ok(Number(data.mentions) >= 10, `mentions: ${data.mentions}`);
  const ranges = await markedRanges(page);
  const texts = (name: string) => ranges.filter((r) => r.highlight === name).map((r) => r.text);
  assert.ok(texts('backstory-person').includes('Le Pen'), 'a "Le Pen" range is in the person highlight');
  assert.ok(texts('backstory-organization').includes('NATO'));
  assert.ok(texts('backstory-topic').includes('Brexit'));
  await page.close();
});

test('the background worker loads the matcher from the shipped tables and reads with the WebAssembly scanner', async () => {
  const page = await openDemo();
  const loads = await session.browser.worker.evaluate(() =>
    performance.getEntriesByName('backstory:matcher').map((e) => JSON.stringify((e as PerformanceMeasure).detail)),
  );
  assert.ok(loads.length >= 1, 'the worker loaded a matcher');
  // (not a trie built at start-up; not the JavaScript fallback a CSP without 'wasm-unsafe-eval' would cause)
  assert.deepEqual([...new Set(loads)], [JSON.stringify({ tables: 'shipped', scanner: 'wasm' })]);
  await page.close();
});

test('hovering "Le Pen" opens Marine Le Pen\'s card with background from the archive; Esc closes it', async () => {
  const page = await openDemo();
  const target = (await markedRanges(page)).find((r) => r.text === 'Le Pen' && r.visible);
  assert.ok(target, 'a visible "Le Pen" mention');
  await page.mouse.move(target.x - 30, target.y - 40);
  await page.mouse.move(target.x, target.y);
  await card(page).waitFor({ timeout: 5_000 });
  assert.equal(await card(page).getAttribute('data-entity'), 'marine-le-pen');
  assert.equal(await card(page).getAttribute('role'), 'dialog');
  assert.equal(await card(page).getAttribute('aria-label'), 'Marine Le Pen');
  await page.locator('backstory-ui .card .facts').waitFor({ timeout: 5_000 });
  const text = (await card(page).textContent()) ?? '';
  assert.match(text, /as of \w+ \d{4}/);
  const facts = await page.locator('backstory-ui .card .facts li p').allTextContents();
  assert.ok(facts.length >= 2 && facts.length <= 3, `2–3 facts, got ${facts.length}`);
  for (const fact of facts) assert.ok(lePenBackground.includes(fact), `fact from the archive: ${fact}`);
  assert.match(text, /mentions? on this page/);
  // the card does not cover the hovered word
  const box = await card(page).boundingBox();
  assert.ok(box && (box.y > target.y || box.y + box.height < target.y), 'card is above or below the word');
  await page.keyboard.press('Escape');
  await card(page).waitFor({ state: 'detached', timeout: 2_000 });
  await page.close();
});

test('Alt+Shift+N opens the next mention\'s card with focus in it; Esc returns focus to the page', async () => {
  const page = await openDemo();
  await page.keyboard.press('Alt+Shift+KeyN');
  await card(page).waitFor({ timeout: 5_000 });
  const first = await card(page).getAttribute('data-entity');
  const focused = await page.evaluate(() => document.querySelector('backstory-ui')?.shadowRoot?.activeElement?.getAttribute('role'));
  assert.equal(focused, 'dialog', 'focus is in the card');
  await page.keyboard.press('Alt+Shift+KeyN');
  await page.waitForFunction(
    () => document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[data-testid="page-count"]') !== null,
  );
  const data = await rootData(page);
  assert.equal(data.card, 'open');
  assert.ok(first, 'first card had an entity');
  await page.keyboard.press('Escape');
  await card(page).waitFor({ state: 'detached', timeout: 2_000 });
  const active = await page.evaluate(() => document.activeElement?.localName);
  assert.notEqual(active, 'backstory-ui', 'focus left our UI');
  await page.close();
});

test('the popup\'s questions: page summary (entities by prominence, three sentences) and reveal-entity', async () => {
  const page = await openDemo();
  await page.bringToFront();
  const ask = (message: unknown) =>
    session.browser.worker.evaluate(async (msg) => {
      const chrome = (globalThis as any).chrome;
      // (without the "tabs" permission URLs are hidden: the page under test is the active tab)
      const tabs = await chrome.tabs.query({ active: true });
      return chrome.tabs.sendMessage(tabs[tabs.length - 1].id, msg);
    }, message);
  const summary = await ask({ type: 'page-summary' });
  assert.equal(summary.status, 'ready');
  assert.equal(summary.site, '127.0.0.1');
  const ids = summary.entities.map((e: { id: string }) => e.id);
  assert.ok(ids.indexOf('marine-le-pen') >= 0 && ids.indexOf('marine-le-pen') < 3, `Le Pen is among the most prominent: ${ids.slice(0, 5)}`);
  assert.ok(summary.entities[0].mentions >= summary.entities[summary.entities.length - 1].mentions);
  assert.ok(summary.summary.length >= 1 && summary.summary.length <= 3);
  const pageText = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
  for (const sentence of summary.summary) assert.ok(pageText.includes(sentence), `summary sentence is from the page: ${sentence}`);

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const reply = await ask({ type: 'reveal-entity', id: 'brexit' });
  assert.deepEqual(reply, { found: true });
  await card(page).waitFor({ timeout: 3_000 });
  assert.equal(await card(page).getAttribute('data-entity'), 'brexit');
  const inView = (await markedRanges(page)).some((r) => r.text === 'Brexit' && r.visible);
  assert.ok(inView, 'the revealed mention is scrolled into view');
  assert.deepEqual(await ask({ type: 'reveal-entity', id: 'no-such-entity' }), { found: false });
  await page.close();
});

async function hoverLePen(page: Page) {
  const target = (await markedRanges(page)).find((r) => r.text === 'Le Pen' && r.visible);
  assert.ok(target, 'a visible "Le Pen" mention');
  await page.mouse.move(target.x, target.y);
  return target;
}

test('a pinned card stays when the pointer leaves; a "mentioned with" chip opens that entity\'s card', async () => {
  const page = await openDemo();
  await hoverLePen(page);
  await card(page).waitFor({ timeout: 5_000 });
  await page.locator('backstory-ui .card .chip').first().waitFor({ timeout: 5_000 });
  await page.locator('backstory-ui .card button.pin').click();
  assert.equal(await page.locator('backstory-ui .card button.pin').getAttribute('aria-pressed'), 'true');
  await page.mouse.move(1190, 790);
  await page.waitForTimeout(700);
  assert.equal(await card(page).count(), 1, 'still open');
  const chip = page.locator('backstory-ui .card .chip').first();
  const name = (await chip.textContent())!.trim();
  await chip.click();
  await page.waitForFunction(
    (n) => document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[data-testid="backstory-card"]')?.getAttribute('aria-label') === n,
    name,
    { timeout: 3_000 },
  );
  await page.keyboard.press('Escape');
  await card(page).waitFor({ state: 'detached', timeout: 2_000 });
  await page.close();
});

test('with a modifier key set, the card waits for that key', async () => {
  await session.browser.worker.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { modifierKey: 'Alt' } }));
  const page = await openDemo();
  await hoverLePen(page);
  await page.waitForTimeout(700);
  assert.equal(await card(page).count(), 0, 'no card without the key');
  await page.keyboard.down('Alt');
  await card(page).waitFor({ timeout: 3_000 });
  await page.keyboard.up('Alt');
  await session.browser.worker.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: {} }));
  await page.close();
});

test('a name right before an inline element styled as a block is still a name ("Le Pen" + <time>)', async () => {
  // The sidebar's items are <a>title</a><time>date</time> with no space between: "…defeats Le Pen" then "19 June".
  const page = await openDemo();
  const sidebarMarks = await page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const r of highlight) {
        if (!r.startContainer.parentElement?.closest('aside')) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      }
    }
    return out;
  });
  assert.equal(sidebarMarks.filter((text) => text === 'Le Pen').length, 2, sidebarMarks.join(', '));
  await page.close();
});
