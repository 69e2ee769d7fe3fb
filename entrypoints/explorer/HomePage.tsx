// Search over entity names and aliases and article titles; without a query, the most mentioned and newest.
import { useEffect, useState } from 'preact/hooks';
import { TYPE_LABEL, plural } from '../../components/entity-types';
import { search, type ArticleView, type EntityView, type ExplorerModel } from './model';
import { articleHref, entityHref, searchHref } from './route';

export function HomePage({ model, query }: { model: ExplorerModel; query: string }) {
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  const results = search(model, text);
  const top = [...model.entities.values()].sort((a, b) => b.mentions - a.mentions).slice(0, 24);
  return (
    <>
      <h1 tabIndex={-1}>Explore the archive</h1>
      <p class="muted">
        {plural(model.articleList.length, 'article')} and {model.entities.size.toLocaleString('en')} figures and topics kept on this device.
      </p>
      <form
        role="search"
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          history.replaceState(null, '', searchHref(text.trim()));
        }}
      >
        <label for="search-input">Search people, organisations, places, events and article titles</label>
        <input
          id="search-input"
          type="search"
          name="q"
          value={text}
          autoComplete="off"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </form>
      {text.trim() ? (
        <div class="results" aria-live="polite" data-testid="search-results">
          <section aria-labelledby="entity-results">
            <h2 id="entity-results">Figures and topics ({results.entities.length})</h2>
            {results.entities.length === 0 ? <p class="muted">None match.</p> : <EntityList entities={results.entities} />}
          </section>
          <section aria-labelledby="article-results">
            <h2 id="article-results">Articles ({results.articles.length})</h2>
            {results.articles.length === 0 ? <p class="muted">None match.</p> : <ArticleList articles={results.articles} />}
          </section>
        </div>
      ) : (
        <div class="results">
          <section aria-labelledby="top-heading">
            <h2 id="top-heading">Most mentioned</h2>
            <EntityList entities={top} />
          </section>
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading">Latest articles</h2>
            <ArticleList articles={model.articleList.slice(0, 12)} />
          </section>
        </div>
      )}
    </>
  );
}

export function EntityList({ entities }: { entities: EntityView[] }) {
  return (
    <ul class="entity-list">
      {entities.map((e) => (
        <li key={e.id}>
          <a href={entityHref(e.id)}>{e.name}</a> <span class="type-tag">{TYPE_LABEL[e.type]}</span>
          <span class="muted small"> {plural(e.mentions, 'mention')}</span>
          {e.description && <div class="muted small one-line">{e.description}</div>}
        </li>
      ))}
    </ul>
  );
}

export function ArticleList({ articles }: { articles: ArticleView[] }) {
  return (
    <ul class="article-list">
      {articles.map((a) => (
        <li key={a.id}>
          <a href={articleHref(a.id)}>{a.title}</a>
          <div class="muted small">
            {a.source}
            {a.date ? ` · ${a.date}` : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}
