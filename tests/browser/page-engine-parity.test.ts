// The content script and the `backstory annotate` command use the same engine: for the same text they must find
// the same mentions of the same entities. The page is the seed article and three corpus articles as plain
// paragraphs; the CLI side annotates the same paragraphs as the content script reads them (blocks joined by "\n\n").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SHARED } from './harness';
import { extensionSession } from './session';
import { markedRanges, waitForScan } from './page-helpers';
import { openTab } from './ui-helpers';
import { loadArchiveMatcher } from '../../scripts/archive-files';
import { annotateText } from '../../scripts/commands/annotate';
import type { PageSummaryReply } from '../../lib/messages';

const seed = readFileSync(path.join(SHARED, 'seed/le-pen-nato-russia.txt'), 'utf8');
const corpus = readFileSync(path.join(SHARED, 'corpus/articles.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { title: string; text: string })
  .filter((a) => /\b(Trump|Putin|European Union|NATO)\b/.test(a.text))
  .slice(0, 3);
const paragraphs = [seed, ...corpus.map((a) => a.text)]
  .flatMap((text) => text.split(/\n\s*\n/))
  .map((p) => p.replace(/\s+/g, ' ').trim())
  .filter(Boolean);
const escape = (text: string) => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parity</title></head><body>${paragraphs
  .map((p) => `<p>${escape(p)}</p>`)
  .join('')}</body></html>`;

const session = extensionSession({ '/parity': PAGE });

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

test('the content script marks the same mentions as `backstory annotate` for the same text', async () => {
  // The CLI's view, with the archive the extension was built with.
  const matcher = loadArchiveMatcher(path.join(ROOT, '.archive'));
  const cli = annotateText(matcher, paragraphs.join('\n\n'));
  assert.ok(cli.length > 100, `the CLI found ${cli.length} mentions`);

  const { page, tabId } = await openTab(session.browser, `${session.server.baseUrl}/parity`);
  await waitForScan(page);
  const summary = (await session.browser.worker.evaluate(
    ([id]) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'page-summary' }),
    [tabId],
  )) as PageSummaryReply;

  // Mentions per entity, as the popup reports them.
  const pageCounts = Object.fromEntries(summary.entities.map((e) => [e.id, e.mentions]));
  assert.deepEqual(pageCounts, countBy(cli, (m) => m.entity.id));

  // The marked text itself, with its type's highlight.
  const marked = await markedRanges(page);
  assert.deepEqual(
    countBy(marked, (r) => `${r.highlight.replace(/^backstory-/, '')}: ${r.text}`),
    countBy(cli, (m) => `${m.entity.type}: ${m.surface}`),
  );
  await page.close();
});
