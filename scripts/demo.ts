// `npm start`: builds the extension, serves the seed article as a news page on 127.0.0.1 and opens Chromium with
// Backstory loaded on it. With no display (DISPLAY unset) it runs headless, saves a screenshot and exits.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launchWithExtension, servePages, ROOT } from '../tests/browser/harness';
import { renderDemoPage } from './demo-page';

const SCREENSHOT = path.join(ROOT, '.output/demo.png');

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const headless = !process.env.DISPLAY;
  const server = await servePages({ '/': renderDemoPage() });
  const browser = await launchWithExtension({ headless, viewport: { width: 1280, height: 860 } });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.baseUrl}/`);
  console.log(`Demo page: ${server.baseUrl}/`);

  if (headless) {
    await showCardForDemo(page);
    await page.screenshot({ path: SCREENSHOT });
    console.log(`Screenshot: ${SCREENSHOT}`);
    await browser.close();
    await server.close();
    return;
  }
  console.log('Close the browser window to stop.');
  await new Promise((resolve) => browser.context.on('close', resolve));
  await server.close();
}

/** Hovers the first marked "Le Pen" so the screenshot shows a card; the page is still useful if none appears. */
async function showCardForDemo(page: import('playwright-core').Page): Promise<void> {
  try {
    await page.waitForFunction(() => (globalThis as any).CSS?.highlights?.size > 0, null, { timeout: 5000 });
    const box = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.story-body')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('Le Pen');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 6);
        const rect = range.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
      return null;
    });
    if (box) {
      await page.mouse.move(box.x, box.y);
      await page.locator('backstory-ui [role="dialog"]').waitFor({ timeout: 3000 });
      await page.waitForTimeout(600); // let the card's fade-in finish
    }
  } catch {
    // No highlight or card yet: the screenshot shows the page as it is.
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
