// Backstory on a web page: waits for the settings, then (where it is active) scans the page, marks what it knows and
// shows cards. Answers the popup's questions. Everything else lives in lib/page/.
import { browser } from 'wxt/browser';
import css from './style.css?inline';
import { isActiveOn, siteOf, type Settings } from '../../engine/settings';
import { loadSettings, watchSettings } from '../../lib/settings-store';
import {
  isTabRequest,
  type AnnotateReply,
  type EntityDetailsReply,
  type PageSummaryReply,
  type RevealEntityReply,
  type TabRequest,
} from '../../lib/messages';
import { PageSession } from '../../lib/page/session';
import { highlightsSupported } from '../../lib/page/highlighter';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // (WXT would otherwise post a message to the page's window on every load: the page's scripts would see it)
  noScriptStartedPostMessage: true,
  async main() {
    let session: PageSession | null = null;
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
      session = new PageSession(settings, {
        // the engine runs in the background worker, warm from page to page (see lib/background/annotate-service.ts)
        annotate: async (text) => (await browser.runtime.sendMessage({ type: 'annotate', text })) as AnnotateReply,
        css,
        requestDetails: async (ids) => (await browser.runtime.sendMessage({ type: 'entity-details', ids })) as EntityDetailsReply,
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
