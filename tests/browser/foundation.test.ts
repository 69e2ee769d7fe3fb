// Foundation: the built extension really runs in Chromium — content script, popup, options — and a setting saved in
// the options page reaches an open tab's content script without a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionSession } from './session';
import { renderDemoPage } from '../../scripts/demo-page';

const session = extensionSession({ '/': renderDemoPage() });

test('the content script runs on an http page and adds only <backstory-ui>', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.baseUrl}/`);
  const root = page.locator('backstory-ui [data-testid="backstory-root"]');
  await root.waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal(await root.getAttribute('data-status'), 'ready');
  assert.equal(await page.locator('backstory-ui').count(), 1);
  await page.close();
});

test('the popup and options pages render', async () => {
  const popup = await session.browser.context.newPage();
  await popup.goto(session.browser.extensionUrl('popup.html'));
  assert.match((await popup.getByTestId('popup-status').textContent()) ?? '', /Enabled/);
  const options = await session.browser.context.newPage();
  await options.goto(session.browser.extensionUrl('options.html'));
  await options.locator('form[data-status="idle"]').waitFor();
  await popup.close();
  await options.close();
});

test('an option saved in the options page reaches the open tab', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.baseUrl}/`);
  const root = page.locator('backstory-ui [data-testid="backstory-root"]');
  await root.waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal(await root.getAttribute('data-highlight-style'), 'underline');

  const options = await session.browser.context.newPage();
  await options.goto(session.browser.extensionUrl('options.html'));
  await options.locator('select[name="highlightStyle"]').selectOption('tint');
  await options.getByTestId('saved').waitFor();
  const stored = await session.browser.worker.evaluate(() => (globalThis as any).chrome.storage.sync.get('settings'));
  assert.equal(stored.settings.highlightStyle, 'tint');

  await page.bringToFront();
  await page.waitForFunction(
    () => document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[data-testid="backstory-root"]')?.getAttribute('data-highlight-style') === 'tint',
    null,
    { timeout: 5_000 },
  );
  await page.close();
  await options.close();
});
