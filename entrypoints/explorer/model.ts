// The explorer's view of the archive: the bundled archive and the user's imports merged by entity and article id.
// Pure (no browser APIs) so it is unit-tested with a compiled fixture archive.
import type { ArchiveArticles, ArchiveDetails } from '../../engine/archive/shapes';
import { aliasRows, loadMatcher, mergeMatcherData, type Matcher, type MatcherData, type MatcherEntity } from '../../engine/matcher';
import { normalizePhrase } from '../../engine/normalize';
import type { EntityType } from '../../engine/types';

/** One compiled archive, as stored: the bundled one or an import. */
export interface SourceArchive {
  label: string;
  matcher: MatcherData;
  details: ArchiveDetails;
  articles: ArchiveArticles;
}

export interface ArticleView {
  id: string;
  title: string;
  date: string | null;
  source: string;
  url: string | null;
  language: string;
  license: string;
  text: string;
  sources: string[];
  entityIds: string[]; // most mentioned first
  archive: string; // label of the archive it comes from
}

export interface EntityView {
  id: string;
  name: string;
  type: EntityType;
  description: string;
  asOf: string | null;
  wikipedia: string | null;
  discovered: boolean;
  names: string[]; // folded names and aliases, for search
  mentions: number;
  articles: ArticleView[]; // newest first, undated last
  background: { text: string; article: ArticleView }[];
  mentionedWith: { entity: EntityView; shared: number }[];
  perYear: [number, number][]; // oldest first
}

export interface ExplorerModel {
  entities: Map<string, EntityView>;
  articles: Map<string, ArticleView>;
  articleList: ArticleView[];
  /** all archives' matchers merged, to mark mentions in an article's text */
  matcherData: MatcherData;
  matcher: Matcher;
}

export function buildModel(archives: SourceArchive[]): ExplorerModel {
  const entities = new Map<string, EntityView>();
  const articles = new Map<string, ArticleView>();
  const co = new Map<string, Map<string, number>>();
  const years = new Map<string, Map<number, number>>();

  for (const archive of archives) {
    const { matcher, details } = archive;
    // Articles first, so entity rows can point at them.
    const local: ArticleView[] = archive.articles.articles.map((a) => {
      const known = articles.get(a.i);
      if (known) return known; // the same article in two archives: the first copy wins
      const view: ArticleView = {
        id: a.i,
        title: a.t,
        date: a.d,
        source: archive.articles.sources[a.s] ?? '',
        url: a.u,
        language: a.l,
        license: archive.articles.licenses[a.c] ?? '',
        text: a.x,
        sources: a.r ?? [],
        entityIds: a.e.map((e) => matcher.entities[e]?.id).filter((id): id is string => id !== undefined),
        archive: archive.label,
      };
      articles.set(view.id, view);
      return view;
    });
    const names = new Map<number, string[]>();
    for (const [norm, , entity] of aliasRows(matcher)) {
      let list = names.get(entity);
      if (!list) names.set(entity, (list = []));
      if (!list.includes(norm)) list.push(norm);
    }
    matcher.entities.forEach((record, index) => {
      const view = entities.get(record.id) ?? newEntity(record);
      entities.set(record.id, view);
      for (const n of names.get(index) ?? []) if (!view.names.includes(n)) view.names.push(n);
      const d = details.entities[index];
      if (!d) return;
      view.mentions += d.m;
      for (const a of d.a) {
        const article = local[a];
        if (article && !view.articles.includes(article)) view.articles.push(article);
      }
      for (const [a, text] of d.b) {
        const article = local[a];
        if (article) view.background.push({ text, article });
      }
      const pairs = co.get(record.id) ?? new Map<string, number>();
      co.set(record.id, pairs);
      for (const [other, shared] of d.c) {
        const otherId = matcher.entities[other]?.id;
        if (otherId) pairs.set(otherId, (pairs.get(otherId) ?? 0) + shared);
      }
      const perYear = years.get(record.id) ?? new Map<number, number>();
      years.set(record.id, perYear);
      for (const [year, count] of d.y) perYear.set(year, (perYear.get(year) ?? 0) + count);
    });
  }

  for (const view of entities.values()) {
    view.articles.sort(newestFirst);
    view.mentionedWith = [...(co.get(view.id) ?? [])]
      .map(([id, shared]) => ({ entity: entities.get(id)!, shared }))
      .filter((c) => c.entity !== undefined)
      .sort((a, b) => b.shared - a.shared || a.entity.name.localeCompare(b.entity.name))
      .slice(0, 12);
    view.perYear = [...(years.get(view.id) ?? [])].sort((a, b) => a[0] - b[0]);
  }

  const matcherData = archives.map((a) => a.matcher).reduce(mergeMatcherData);
  return {
    entities,
    articles,
    articleList: [...articles.values()].sort(newestFirst),
    matcherData,
    matcher: loadMatcher(matcherData),
  };
}

function newEntity(record: MatcherEntity): EntityView {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    description: record.description,
    asOf: record.asOf,
    wikipedia: record.wikipedia,
    discovered: record.discovered === true,
    names: [],
    mentions: 0,
    articles: [],
    background: [],
    mentionedWith: [],
    perYear: [],
  };
}

function newestFirst(a: ArticleView, b: ArticleView): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}

export interface SearchResults {
  entities: EntityView[];
  articles: ArticleView[];
}

/**
 * Entities whose name or an alias contains the query's words, best first (a name starting with the query, then the
 * most mentioned), and articles whose title does.
 */
export function search(model: ExplorerModel, query: string, limit = 30): SearchResults {
  const q = normalizePhrase(query);
  if (q === '') return { entities: [], articles: [] };
  const scored: { view: EntityView; score: number }[] = [];
  for (const view of model.entities.values()) {
    const name = normalizePhrase(view.name);
    let score = -1;
    if (name === q || view.names.includes(q)) score = 3;
    else if (name.startsWith(q) || view.names.some((n) => n.startsWith(q))) score = 2;
    else if (name.includes(q) || view.names.some((n) => n.includes(q))) score = 1;
    if (score >= 0) scored.push({ view, score });
  }
  scored.sort((a, b) => b.score - a.score || b.view.mentions - a.view.mentions || a.view.name.localeCompare(b.view.name));
  const articles = model.articleList.filter((a) => normalizePhrase(a.title).includes(q)).slice(0, limit);
  return { entities: scored.slice(0, limit).map((s) => s.view), articles };
}
