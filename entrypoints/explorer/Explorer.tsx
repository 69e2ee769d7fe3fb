// The archive explorer: search, entity pages and article pages over the bundled archive plus the user's imports.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadSettings } from '../../lib/settings-store';
import { applyTheme } from '../../components/theme';
import { buildModel, type ExplorerModel } from './model';
import { loadArchives, type LoadedArchives } from './load';
import { parseRoute, type Route } from './route';
import { HomePage } from './HomePage';
import { EntityPage } from './EntityPage';
import { ArticlePage } from './ArticlePage';

export function Explorer() {
  const [loaded, setLoaded] = useState<LoadedArchives | null>(null);
  const [error, setError] = useState('');
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));

  useEffect(() => {
    loadSettings().then(({ settings }) => applyTheme(settings.theme)).catch(() => {});
    loadArchives().then(setLoaded).catch((e) => setError(String(e)));
    const onHash = () => {
      setRoute(parseRoute(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const model = useMemo<ExplorerModel | null>(() => (loaded ? buildModel(loaded.archives) : null), [loaded]);

  useEffect(() => {
    if (!model) return;
    const title =
      route.page === 'entity' ? model.entities.get(route.id)?.name : route.page === 'article' ? model.articles.get(route.id)?.title : undefined;
    document.title = title ? `${title} · Backstory archive` : 'Backstory archive';
    // Move focus to the new page's heading so keyboard and screen reader users land on it.
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [model, route]);

  return (
    <div class="explorer">
      <header class="site-header">
        <a href="#" class="brand">
          Backstory archive
        </a>
      </header>
      <main data-status={model ? 'ready' : 'loading'} data-testid="explorer">
        {error && (
          <p class="notice error" role="alert">
            The archive could not be loaded: {error}
          </p>
        )}
        {!model && !error && <p class="muted">Loading the archive…</p>}
        {loaded?.importError && (
          <p class="notice error" role="alert">
            Your imported archives could not be read ({loaded.importError}); showing the bundled archive only.
          </p>
        )}
        {model && loaded && route.page === 'home' && <HomePage model={model} query={route.query} />}
        {model && route.page === 'entity' && <EntityPage model={model} id={route.id} />}
        {model && loaded && route.page === 'article' && <ArticlePage model={model} id={route.id} credits={loaded.credits} />}
      </main>
    </div>
  );
}
