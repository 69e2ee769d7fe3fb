// Page benchmark: the content script on every saved page of ../shared/pages, in real Chromium, offline.
// Per page: main-thread time of our scan (sum of our slices), our longest slice, mentions found, beside a bare
// TreeWalker over the same page's text nodes and document.body.innerText measured in the same run, as ratios.
// Also: hover-to-card time beyond the show delay (p95), our share of the page's heap (the same page loaded with
// Backstory off on another host name), and, apart, the engine's time in the background worker (off the page's main
// thread). Prints tables; asserts nothing.
//
//   npm run build && npx tsx scripts/bench-pages.ts [--pages a,b,c] [--hovers 1] [--heap-every 10] [--fresh-renderers] [--full]
// By default every page comes from 127.0.0.1, so from the second page on the renderer has compiled the content script
// already. --fresh-renderers serves each page from its own address (127.0.1.x, its own site): a fresh renderer each
// time, as when a reader opens a new site (--full does it too).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, servePages, SHARED } from '../tests/browser/harness';
import { blockTheNetwork, listSavedPages, markedRanges, openSavedPage, rootData, waitForScan } from '../tests/browser/page-helpers';

export interface PageBenchRow {
  page: string;
  kind: string;
  chars: number;
  textNodes: number;
  mentions: number;
  busyMs: number; // main-thread time of our first scan
  wallMs: number; // first scan, start to end (with yields)
  longestSliceMs: number;
  walkerMs: number; // bare TreeWalker over the page's text nodes, warm (best of 3)
  firstWalkMs: number; // its first round: the page's own world meeting the nodes for the first time
  isolatedWalkMs: number; // the same walk, reading each node's parent too, run once in a fresh isolated world
  innerTextMs: number;
  heapKB: number | null; // page heap with Backstory minus without
  /** the cold walk on the same page with Backstory off (nothing has read it yet), on the pages the heap is taken on */
  firstContactWalkMs: number | null;
  phases: Record<string, number>; // busyMs by phase (main-content, collect, send, map, paint)
}

export interface PageBenchResult {
  rows: PageBenchRow[];
  /** in the background worker: loading the matcher (once per worker start), reading each page's text */
  workerLoadMs: number[];
  workerAnnotateMs: number[];
  workerChars: number[];
  hoverMs: number[]; // card shown, minus the show delay
  showDelayMs: number;
  freshRenderers: boolean;
}

export interface PageBenchOptions {
  pages?: string[];
  hoversPerPage?: number;
  /** measure the heap on every n-th page (it needs a second load of the page, with Backstory off) */
  heapEvery?: number;
  /** each page from an address of its own, so in a fresh renderer process */
  freshRenderers?: boolean;
  log?: (line: string) => void;
}

// (shorter than the default 300 ms to keep the run short: the figure is the time beyond the delay, whatever it is)
const SHOW_DELAY_MS = 100;

export const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
export const max = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);

/**
 * The same page's text walked by a bare TreeWalker, and read through innerText (best of 3 each), in the page's own
 * world; and the walk's first round on its own (its first contact with the nodes: our scan ran in another world).
 */
function baselineTimes(page: Page): Promise<{ walkerMs: number; firstWalkMs: number; innerTextMs: number }> {
  return page.evaluate(() => {
    let firstWalkMs = NaN;
    let walkerMs = Infinity;
    let innerTextMs = Infinity;
    for (let round = 0; round < 3; round++) {
      let t = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).length;
      walkerMs = Math.min(walkerMs, performance.now() - t);
      if (round === 0) firstWalkMs = walkerMs;
      t = performance.now();
      chars += document.body.innerText.length;
      innerTextMs = Math.min(innerTextMs, performance.now() - t);
      if (chars < 0) console.log(chars); // keep the work observable
    }
    return { walkerMs, firstWalkMs, innerTextMs };
  });
}

/**
 * The least a content script pays to read the page: a bare walk over the text nodes and their parents, run once in
 * a fresh isolated world (as a content script is), where every node touched needs a new wrapper. The page's own
 * world (baselineTimes) has them already.
 */
async function isolatedWalkMs(cdp: CDPSession): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: `bench-walk-${Date.now()}`,
  });
  const expression = `(() => {
    const t = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let sum = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) sum += n.data.length + (n.parentElement ? 1 : 0);
    return sum < 0 ? -1 : performance.now() - t;
  })()`;
  const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
  return Number(result.value);
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Hovers up to `count` visible mentions; returns the time from pointer arrival to the card, minus the show delay. */
async function hoverTimes(page: Page, count: number): Promise<number[]> {
  const targets = (await markedRanges(page)).filter((r) => r.visible && r.text.length > 2).slice(0, count);
  const out: number[] = [];
  for (const target of targets) {
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape'); // any open card closes
    // Time in the page: from the pointermove reaching the document to the card appearing in our shadow root.
    const timing = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let moved = 0;
          addEventListener('pointermove', () => (moved = performance.now()), { capture: true, once: true });
          const root = document.querySelector('backstory-ui')?.shadowRoot;
          if (!root) return resolve(-1);
          const observer = new MutationObserver(() => {
            if (root.querySelector('.card')) {
              observer.disconnect();
              resolve(performance.now() - moved);
            }
          });
          observer.observe(root, { childList: true, subtree: true });
          setTimeout(() => resolve(-1), 3000);
        }),
    );
    await page.waitForTimeout(20);
    await page.mouse.move(target.x, target.y);
    const ms = await timing;
    if (ms >= 0) out.push(ms - SHOW_DELAY_MS);
  }
  await page.mouse.move(1, 1);
  return out;
}

const load = openSavedPage;

export async function runPageBench(options: PageBenchOptions = {}): Promise<PageBenchResult> {
  const log = options.log ?? console.log;
  const hovers = options.hoversPerPage ?? 1;
  const heapEvery = options.heapEvery ?? 10; // (each needs a second load: the figure is steady from page to page)
  let pages = listSavedPages(path.join(SHARED, 'pages'));
  if (options.pages?.length) pages = pages.filter((p) => options.pages!.includes(p.name));
  const routes: Record<string, () => string> = {};
  for (const p of pages) routes[`/${p.name}/`] = () => readFileSync(p.file, 'utf8');
  const server = await servePages(routes, options.freshRenderers ? { host: '0.0.0.0' } : {});
  const port = new URL(server.baseUrl).port;
  const browser = await launchWithExtension();
  const result: PageBenchResult = { rows: [], workerLoadMs: [], workerAnnotateMs: [], workerChars: [], hoverMs: [], showDelayMs: SHOW_DELAY_MS, freshRenderers: !!options.freshRenderers };
  try {
    await blockTheNetwork(browser.context);
    // Backstory runs on 127.0.0.1 and is turned off for "localhost": the same page both ways, for the heap.
    await browser.worker.evaluate(
      (delay) => (globalThis as any).chrome.storage.sync.set({ settings: { denySites: ['localhost'], showDelayMs: delay } }),
      SHOW_DELAY_MS,
    );
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page); // (one for the whole run: it stays with the tab)
    for (const [index, p] of pages.entries()) {
      try {
        let heapWithout: number | null = null;
        let firstContactWalkMs: number | null = null;
        if (index % heapEvery === 0) {
          await load(page, `http://localhost:${port}/${p.name}/`);
          await page.waitForTimeout(200);
          heapWithout = await heapUsed(cdp);
          firstContactWalkMs = await isolatedWalkMs(cdp);
        }
        const host = options.freshRenderers ? `127.0.${1 + (index >> 8)}.${1 + (index & 255)}` : '127.0.0.1';
        await load(page, `http://${host}:${port}/${p.name}/`);
        await waitForScan(page, 1, 30_000);
        const data = await rootData(page);
        const heapWith = heapWithout === null ? null : await heapUsed(cdp);
        const [workerLoad, workerAnnotate] = await browser.worker.evaluate(() => {
          // (no named helpers in here: the bundler's name-keeping wrapper does not exist in the worker)
          const figures = ['backstory:matcher', 'backstory:annotate'].map((name) =>
            performance.getEntriesByName(name).map((e) => ({ ms: e.duration, chars: Number((e as PerformanceMeasure).detail ?? 0) })),
          );
          performance.clearMeasures();
          return figures;
        });
        const worker = { load: workerLoad, annotate: workerAnnotate };
        result.workerLoadMs.push(...worker.load.map((e) => e.ms));
        result.workerAnnotateMs.push(worker.annotate.reduce((sum, e) => sum + e.ms, 0));
        result.workerChars.push(worker.annotate.reduce((sum, e) => sum + Number(e.chars ?? 0), 0));
        const isolated = await isolatedWalkMs(cdp); // (first: the page's own world has not walked it yet)
        const base = await baselineTimes(page);
        result.hoverMs.push(...(await hoverTimes(page, hovers)));
        result.rows.push({
          page: p.name,
          kind: p.kind,
          chars: Number(data.chars),
          textNodes: Number(data.textNodes),
          mentions: Number(data.mentions),
          busyMs: Number(data.busyMs),
          wallMs: Number(data.firstScanMs),
          longestSliceMs: Number(data.longestSliceMs),
          walkerMs: base.walkerMs,
          firstWalkMs: base.firstWalkMs,
          isolatedWalkMs: isolated,
          innerTextMs: base.innerTextMs,
          heapKB: heapWith === null || heapWithout === null ? null : Math.round((heapWith - heapWithout) / 1024),
          firstContactWalkMs,
          phases: JSON.parse(data.phases ?? '{}'),
        });
      } catch (error) {
        log(`${p.name}: skipped (${(error as Error).message.split('\n')[0]})`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  printPageBench(result, log);
  return result;
}

export function printPageBench(r: PageBenchResult, log: (line: string) => void = console.log): void {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  log(
    `Page benchmark (Chromium, offline; times in ms of main thread; ${
      r.freshRenderers ? 'each page in a fresh renderer, as on a newly opened site' : 'one host: the renderer is warm from the second page on (--fresh-renderers: each page in a new one)'
    })`,
  );
  // One spec per column: its header, width, value for a row, and decimals. Rows, median and max print the same way.
  const columns: [string, number, (x: PageBenchRow) => number, number][] = [
    ['chars', 8, (x) => x.chars, 0],
    ['nodes', 7, (x) => x.textNodes, 0],
    ['ment.', 7, (x) => x.mentions, 0],
    ['busy', 8, (x) => x.busyMs, 1],
    ['longest', 9, (x) => x.longestSliceMs, 1],
    ['walker', 8, (x) => x.walkerMs, 2],
    ['1st walk', 9, (x) => x.firstWalkMs, 2],
    ['innerText', 10, (x) => x.innerTextMs, 2],
    ['cold walk', 10, (x) => x.isolatedWalkMs, 2],
    ['busy/walk', 10, (x) => x.busyMs / Math.max(x.walkerMs, 0.05), 1],
    ['busy/iT', 9, (x) => x.busyMs / Math.max(x.innerTextMs, 0.05), 1],
    ['busy/cold', 10, (x) => x.busyMs / Math.max(x.isolatedWalkMs, 0.05), 1],
    ['heap KB', 9, (x) => x.heapKB ?? NaN, 0],
  ];
  log('page'.padEnd(26) + columns.map(([name, width]) => pad(name, width)).join(''));
  for (const row of r.rows) log(row.page.padEnd(26) + columns.map(([, width, pick, d]) => pad(f(pick(row), d), width)).join(''));
  const col = (pick: (row: PageBenchRow) => number) => r.rows.map(pick).filter(Number.isFinite);
  for (const [label, agg] of [
    ['median', median],
    ['max', max],
  ] as const) {
    log(label.padEnd(26) + columns.map(([, width, pick, d]) => pad(f(agg(col(pick)), d), width)).join(''));
  }
  log(
    "(walker, innerText: the page's own world, warm, best of 3; 1st walk: the walker's first round there; cold walk: " +
      'text nodes and their parents, once, in a fresh isolated world, as a content script meets the page. Both run ' +
      'after our scan has read the page and cost less than a first contact with a page nothing has read (likely: ' +
      'the strings of its text that the scan left cached)',
  );
  const phases = [...new Set(r.rows.flatMap((x) => Object.keys(x.phases)))];
  log(
    'where the busy time goes (median / max ms): ' +
      phases.map((p) => `${p} ${f(median(col((x) => x.phases[p] ?? 0)), 2)} / ${f(max(col((x) => x.phases[p] ?? 0)), 1)}`).join(', '),
  );
  const news = r.rows.filter((x) => x.kind === 'news');
  log(`news pages with mentions: ${news.filter((x) => x.mentions > 0).length}/${news.length}`);
  const sampled = r.rows.filter((x) => x.firstContactWalkMs !== null);
  if (sampled.length) {
    const first = sampled.map((x) => x.firstContactWalkMs!);
    log(
      `cold walk at first contact (the same page with Backstory off, nothing has read it; ${sampled.length} pages): median ` +
        `${f(median(first), 2)}, max ${f(max(first), 2)} ms; on those pages our scan: median ${f(median(sampled.map((x) => x.busyMs)), 1)} ms`,
    );
  }
  const mbs = r.workerAnnotateMs.map((ms, i) => r.workerChars[i] / 1e3 / Math.max(ms, 0.01));
  log(
    `off the page, in the background worker: engine per page median ${f(median(r.workerAnnotateMs), 2)} ms, max ` +
      `${f(max(r.workerAnnotateMs), 2)} ms (median ${f(median(mbs))} M chars/s); matcher load ${r.workerLoadMs.map((x) => f(x)).join(', ')} ms ` +
      `(once per worker start)`,
  );
  log(
    `hover to card beyond the ${r.showDelayMs} ms show delay: median ${f(median(r.hoverMs))} ms, p95 ${f(percentile(r.hoverMs, 95))} ms ` +
      `(${r.hoverMs.length} hovers)`,
  );
}

// Run directly: npx tsx scripts/bench-pages.ts [--pages a,b] [--hovers n]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const full = process.argv.includes('--full'); // more hovers, the heap on every page: about three times longer
  runPageBench({
    pages: arg('--pages')?.split(','),
    hoversPerPage: arg('--hovers') ? Number(arg('--hovers')) : full ? 4 : undefined,
    heapEvery: arg('--heap-every') ? Number(arg('--heap-every')) : full ? 1 : undefined,
    freshRenderers: full || process.argv.includes('--fresh-renderers'),
  }).catch(
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
