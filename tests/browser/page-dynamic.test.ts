// Pages that change after loading: appended paragraphs get marked, a single-page-app navigation is followed, text
// typed into an editor is never marked; turning the site off removes every trace; the extension makes no request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchWithExtension, servePages } from './harness';
import { renderDemoPage } from '../../scripts/demo-page';
import { markedRanges, rootData, waitForScan } from './page-helpers';

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let server: Awaited<ReturnType<typeof servePages>>;
const requests: string[] = [];

// Test pages written here (not from ../shared): a live blog, an SPA, and an editor.
const LIVE = `<!doctype html><html lang="en"><head><title>Live</title></head><body>
<main><article id="feed"><h1>Live updates</h1><p>The summit opened this morning with a long agenda on trade.</p></article></main>
<script>
  setTimeout(() => {
    const p = document.createElement('p');
    p.textContent = 'Vladimir Putin arrived late; Marine Le Pen watched from Paris.';
    document.getElementById('feed').append(p);
  }, 1200);
  setTimeout(() => {
    const p = document.createElement('p');
    p.append('Later, ', Object.assign(document.createElement('b'), { textContent: 'NATO' }), ' issued a statement.');
    document.getElementById('feed').append(p);
  }, 1800);
</script></body></html>`;

const SPA = `<!doctype html><html lang="en"><head><title>App</title></head><body>
<div id="app"><p>Welcome to our front page about gardening and weather.</p></div>
<button id="go">Open story</button>
<script>
  document.getElementById('go').addEventListener('click', () => {
    history.pushState({}, '', '/spa/story');
    document.getElementById('app').innerHTML = '<h1>Story</h1><p>Emmanuel Macron spoke about the EU budget.</p>';
  });
</script></body></html>`;

const EDITOR = renderDemoPage(
  '<section><h2>Your comment</h2><div id="editor" contenteditable="true" style="min-height:60px;border:1px solid #999">Vladimir Putin </div></section>',
);

// An article longer than one message to the background worker (MAX_ANNOTATE_CHARS / 2 per part): the full name
// is in the first part, the bare surname ("Attal" alone does not link) in the last.
const FILLER = 'The committee met again to discuss the budget and the schedule for next year. '.repeat(7);
const LONG = `<!doctype html><html lang="en"><head><title>Long</title></head><body><article>
<p>Gabriel Attal opened the debate on the first day.</p>
${`<p>${FILLER}</p>\n`.repeat(Math.ceil(1_100_000 / FILLER.length))}
<p id="last">Attal replied at once.</p></article></body></html>`;

// Names in inline elements on separate source lines (the blank text nodes between them keep the words apart), a
// name's two words in two list items (two blocks: never one name), and a line break right after a name.
const INDENTED = `<!doctype html><html lang="en"><head><title>Indented</title></head><body><article>
<p>
    <span>Marine</span>
    <span>Le</span>
    <span>Pen</span>
    spoke in Paris on Tuesday.
</p>
<ul>
    <li>Emmanuel</li>
    <li>Macron</li>
</ul>
<p>Talks with NATO<br>Summits are planned for the spring.</p>
</article></body></html>`;

// The article (found by its paragraphs' text) sits between an aside and a footer that name only the surname
// ("Attal" alone does not link): the article is read first, and the rest before and after it with its names.
// (its own script records every message posted to its window: the page must see none of ours)
const AROUND = `<!doctype html><html lang="en"><head><title>Around</title>
<script>window.messagesSeen = []; addEventListener('message', (e) => messagesSeen.push(JSON.stringify(e.data)));</script>
</head><body>
<aside><p>Attal replied to critics.</p></aside>
<div id="story"><h1>Debate</h1><p>Gabriel Attal opened the debate on the first day.</p><p>${FILLER}</p></div>
<footer><p>More on Attal soon.</p></footer></body></html>`;

before(async () => {
  server = await servePages({ '/around': AROUND, '/live': LIVE, '/spa': SPA, '/editor': EDITOR, '/demo': renderDemoPage(), '/long': LONG, '/indented': INDENTED });
  browser = await launchWithExtension();
  browser.context.on('request', (request) => requests.push(request.url()));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const marked = async (page: Page) => JSON.parse((await rootData(page)).marked ?? '[]') as string[];

test('paragraphs appended later are marked', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/live`);
  await waitForScan(page);
  assert.deepEqual(await marked(page), []);
  await page.waitForFunction(() => document.querySelectorAll('#feed p').length === 3);
  await page.waitForFunction(
    () => (document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="backstory-root"]')?.dataset.marked ?? '').includes('"nato"'),
    null,
    { timeout: 5_000 },
  );
  const ids = await marked(page);
  for (const id of ['vladimir-putin', 'marine-le-pen', 'nato']) assert.ok(ids.includes(id), `${id} marked (${ids})`);
  const texts = (await markedRanges(page)).map((r) => r.text);
  assert.ok(texts.includes('NATO') && texts.includes('Vladimir Putin'));
  await page.close();
});

test('a single-page-app navigation is followed', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/spa`);
  await waitForScan(page);
  await page.click('#go');
  await page.waitForFunction(
    () => (document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="backstory-root"]')?.dataset.marked ?? '').includes('emmanuel-macron'),
    null,
    { timeout: 5_000 },
  );
  assert.ok((await marked(page)).includes('european-union'));
  await page.close();
});

test('text in a contenteditable editor is never marked, even when typed', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/editor`);
  const before = await waitForScan(page);
  await page.click('#editor');
  await page.keyboard.press('End');
  await page.keyboard.type(' and Emmanuel Macron met NATO leaders. ', { delay: 5 });
  await page.waitForTimeout(600); // longer than a change batch
  const inEditor = await page.evaluate(() => {
    const editor = document.getElementById('editor')!;
    let n = 0;
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const r of h) if (editor.contains(r.startContainer)) n++;
    }
    return n;
  });
  assert.equal(inEditor, 0, 'no range inside the editor');
  const now = await rootData(page);
  assert.equal(now.mentions, before.mentions, 'typing did not change the marks');
  await page.close();
});

test('turning the site off removes the marks and the host element, live', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/demo`);
  await waitForScan(page);
  const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
  assert.ok(sheetsBefore >= 1);
  await browser.worker.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { denySites: ['127.0.0.1'] } }));
  await page.waitForFunction(() => document.querySelector('backstory-ui') === null, null, { timeout: 5_000 });
  const left = await page.evaluate(() => ({
    highlights: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((k) => k.startsWith('backstory')),
    sheets: document.adoptedStyleSheets.length,
  }));
  assert.deepEqual(left, { highlights: [], sheets: sheetsBefore - 1 });
  await browser.worker.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: {} }));
  await waitForScan(page);
  assert.ok(Number((await rootData(page)).mentions) > 0, 'back on: marked again');
  await page.close();
});

test('settings apply live: only chosen types, first mention only, highlight style', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/demo`);
  const all = await waitForScan(page);
  await browser.worker.evaluate(() =>
    (globalThis as any).chrome.storage.sync.set({ settings: { types: ['person'], firstMentionOnly: true, highlightStyle: 'tint' } }),
  );
  await page.waitForFunction(
    () => document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="backstory-root"]')?.dataset.highlightStyle === 'tint',
  );
  const ranges = await markedRanges(page);
  assert.ok(ranges.length > 0);
  assert.ok(ranges.every((r) => r.highlight === 'backstory-person'), 'only people are marked');
  const data = await rootData(page);
  assert.equal(Number(data.mentions), Number(data.entities), 'one mark per entity');
  assert.ok(Number(data.mentions) < Number(all.mentions));
  const rule = await page.evaluate(() =>
    [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).find((t) => t.includes('backstory-person')),
  );
  assert.match(rule ?? '', /background-color/);
  await browser.worker.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: {} }));
  await page.close();
});

test('an article longer than one message is read in parts, and a surname links to a full name in an earlier part', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/long`);
  const data = await waitForScan(page, 1, 60_000);
  assert.ok(Number(data.chars) > 1_100_000, `read ${data.chars} characters`);
  const marks = (await markedRanges(page)).map((r) => r.text);
  assert.deepEqual(marks, ['Gabriel Attal', 'Attal']);
  assert.equal(await page.evaluate(() => document.getElementById('last')?.textContent), 'Attal replied at once.');
  await page.close();
});

test('the article is read first, then the page around it with the names the article gave', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/around`);
  await waitForScan(page);
  assert.deepEqual((await markedRanges(page)).map((r) => r.text), ['Attal', 'Gabriel Attal', 'Attal']);
  await page.close();
});

test("the page's scripts receive no message from us", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/around`);
  await waitForScan(page);
  await page.waitForTimeout(300); // (a message posted at start-up would have arrived by now)
  assert.deepEqual(await page.evaluate(() => (window as unknown as { messagesSeen: string[] }).messagesSeen), []);
  await page.close();
});

test('a name across inline elements on separate source lines is one mention; list items and <br> lines never join', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/indented`);
  await waitForScan(page);
  const texts = (await markedRanges(page)).map((r) => r.text.replace(/\s+/g, ' '));
  assert.ok(texts.includes('Marine Le Pen'), texts.join(' | '));
  assert.ok(!texts.some((t) => t.includes('Emmanuel') && t.includes('Macron')), texts.join(' | '));
  assert.ok(texts.includes('NATO'), texts.join(' | ')); // (not "NATOSummits")
  await page.close();
});

test('the extension made no network request', () => {
  const base = new URL(server.baseUrl);
  const foreign = requests.filter((url) => {
    const u = new URL(url);
    return u.host !== base.host && u.protocol !== 'chrome-extension:';
  });
  assert.deepEqual(foreign, []);
  const local = requests.filter((url) => new URL(url).host === base.host).map((url) => new URL(url).pathname);
  for (const path of local) assert.ok(['/live', '/spa', '/editor', '/demo', '/long', '/indented', '/around', '/favicon.ico'].includes(path), `unexpected request ${path}`);
});
