// The same smoke test in Firefox ESR: the Firefox build installs, and its content script runs and marks the seed page.
// Driven by puppeteer-core over WebDriver BiDi.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT, servePages } from './harness';
import { renderDemoPage } from '../../scripts/demo-page';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2');

let browser: Browser;
let server: Awaited<ReturnType<typeof servePages>>;

before(async () => {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}. Install it with: sudo apt-get install -y firefox-esr (or set FIREFOX=...)`);
  }
  server = await servePages({ '/': renderDemoPage() });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false },
  });
  await browser.installExtension(FIREFOX_BUILD);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('Firefox: the content script runs and marks the seed page inside <backstory-ui>', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.baseUrl}/`);
  await page.waitForFunction(
    () => document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[data-testid="backstory-root"]')?.getAttribute('data-status') === 'ready',
    { timeout: 15_000 },
  );
  const state = await page.evaluate(() => {
    const root = document.querySelector('backstory-ui')!.shadowRoot!.querySelector('[data-testid="backstory-root"]')!;
    return { hosts: document.querySelectorAll('backstory-ui').length, mentions: Number(root.getAttribute('data-mentions') ?? 0) };
  });
  assert.equal(state.hosts, 1);
  assert.ok(state.mentions > 20, `expected the seed page's mentions to be marked, found ${state.mentions}`);
  await page.close();
});
