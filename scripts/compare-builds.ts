// Compares two builds of the extension on the saved pages of ../shared/pages: each page is loaded in both, in two
// browsers side by side, alternating which goes first, and each build's best load counts (this machine is shared:
// other processes only ever add time). Prints the main-thread time of the first scan (median, max, sum) and its
// phases for both builds, and lists the pages where the two builds mark different text. Asserts nothing.
//
//   npx tsx scripts/compare-builds.ts OLD_BUILD_DIR NEW_BUILD_DIR [--loads 2]
//   (a build dir is a copy of .output/chrome-mv3, e.g. cp -r .output/chrome-mv3 /tmp/before)

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, servePages, SHARED } from '../tests/browser/harness';
import { blockTheNetwork, listSavedPages, markedRanges, openSavedPage, rootData, waitForScan } from '../tests/browser/page-helpers';
import { max, median } from './bench-pages';

interface Best {
  busyMs: number;
  phases: Record<string, number>;
}

export async function compareBuilds(dirs: [string, string], loads = 2, log: (line: string) => void = console.log): Promise<void> {
  const pages = listSavedPages(path.join(SHARED, 'pages'));
  const routes: Record<string, () => string> = {};
  for (const p of pages) routes[`/${p.name}/`] = () => readFileSync(p.file, 'utf8');
  const server = await servePages(routes);
  const port = new URL(server.baseUrl).port;
  const browsers = [];
  const results: Best[][] = [[], []];
  const differ: string[] = [];
  try {
    for (const extDir of dirs) browsers.push(await launchWithExtension({ extDir }));
    const tabs = [];
    for (const b of browsers) {
      await blockTheNetwork(b.context);
      tabs.push(await b.context.newPage());
    }
    for (const [i, p] of pages.entries()) {
      const best: Best[] = [{ busyMs: Infinity, phases: {} }, { busyMs: Infinity, phases: {} }];
      const marks = ['', ''];
      for (let load = 0; load < loads; load++) {
        for (const k of (i + load) % 2 ? [1, 0] : [0, 1]) {
          await openSavedPage(tabs[k], `http://127.0.0.1:${port}/${p.name}/`);
          await waitForScan(tabs[k], 1, 30_000);
          const data = await rootData(tabs[k]);
          if (Number(data.busyMs) < best[k].busyMs) best[k] = { busyMs: Number(data.busyMs), phases: JSON.parse(data.phases ?? '{}') };
          // what is marked, with which type and entity (not where: layout may still move between loads)
          if (load === 0) marks[k] = JSON.stringify([(await markedRanges(tabs[k])).map((r) => [r.highlight, r.text]), data.marked]);
        }
      }
      if (marks[0] !== marks[1]) differ.push(p.name);
      results[0].push(best[0]);
      results[1].push(best[1]);
    }
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
  log(`${pages.length} saved pages, best of ${loads} loads per page and build (ms of main thread, first scan)`);
  for (const k of [0, 1]) {
    const busy = results[k].map((r) => r.busyMs);
    const phases = [...new Set(results[k].flatMap((r) => Object.keys(r.phases)))];
    log(
      `${dirs[k]}: median ${median(busy).toFixed(2)}, max ${max(busy).toFixed(1)}, sum ${busy.reduce((a, b) => a + b, 0).toFixed(0)}; ` +
        phases.map((q) => `${q} ${median(results[k].map((r) => r.phases[q] ?? 0)).toFixed(2)}`).join(', '),
    );
  }
  log(`pages whose marks differ: ${differ.length ? differ.join(', ') : 'none'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('--') && !/^\d+$/.test(x));
  const i = process.argv.indexOf('--loads');
  if (!a || !b) {
    console.error('usage: npx tsx scripts/compare-builds.ts OLD_BUILD_DIR NEW_BUILD_DIR [--loads 2]');
    process.exit(2);
  }
  compareBuilds([a, b], i >= 0 ? Number(process.argv[i + 1]) : 2).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
