// Reads page text for the content scripts. The engine runs here, once per browser session, and stays warm from page
// to page; in each tab it would be loaded and JIT-compiled again on the page's own main thread, which cost several
// times more than the reading itself. Page text goes no further than this worker.
import bundledMatcher from '@archive/matcher.json';
import { loadMatcher, mergeMatcherData, type Matcher, type MatcherData } from '../../engine/index';
import type { AnnotateReply, BackgroundRequest } from '../messages';
import { annotateReply } from './annotate-reply';
import { importedMatcher, onArchiveChanged } from './archive-service';

let matcher: Promise<Matcher> | null = null;
onArchiveChanged(() => (matcher = null));

async function loadPageMatcher(): Promise<Matcher> {
  // A broken import must not stop the bundled archive from working.
  const extra = await importedMatcher().catch(() => null);
  const data = bundledMatcher as MatcherData;
  return loadMatcher(extra ? mergeMatcherData(data, extra) : data);
}

export async function handleAnnotateRequest(request: Extract<BackgroundRequest, { type: 'annotate' }>): Promise<AnnotateReply> {
  const loading = !matcher;
  let start = performance.now();
  const m = await (matcher ??= loadPageMatcher().catch((error) => {
    matcher = null; // try again next time
    throw error;
  }));
  if (loading) measure('backstory:matcher', start); // (figures for the page bench)
  start = performance.now();
  const reply = annotateReply(m, request.text);
  measure('backstory:annotate', start, request.text.length);
  return reply;
}

function measure(name: string, start: number, chars?: number): void {
  try {
    performance.measure(name, { start, end: performance.now(), detail: chars });
  } catch {
    // a browser without measure options: the figures are only for the bench
  }
}
