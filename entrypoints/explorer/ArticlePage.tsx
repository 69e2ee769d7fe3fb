// One archived article, its mentions marked by the same engine the extension uses on news pages, with the hover
// card (components/card) on each mention. This is our own page, so plain links mark the mentions.
import { useMemo } from 'preact/hooks';
import { annotate } from '../../engine/annotate';
import type { ArchiveCredits } from '../../engine/archive/shapes';
import { formatDate } from '../../components/card/format';
import type { ExplorerModel } from './model';
import { entityHref } from './route';
import { MentionCards } from './MentionCards';
import { segmentText } from './segments';
import { BUNDLED_LABEL } from './load';

export function ArticlePage({ model, id, credits }: { model: ExplorerModel; id: string; credits: ArchiveCredits[] }) {
  const article = model.articles.get(id);
  const paragraphs = useMemo(() => {
    if (!article) return [];
    const mentions = annotate(model.matcher, article.text).sort((a, b) => a.start - b.start);
    return segmentText(article.text, mentions, (e) => model.matcherData.entities[e].id);
  }, [model, article]);
  if (!article) {
    return (
      <>
        <h1 tabIndex={-1}>Not in the archive</h1>
        <p>
          No article has the id “{id}”. <a href="#">Search the archive</a>
        </p>
      </>
    );
  }
  const attribution = credits.flatMap((c) => c.sources).find((line) => line.source === article.source && line.license === article.license)?.attribution;
  const mentionCount = paragraphs.flat().filter((s) => s.mention).length;
  return (
    <article class="article-page" data-testid="article-page" data-article-id={article.id}>
      <header>
        <h1 tabIndex={-1}>{article.title}</h1>
        <p class="muted">
          {article.source}
          {article.date ? ` · ${formatDate(article.date)}` : ''}
          {article.url && (
            <>
              {' · '}
              <a href={article.url} target="_blank" rel="noreferrer">
                Original article
              </a>
            </>
          )}
        </p>
        {article.archive !== BUNDLED_LABEL && <p class="muted small">{article.archive}</p>}
        <p class="muted small" data-testid="article-mention-count">
          {mentionCount} marked mention{mentionCount === 1 ? '' : 's'}: point at one, or focus it with Tab, for its card.
        </p>
      </header>
      <MentionCards model={model}>
        <div class="article-text" lang={article.language}>
          {paragraphs.map((segments, p) => (
            <p key={p}>
              {segments.map((s, i) =>
                s.mention ? (
                  <a key={i} class="mention" href={entityHref(s.mention.id)} data-entity-id={s.mention.id} data-mention-index={s.mention.index}>
                    {s.text}
                  </a>
                ) : (
                  s.text
                ),
              )}
            </p>
          ))}
        </div>
      </MentionCards>
      <footer class="article-credits small">
        <p>
          {article.source}, {article.license}.
          {attribution && <> {attribution}</>}
        </p>
        {article.sources.length > 0 && (
          <>
            <p>Sources:</p>
            <ul>
              {article.sources.map((s) => (
                <li key={s}>{/^https?:\/\//.test(s) ? <a href={s} target="_blank" rel="noreferrer">{s}</a> : s}</li>
              ))}
            </ul>
          </>
        )}
      </footer>
    </article>
  );
}
