// Pure part of the details service: resolves details.json rows (indexes) into what cards and the popup show.
import type { ArchiveDetails } from '../../engine/archive/shapes';
import type { MatcherEntity } from '../../engine/matcher';
import type { RelatedArticlesReply, ResolvedArticle, ResolvedDetails } from '../messages';

const MAX_ARTICLES = 10;
const MAX_BACKGROUND = 5;

export function resolveArticle(archive: ArchiveDetails, index: number): ResolvedArticle | null {
  const row = archive.articles[index];
  if (!row) return null;
  return { id: row.i, title: row.t, date: row.d, source: archive.sources[row.s] ?? '', url: row.u };
}

/** Everything a card shows about entity `index` (an index into `entities`, parallel to archive.entities). */
export function resolveDetails(archive: ArchiveDetails, entities: MatcherEntity[], index: number): ResolvedDetails | null {
  const entity = entities[index];
  const e = archive.entities[index];
  if (!entity || !e) return null;
  const articles = e.a.slice(0, MAX_ARTICLES).map((a) => resolveArticle(archive, a)).filter((a): a is ResolvedArticle => a !== null);
  const background: ResolvedDetails['background'] = [];
  for (const [a, text] of e.b) {
    const article = resolveArticle(archive, a);
    if (article && background.length < MAX_BACKGROUND) background.push({ text, article });
  }
  const mentionedWith = e.c
    .map(([other, shared]) => ({ other: entities[other], shared }))
    .filter((c) => c.other !== undefined)
    .map(({ other, shared }) => ({ id: other.id, name: other.name, type: other.type, shared }));
  return { id: entity.id, mentions: e.m, articleCount: e.n, articles, background, mentionedWith, perYear: e.y };
}

/** Archive articles mentioning the most of `ids`, then the newest; each lists which of the ids it mentions. */
export function relatedArticles(archive: ArchiveDetails, entities: MatcherEntity[], ids: string[], limit: number): RelatedArticlesReply {
  const indexOf = entityIndex(entities);
  const shared = new Map<number, string[]>();
  for (const id of new Set(ids)) {
    const index = indexOf.get(id);
    if (index === undefined) continue;
    for (const a of archive.entities[index]?.a ?? []) {
      const list = shared.get(a) ?? [];
      list.push(id);
      shared.set(a, list);
    }
  }
  const ranked = [...shared.entries()].sort(
    ([a, idsA], [b, idsB]) => idsB.length - idsA.length || (archive.articles[b]?.d ?? '').localeCompare(archive.articles[a]?.d ?? ''),
  );
  const articles: RelatedArticlesReply['articles'] = [];
  for (const [a, list] of ranked.slice(0, limit)) {
    const article = resolveArticle(archive, a);
    if (article) articles.push({ ...article, shared: list });
  }
  return { articles };
}

const indexCache = new WeakMap<MatcherEntity[], Map<string, number>>();
export function entityIndex(entities: MatcherEntity[]): Map<string, number> {
  let map = indexCache.get(entities);
  if (!map) {
    map = new Map(entities.map((e, i) => [e.id, i]));
    indexCache.set(entities, map);
  }
  return map;
}


/**
 * One entity's details from several archives (the bundled one first, then the user's imports) as one card:
 * counts add up, articles are the newest of all, background keeps the first archive's best sentences first.
 */
export function mergeResolved(parts: ResolvedDetails[]): ResolvedDetails | null {
  if (parts.length <= 1) return parts[0] ?? null;
  const seenArticles = new Set<string>();
  const articles = parts
    .flatMap((p) => p.articles)
    .filter((a) => !seenArticles.has(a.id) && seenArticles.add(a.id))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .slice(0, MAX_ARTICLES);
  const seenSentences = new Set<string>();
  const background = parts
    .flatMap((p) => p.background)
    .filter((b) => !seenSentences.has(b.text) && seenSentences.add(b.text))
    .slice(0, MAX_BACKGROUND);
  const withById = new Map<string, ResolvedDetails['mentionedWith'][number]>();
  for (const c of parts.flatMap((p) => p.mentionedWith)) {
    const known = withById.get(c.id);
    withById.set(c.id, known ? { ...known, shared: known.shared + c.shared } : { ...c });
  }
  const perYear = new Map<number, number>();
  for (const [year, n] of parts.flatMap((p) => p.perYear)) perYear.set(year, (perYear.get(year) ?? 0) + n);
  return {
    id: parts[0].id,
    mentions: parts.reduce((n, p) => n + p.mentions, 0),
    articleCount: parts.reduce((n, p) => n + p.articleCount, 0),
    articles,
    background,
    mentionedWith: [...withById.values()].sort((a, b) => b.shared - a.shared).slice(0, 8),
    perYear: [...perYear.entries()].sort(([a], [b]) => a - b),
  };
}
