// Backstory on a web page: waits for the settings, then (where it is active) scans the page, marks what it knows and
// shows cards. Answers the popup's questions. Everything else lives in lib/page/.
import { browser } from 'wxt/browser';
import css from './style.css?inline';
// As text, parsed only where Backstory runs: pages it is off on pay nothing for the bundled matcher.
import matcherJson from '@archive/matcher.json?raw';
import { loadMatcher, mergeMatcherData, type Matcher, type MatcherData } from '../../engine/index';
import { isActiveOn, siteOf, type Settings } from '../../engine/settings';
import { loadSettings, watchSettings } from '../../lib/settings-store';
import { isTabRequest, type EntityDetailsReply, type PageSummaryReply, type RevealEntityReply, type TabRequest } from '../../lib/messages';
import { PageSession } from '../../lib/page/session';
import { highlightsSupported } from '../../lib/page/highlighter';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    let session: PageSession | null = null;
    let matcher: Promise<Matcher> | null = null;
    let settings: Settings = (await loadSettings()).settings;

    const active = () => isActiveOn(settings, location.href) && highlightsSupported();

    const apply = async (next: Settings) => {
      settings = next;
      if (!active()) {
        session?.stop();
        session = null;
        return;
      }
      if (session) {
        session.applySettings(settings);
        return;
      }
      const loaded = await (matcher ??= loadPageMatcher());
      if (session || !active()) return; // another change got there first
      session = new PageSession(settings, {
        matcher: loaded,
        css,
        requestDetails: async (ids) =>
          ((await browser.runtime.sendMessage({ type: 'entity-details', ids })) as EntityDetailsReply).details,
        explorerUrl: (id) => browser.runtime.getURL(`/explorer.html#article=${encodeURIComponent(id)}`),
      });
      await session.start();
    };

    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || !isTabRequest(message)) return undefined;
      return answer(message);
    });

    async function answer(request: TabRequest): Promise<PageSummaryReply | RevealEntityReply> {
      if (request.type === 'page-summary') {
        if (!session) return { status: active() ? 'scanning' : 'off', site: siteOf(location.href), entities: [], summary: [] };
        return session.summary();
      }
      return session ? session.reveal(request.id) : { found: false };
    }

    await apply(settings);
    watchSettings(({ settings: next }) => void apply(next));
  },
});

/** The bundled matcher, merged with the user's imported archives when there are any. */
async function loadPageMatcher(): Promise<Matcher> {
  let imported: MatcherData | null = null;
  try {
    imported = (await browser.runtime.sendMessage({ type: 'imported-matcher' })) as MatcherData | null;
  } catch {
    // no imports (or the worker is busy): the bundled archive alone
  }
  // Parsing and loading are two tasks, so that neither holds the page for long.
  let start = performance.now();
  let data = JSON.parse(matcherJson) as MatcherData;
  if (imported && Array.isArray(imported.entities)) data = mergeMatcherData(data, imported);
  performance.measure('backstory:matcher-parse', { start, end: performance.now() }); // read by the page bench
  await new Promise((resolve) => setTimeout(resolve, 0));
  start = performance.now();
  const matcher = loadMatcher(data);
  performance.measure('backstory:matcher', { start, end: performance.now() });
  return matcher;
}
