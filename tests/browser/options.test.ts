// The options page: changes reach an open tab live, bad input is refused with a reason, and corrupt stored settings
// fall back to the defaults with a visible notice instead of breaking the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionSession } from './session';
import { renderDemoPage } from '../../scripts/demo-page';
import { describeViolations, highlightCount, openTab, seriousAxeViolations, storedSettings, waitForMarks } from './ui-helpers';

const session = extensionSession({ '/': renderDemoPage() });

const setStored = (value: unknown) =>
  session.browser.worker.evaluate((v) => (globalThis as any).chrome.storage.sync.set({ settings: v }), value);
const clearStored = () => session.browser.worker.evaluate(() => (globalThis as any).chrome.storage.sync.clear());

test('marking choices made in the options page reach an open tab', async () => {
  await clearStored();
  const { page } = await openTab(session.browser, `${session.server.baseUrl}/`);
  await waitForMarks(page);
  const allMarks = await highlightCount(page);

  const options = await session.browser.context.newPage();
  await options.goto(session.browser.extensionUrl('options.html'));
  await options.locator('form[data-status="idle"]').waitFor();
  await options.getByLabel('Mark only the first mention of each name').check();
  await options.getByTestId('saved').waitFor();
  assert.equal((await storedSettings(session.browser)).firstMentionOnly, true);
  await page.waitForFunction((n) => {
    let marks = 0;
    for (const [, h] of (CSS as any).highlights) marks += h.size;
    return marks > 0 && marks < n;
  }, allMarks, { timeout: 5_000 });

  // Turning off places and people leaves fewer marks still.
  const firstOnly = await highlightCount(page);
  await options.getByRole('checkbox', { name: 'Places' }).uncheck();
  await options.getByRole('checkbox', { name: 'People' }).uncheck();
  await page.waitForFunction((n) => {
    let marks = 0;
    for (const [, h] of (CSS as any).highlights) marks += h.size;
    return marks > 0 && marks < n;
  }, firstOnly, { timeout: 5_000 });
  assert.deepEqual((await storedSettings(session.browser)).types, ['organization', 'event', 'topic']);

  // Off everywhere: the page's UI goes away.
  await options.getByLabel('Mark figures and topics on news pages').uncheck();
  await page.waitForFunction(() => !document.querySelector('backstory-ui'), null, { timeout: 5_000 });
  await options.close();
  await page.close();
  await clearStored();
});

test('site lists are validated line by line and saved normalised', async () => {
  await clearStored();
  const options = await session.browser.context.newPage();
  await options.goto(session.browser.extensionUrl('options.html'));
  const deny = options.getByLabel('Never run on these sites');
  await deny.fill('https://www.lemonde.fr/politique/\nnot a site!\nBBC.co.uk');
  const problems = options.getByTestId('denySites-problems');
  await problems.waitFor();
  assert.match((await problems.textContent()) ?? '', /Line 2: “not a site!”/);
  assert.equal(await deny.getAttribute('aria-invalid'), 'true');
  await options.waitForTimeout(800); // longer than the save delay: nothing may be saved while a line is bad
  assert.equal(await storedSettings(session.browser), undefined);

  await deny.fill('https://www.lemonde.fr/politique/\nBBC.co.uk');
  await options.getByTestId('saved').waitFor();
  await options.waitForFunction(() => true);
  await new Promise((r) => setTimeout(r, 800));
  assert.deepEqual((await storedSettings(session.browser)).denySites, ['lemonde.fr', 'bbc.co.uk']);

  const delay = options.getByLabel('Delay before a card opens (milliseconds)');
  await delay.fill('99999');
  await options.getByText('Enter a whole number from 0 to 5000.').waitFor();
  await delay.fill('450');
  await options.waitForTimeout(300);
  assert.equal((await storedSettings(session.browser)).showDelayMs, 450);
  await options.close();
  await clearStored();
});

test('corrupt stored settings fall back to the defaults with a notice', async () => {
  await setStored({ enabled: 'yes', highlightStyle: 42, showDelayMs: -5, denySites: 'example.com', theme: 'dark' });
  const options = await session.browser.context.newPage();
  await options.goto(session.browser.extensionUrl('options.html'));
  const notice = options.getByTestId('settings-problems');
  await notice.waitFor();
  const text = (await notice.textContent()) ?? '';
  for (const field of ['settings.enabled', 'settings.highlightStyle', 'settings.showDelayMs', 'settings.denySites']) {
    assert.ok(text.includes(field), `notice should name ${field}: ${text}`);
  }
  assert.ok(!text.includes('settings.theme'), 'the valid theme is kept');
  // The page shows the defaults for the bad fields and keeps the good one.
  assert.equal(await options.getByLabel('Mark figures and topics on news pages').isChecked(), true);
  assert.equal(await options.locator('select[name="highlightStyle"]').inputValue(), 'underline');
  assert.equal(await options.locator('select[name="theme"]').inputValue(), 'dark');
  const violations = await seriousAxeViolations(options);
  assert.equal(violations.length, 0, describeViolations(violations));

  // A value that is not even an object.
  await setStored('garbage');
  await options.reload();
  await options.getByTestId('settings-problems').waitFor();
  assert.match((await options.getByTestId('settings-problems').textContent()) ?? '', /not an object/);
  assert.equal(await options.locator('form[data-status="idle"]').count(), 1);

  // Any change stores a repaired copy and the notice goes away.
  await options.locator('select[name="highlightStyle"]').selectOption('tint');
  await options.getByTestId('saved').waitFor();
  assert.equal(await options.getByTestId('settings-problems').count(), 0);
  const repaired = await storedSettings(session.browser);
  assert.equal(repaired.highlightStyle, 'tint');
  assert.equal(repaired.enabled, true);
  await options.close();
  await clearStored();
});

test('the options page passes axe checks in light and dark themes', async () => {
  await clearStored();
  const options = await session.browser.context.newPage();
  await options.goto(session.browser.extensionUrl('options.html'));
  await options.locator('form[data-status="idle"]').waitFor();
  let violations = await seriousAxeViolations(options);
  assert.equal(violations.length, 0, describeViolations(violations));
  await options.locator('select[name="theme"]').selectOption('dark');
  await options.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  violations = await seriousAxeViolations(options);
  assert.equal(violations.length, 0, describeViolations(violations));
  await options.close();
  await clearStored();
});
