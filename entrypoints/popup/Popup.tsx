// The toolbar popup for one tab: what Backstory found on the page, a short summary, related archive articles,
// and a switch for the page's site. `popup.html?tabId=N` describes tab N (tests; the real popup uses the active tab).
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteOf, type Settings } from '../../engine/settings';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings-store';
import { pageKind, siteAllowed, withSiteEnabled } from '../../lib/site-lists';
import type { PageSummaryReply, RelatedArticlesReply } from '../../lib/messages';
import { applyTheme } from '../../components/theme';
import { PageEntities } from './PageEntities';

interface TargetTab {
  id: number | null;
  url: string | undefined;
}

type SummaryState = { kind: 'loading' } | { kind: 'unreachable' } | { kind: 'reply'; reply: PageSummaryReply };

const isTestTab = new URLSearchParams(location.search).has('tabId');

async function findTab(): Promise<TargetTab> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null) {
    const tab = await browser.tabs.get(Number(param));
    return { id: tab.id ?? null, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id ?? null, url: tab?.url };
}

const POLL_MS = 400;
const MAX_POLLS = 25; // ~10 s while the page is still being read

export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [summary, setSummary] = useState<SummaryState>({ kind: 'loading' });
  const [related, setRelated] = useState<RelatedArticlesReply['articles'] | null>(null);
  const [error, setError] = useState('');
  const polls = useRef(0);
  const pollTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const askSummary = async (target: TargetTab) => {
    if (target.id === null) return;
    if (pollTimer.current) clearTimeout(pollTimer.current);
    try {
      const reply = (await browser.tabs.sendMessage(target.id, { type: 'page-summary' })) as PageSummaryReply | undefined;
      if (!reply || !Array.isArray(reply.entities)) throw new Error('no answer');
      setSummary({ kind: 'reply', reply });
      if (reply.status === 'scanning' && polls.current++ < MAX_POLLS) pollTimer.current = setTimeout(() => askSummary(target), POLL_MS);
    } catch {
      setSummary({ kind: 'unreachable' });
    }
  };

  useEffect(() => {
    let target: TargetTab | null = null;
    Promise.all([loadSettings(), findTab()])
      .then(([check, found]) => {
        target = found;
        setSettings(check.settings);
        setTab(found);
        if (pageKind(found.url) !== 'restricted') askSummary(found);
      })
      .catch((e) => setError(String(e)));
    // The content script reacts to settings changes live; ask again once it has.
    const stop = watchSettings((check) => {
      setSettings(check.settings);
      if (target && pageKind(target.url) !== 'restricted') {
        polls.current = 0;
        setTimeout(() => askSummary(target!), 150);
      }
    });
    return () => {
      stop();
      if (pollTimer.current) clearTimeout(pollTimer.current);
    };
  }, []);

  useEffect(() => {
    if (settings) applyTheme(settings.theme);
  }, [settings?.theme]);

  // Related archive articles, once the page's entities are known.
  const entityIds = summary.kind === 'reply' ? summary.reply.entities.map((e) => e.id) : [];
  const idsKey = entityIds.join(' ');
  useEffect(() => {
    if (entityIds.length === 0) {
      setRelated(null);
      return;
    }
    browser.runtime
      .sendMessage({ type: 'related-articles', ids: entityIds.slice(0, 500), limit: 5 })
      .then((reply) => setRelated((reply as RelatedArticlesReply).articles))
      .catch(() => setRelated([]));
  }, [idsKey]);

  const kind = tab ? pageKind(tab.url) : 'unknown';
  const site = (tab?.url ? siteOf(tab.url) : null) ?? (summary.kind === 'reply' ? summary.reply.site : null);
  const siteOn = settings && site ? siteAllowed(settings, site) : true;

  const save = async (next: Settings) => {
    try {
      setSettings(next);
      await saveSettings(next);
    } catch (e) {
      setError(String(e));
    }
  };

  return (
    <main class="popup" aria-busy={!settings || summary.kind === 'loading'}>
      <header class="popup-header">
        <h1>Backstory</h1>
        <p data-testid="popup-status" class={`status ${settings?.enabled === false ? 'off' : 'on'}`}>
          {settings === null ? 'Loading…' : settings.enabled ? 'Enabled' : 'Turned off everywhere'}
        </p>
      </header>
      {error && (
        <p class="notice error" role="alert">
          Something went wrong: {error}
        </p>
      )}
      {settings && tab && (
        <PopupBody
          settings={settings}
          kind={kind}
          site={site}
          siteOn={siteOn}
          summary={summary}
          related={related}
          onSiteSwitch={(on) => site && save(withSiteEnabled(settings, site, on))}
          onTurnOn={() => save({ ...settings, enabled: true })}
          onReveal={(id) => {
            if (tab.id === null) return;
            browser.tabs
              .sendMessage(tab.id, { type: 'reveal-entity', id })
              .then(() => {
                if (!isTestTab) window.close(); // the card is open on the page now
              })
              .catch(() => setSummary({ kind: 'unreachable' }));
          }}
        />
      )}
      <footer class="popup-footer">
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(e) => {
            e.preventDefault();
            browser.runtime.openOptionsPage();
          }}
        >
          Settings
        </a>
        <a href={browser.runtime.getURL('/explorer.html')} target="_blank" rel="noreferrer">
          Explore the archive
        </a>
      </footer>
    </main>
  );
}

interface BodyProps {
  settings: Settings;
  kind: 'web' | 'restricted' | 'unknown';
  site: string | null;
  siteOn: boolean;
  summary: SummaryState;
  related: RelatedArticlesReply['articles'] | null;
  onSiteSwitch: (on: boolean) => void;
  onTurnOn: () => void;
  onReveal: (id: string) => void;
}

function PopupBody({ settings, kind, site, siteOn, summary, related, onSiteSwitch, onTurnOn, onReveal }: BodyProps) {
  if (kind === 'restricted') {
    return (
      <section class="state" data-testid="popup-state" data-state="restricted">
        <h2>Backstory can’t run on this page</h2>
        <p class="muted">Browsers keep extensions off their own pages, local files and the add-on stores. Open a news article to use it.</p>
      </section>
    );
  }
  if (!settings.enabled) {
    return (
      <section class="state" data-testid="popup-state" data-state="off-everywhere">
        <h2>Backstory is turned off</h2>
        <p class="muted">It marks nothing on any site until you turn it back on.</p>
        <button type="button" class="primary" onClick={onTurnOn}>
          Turn on
        </button>
      </section>
    );
  }
  return (
    <>
      {site && (
        <div class="site-switch">
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              data-testid="site-switch"
              checked={siteOn}
              onChange={(e) => onSiteSwitch(e.currentTarget.checked)}
            />
            <span>
              {siteOn ? 'On' : 'Off'} for <strong>{site}</strong>
            </span>
          </label>
        </div>
      )}
      {!siteOn ? (
        <section class="state" data-testid="popup-state" data-state="off-site">
          <h2>Turned off on this site</h2>
          <p class="muted">Backstory marks nothing on {site}. Use the switch above to turn it back on.</p>
        </section>
      ) : (
        <PageReport summary={summary} related={related} onReveal={onReveal} />
      )}
    </>
  );
}

function PageReport({ summary, related, onReveal }: Pick<BodyProps, 'summary' | 'related' | 'onReveal'>) {
  if (summary.kind === 'loading' || (summary.kind === 'reply' && summary.reply.status === 'scanning' && summary.reply.entities.length === 0)) {
    return (
      <p class="state muted" data-testid="popup-state" data-state="loading">
        Reading the page…
      </p>
    );
  }
  if (summary.kind === 'unreachable') {
    return (
      <section class="state" data-testid="popup-state" data-state="unreachable">
        <h2>Backstory hasn’t read this page yet</h2>
        <p class="muted">Reload the page to let it start. (Pages opened before Backstory was installed or turned on need a reload.)</p>
      </section>
    );
  }
  const { reply } = summary;
  if (reply.status === 'off') {
    return (
      <p class="state muted" data-testid="popup-state" data-state="stopping">
        Backstory is not active on this page.
      </p>
    );
  }
  return (
    <>
      {reply.entities.length === 0 ? (
        <section class="state" data-testid="popup-state" data-state="nothing-found">
          <h2>Nothing found</h2>
          <p class="muted">No figure or topic from the archive is named on this page.</p>
        </section>
      ) : (
        <PageEntities entities={reply.entities} onReveal={onReveal} />
      )}
      {reply.summary.length > 0 && (
        <section aria-labelledby="summary-heading" class="block">
          <h2 id="summary-heading">In short</h2>
          <p data-testid="page-summary">{reply.summary.join(' ')}</p>
        </section>
      )}
      {related && related.length > 0 && (
        <section aria-labelledby="related-heading" class="block">
          <h2 id="related-heading">From the archive</h2>
          <ul class="related" data-testid="related-articles">
            {related.map((a) => (
              <li key={a.id}>
                <a href={browser.runtime.getURL(`/explorer.html#article=${encodeURIComponent(a.id)}`)} target="_blank" rel="noreferrer">
                  {a.title}
                </a>
                <span class="muted small">
                  {' '}
                  {a.source}
                  {a.date ? `, ${a.date}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
