// One figure or topic: who or what it is, background from the archive, its articles, mentions per year, and the
// entities it is most often mentioned with.
import { TYPE_LABEL, plural } from '../../components/entity-types';
import { YearChart } from '../../components/YearChart';
import type { ExplorerModel } from './model';
import { articleHref, entityHref } from './route';

const MAX_BACKGROUND = 6;

export function EntityPage({ model, id }: { model: ExplorerModel; id: string }) {
  const entity = model.entities.get(id);
  if (!entity) {
    return (
      <>
        <h1 tabIndex={-1}>Not in the archive</h1>
        <p>
          No figure or topic has the id “{id}”. <a href="#">Search the archive</a>
        </p>
      </>
    );
  }
  const background = entity.background.slice(0, MAX_BACKGROUND);
  return (
    <article class="entity-page" data-testid="entity-page" data-entity-id={entity.id}>
      <header>
        <p class="type-line">
          <span class="type-tag">{TYPE_LABEL[entity.type]}</span>
          {entity.discovered && <span class="muted small"> found in the articles</span>}
        </p>
        <h1 tabIndex={-1}>{entity.name}</h1>
        {entity.description && (
          <p class="lede">
            {entity.description}
            {entity.asOf && <span class="muted small"> (as of {entity.asOf})</span>}
          </p>
        )}
        <p class="muted">
          {plural(entity.mentions, 'mention')} in {plural(entity.articles.length, 'article')}
          {entity.wikipedia && (
            <>
              {' · '}
              <a href={`https://en.wikipedia.org/wiki/${encodeURIComponent(entity.wikipedia.replace(/ /g, '_'))}`} target="_blank" rel="noreferrer">
                Wikipedia
              </a>
            </>
          )}
        </p>
      </header>

      {background.length > 0 && (
        <section aria-labelledby="background-heading">
          <h2 id="background-heading">Background</h2>
          <ul class="background">
            {background.map((b, i) => (
              <li key={i}>
                {b.text}{' '}
                <a class="small" href={articleHref(b.article.id)}>
                  {b.article.source}
                  {b.article.date ? `, ${b.article.date}` : ''}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Mentions over time</h2>
        <YearChart perYear={entity.perYear} label={`Mentions of ${entity.name} per year`} />
      </section>

      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles ({entity.articles.length})</h2>
        {entity.articles.length === 0 ? (
          <p class="muted">No archive article mentions {entity.name} yet.</p>
        ) : (
          <ul class="article-list" data-testid="entity-articles">
            {entity.articles.map((a) => (
              <li key={a.id}>
                <a href={articleHref(a.id)}>{a.title}</a>
                <div class="muted small">
                  {a.date ?? 'undated'} · {a.source}
                  {a.url && (
                    <>
                      {' · '}
                      <a href={a.url} target="_blank" rel="noreferrer" aria-label={`Original of “${a.title}”`}>
                        original
                      </a>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {entity.mentionedWith.length > 0 && (
        <section aria-labelledby="with-heading">
          <h2 id="with-heading">Often mentioned with</h2>
          <ul class="chips" data-testid="mentioned-with">
            {entity.mentionedWith.map(({ entity: other, shared }) => (
              <li key={other.id}>
                <a href={entityHref(other.id)}>{other.name}</a>
                <span class="muted small"> {plural(shared, 'article')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
