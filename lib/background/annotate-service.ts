// Reads page text for the content scripts. The engine runs here, once per browser session, and stays warm from page
// to page; in each tab it would be loaded and JIT-compiled again on the page's own main thread, which cost several
// times more than the reading itself. Page text goes no further than this worker.
import { browser } from 'wxt/browser';
import bundledMatcher from '@archive/matcher.json';
import { loadMatcher, mergeMatcherData, type Matcher, type MatcherData } from '../../engine/index';
import { wordScanner } from '../../engine/matcher';
import type { AnnotateReply, BackgroundRequest } from '../messages';
import { annotateReply } from './annotate-reply';
import { importedMatcher, onArchiveChanged } from './archive-service';

let matcher: Promise<Matcher> | null = null;
onArchiveChanged(() => (matcher = null));

async function loadPageMatcher(): Promise<Matcher> {
  // A broken import must not stop the bundled archive from working. (Both reads wait on storage: at once.)
  const [extra, index] = await Promise.all([importedMatcher().catch(() => null), bundledIndex()]);
  const data = bundledMatcher as MatcherData;
  // (the shipped tables are those of the bundled rows alone: with an import, the trie is built)
  return extra ? loadMatcher(mergeMatcherData(data, extra)) : loadMatcher(data, index);
}

/** The bundled matcher's precomputed tables (matcher-index.bin), or null: loadMatcher then builds them. */
async function bundledIndex(): Promise<Uint8Array | null> {
  try {
    // (copied into the build by wxt.config.ts, so not among the public paths WXT types from public/)
    const response = await fetch((browser.runtime.getURL as (path: string) => string)('/matcher-index.bin'));
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

export async function handleAnnotateRequest(request: Extract<BackgroundRequest, { type: 'annotate' }>): Promise<AnnotateReply> {
  const loading = !matcher;
  let start = performance.now();
  const m = await (matcher ??= loadPageMatcher().catch((error) => {
    matcher = null; // try again next time
    throw error;
  }));
  // (figures for the page bench; and for the tests, where the tables came from and which word scanner reads: a CSP
  // without 'wasm-unsafe-eval' would leave the engine on its JavaScript scan)
  if (loading) measure('backstory:matcher', start, { tables: m.tables, scanner: wordScanner() });
  start = performance.now();
  const reply = annotateReply(m, request.text);
  measure('backstory:annotate', start, request.text.length);
  return reply;
}

function measure(name: string, start: number, detail?: unknown): void {
  try {
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // a browser without measure options: the figures are only for the bench
  }
}
