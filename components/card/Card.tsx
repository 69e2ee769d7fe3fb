// The hover card: who or what a mention refers to, with background from the archive. Every string is rendered
// as text by Preact (never as markup): names, descriptions and sentences come from data.
import type { MatcherEntity } from '../../engine/matcher';
import type { ResolvedArticle, ResolvedDetails } from '../../lib/messages';
import { Sparkline } from './Sparkline';
import { asOfLabel, formatDate, plural, TYPE_LABELS, wikipediaUrl } from './format';

export const MAX_FACTS = 3;
export const MAX_CHIPS = 6;

export interface CardProps {
  entity: MatcherEntity;
  details: ResolvedDetails | null;
  /** mentions of this entity on the page, and which of them the card is on (-1: none) */
  pageCount: number;
  pageIndex: number;
  pinned: boolean;
  dir: 'ltr' | 'rtl';
  explorerUrl(articleId: string): string;
  onPin(): void;
  onClose(): void;
  onPrevious(): void;
  onNext(): void;
  onEntity(id: string): void;
}

function ArticleLink({ article, explorerUrl }: { article: ResolvedArticle; explorerUrl(id: string): string }) {
  const date = formatDate(article.date);
  return (
    <span class="source">
      <a href={article.url ?? explorerUrl(article.id)} target="_blank" rel="noopener noreferrer">
        {article.title}
      </a>
      {date && <time dateTime={article.date ?? undefined}>{` · ${date}`}</time>}
    </span>
  );
}

export function Card(props: CardProps) {
  const { entity, details, pageCount, pageIndex, pinned } = props;
  const asOf = asOfLabel(entity.asOf);
  const facts = (details?.background ?? []).slice(0, MAX_FACTS);
  const chips = (details?.mentionedWith ?? []).slice(0, MAX_CHIPS);
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-label={entity.name}
      tabIndex={-1}
      dir={props.dir}
      data-testid="backstory-card"
      data-entity={entity.id}
      data-type={entity.type}
    >
      <header>
        <div class="title">
          <h2>{entity.name}</h2>
          <span class="type">{TYPE_LABELS[entity.type] ?? entity.type}</span>
        </div>
        <div class="tools">
          <button type="button" class="pin" aria-pressed={pinned} title={pinned ? 'Unpin this card' : 'Pin this card open'} onClick={props.onPin}>
            {pinned ? 'Unpin' : 'Pin'}
          </button>
          <button type="button" class="close" aria-label="Close" title="Close (Esc)" onClick={props.onClose}>
            ×
          </button>
        </div>
      </header>
      {entity.description && (
        <p class="description">
          {entity.description}
          {asOf && <span class="as-of">{` (${asOf})`}</span>}
        </p>
      )}
      {facts.length > 0 && (
        <section class="facts" aria-label="Background from the archive">
          <h3>Background</h3>
          <ul>
            {facts.map((fact, i) => (
              <li key={i}>
                <p>{fact.text}</p>
                <ArticleLink article={fact.article} explorerUrl={props.explorerUrl} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {chips.length > 0 && (
        <section class="with" aria-label="Mentioned with">
          <h3>Mentioned with</h3>
          <div class="chips">
            {chips.map((c) => (
              <button type="button" class="chip" data-type={c.type} key={c.id} title={`${plural(c.shared, 'article')} in common`} onClick={() => props.onEntity(c.id)}>
                {c.name}
              </button>
            ))}
          </div>
        </section>
      )}
      {details && (
        <section class="archive">
          <Sparkline perYear={details.perYear} />
          <span>{`${plural(details.mentions, 'mention')} in ${plural(details.articleCount, 'archive article')}`}</span>
        </section>
      )}
      <footer>
        <div class="page-nav">
          <button type="button" class="previous" aria-label="Previous mention on this page" title="Previous mention (Alt+Shift+P: previous marked name of any kind)" disabled={pageCount < 2} onClick={props.onPrevious}>
            ‹
          </button>
          <span class="count" data-testid="page-count">
            {pageIndex >= 0 && pageCount > 1 ? `${pageIndex + 1} of ${plural(pageCount, 'mention')} on this page` : `${plural(pageCount, 'mention')} on this page`}
          </span>
          <button type="button" class="next" aria-label="Next mention on this page" title="Next mention (Alt+Shift+N: next marked name of any kind)" disabled={pageCount < 2} onClick={props.onNext}>
            ›
          </button>
        </div>
        {entity.wikipedia && (
          <a class="wikipedia" href={wikipediaUrl(entity.wikipedia)} target="_blank" rel="noopener noreferrer">
            Wikipedia
          </a>
        )}
      </footer>
    </div>
  );
}
