// The archive compiler: catalog + articles in, the files the extension ships out. Pure (no Node or browser APIs)
// so the options page can compile a user's own JSONL archive in memory.
//
// Two matcher passes: the first, with the catalog alone at uniform prominence, counts how often each entity is
// mentioned and feeds name discovery; the second, with prominence from those counts plus the discovered names,
// produces the mentions everything else is computed from.
import { annotate, buildMatcherData, forShipping, loadMatcher } from '../index';
import { ENTITY_TYPES, type Article, type CatalogEntry, type EntityInput, type EntityType, type Mention } from '../types';
import { BackgroundPicker } from './background';
import { buildCredits } from './credits';
import { NameDiscovery, type DiscoveredName } from './discover';
import { splitSentences } from './sentences';
import {
  ARCHIVE_FORMAT,
  type ArchiveArticle,
  type ArchiveFileName,
  type ArchiveOutput,
  type ArchiveStats,
  type ArticleRef,
  type EntityDetails,
} from './shapes';

export interface ArchiveInputs {
  catalog: CatalogEntry[];
  articles: Article[];
}

/** Catalog entries are curated: they outrank a discovered name mentioned as often. */
const CATALOG_BASE_PROMINENCE = 3;
const CO_MENTIONS_KEPT = 8;
/** Co-mentions are counted among an article's most mentioned entities only, to keep the pair count bounded. */
const CO_MENTION_ARTICLE_LIMIT = 40;
const TOP_DISCOVERED_IN_STATS = 20;

export function catalogToEntityInput(entry: CatalogEntry, prominence: number): EntityInput {
  const input: EntityInput = {
    id: entry.id,
    name: entry.name,
    type: entry.type,
    aliases: entry.aliases,
    description: entry.description,
    asOf: entry.asOf,
    wikipedia: entry.wikipedia,
    prominence,
  };
  if (entry.hints) input.hints = entry.hints;
  return input;
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function discoveredToEntityInputs(names: DiscoveredName[], takenIds: Set<string>): EntityInput[] {
  return names.map((found) => {
    const base = slug(found.name) || 'name';
    let id = base;
    for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
    takenIds.add(id);
    return {
      id,
      name: found.name,
      type: found.type,
      aliases: [],
      description: describeDiscovered(found.articles, found.firstDate),
      asOf: null,
      wikipedia: null,
      prominence: found.articles,
      discovered: true,
    };
  });
}

function describeDiscovered(articles: number, firstDate: string | null): string {
  const count = `Named in ${articles} archive article${articles === 1 ? '' : 's'}`;
  return firstDate ? `${count} (first ${firstDate})` : count;
}

function sortedMentions(mentions: Mention[]): Mention[] {
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start < mentions[i - 1].start) return mentions.slice().sort((a, b) => a.start - b.start);
  }
  return mentions;
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Newest first, undated last; ties keep archive order. */
function compareNewestFirst(dates: (string | null)[]) {
  return (a: number, b: number): number => {
    const da = dates[a];
    const db = dates[b];
    if (da === db) return a - b;
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  };
}

function countByType(entities: { type: EntityType }[]): Record<EntityType, number> {
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const e of entities) counts[e.type]++;
  return counts;
}

export function buildArchive(inputs: ArchiveInputs): ArchiveOutput {
  const { catalog, articles } = inputs;

  // Pass 1: catalog only, uniform prominence.
  const firstMatcher = loadMatcher(buildMatcherData(catalog.map((e) => catalogToEntityInput(e, 1))));
  const catalogArticles = new Int32Array(catalog.length);
  const discovery = new NameDiscovery();
  articles.forEach((article) => {
    const mentions = sortedMentions(annotate(firstMatcher, article.text));
    for (const entity of new Set(mentions.map((m) => m.entity))) catalogArticles[entity]++;
    discovery.add({ text: article.text, date: article.date, sentences: splitSentences(article.text), mentions });
  });

  // Pass 2: prominence from the counts, plus the names the catalog lacks.
  const takenIds = new Set(catalog.map((e) => e.id));
  const entities: EntityInput[] = [
    ...catalog.map((e, i) => catalogToEntityInput(e, CATALOG_BASE_PROMINENCE + catalogArticles[i])),
    ...discoveredToEntityInputs(discovery.result(), takenIds),
  ];
  const matcherData = buildMatcherData(entities);
  const matcher = loadMatcher(matcherData);
  const tallies = tallyMentions(articles, matcher, entities.length);

  // Discovered entities: describe them by what the final pass found.
  entities.forEach((entity, index) => {
    if (!entity.discovered) return;
    const record = matcherData.entities[index];
    record.description = describeDiscovered(tallies.articleLists[index].length, tallies.firstDates[index]);
    record.asOf = tallies.lastDates[index];
  });

  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const licenses: string[] = [];
  const licenseIndex = new Map<string, number>();
  const indexOf = (list: string[], map: Map<string, number>, value: string) => {
    let index = map.get(value);
    if (index === undefined) {
      index = list.length;
      list.push(value);
      map.set(value, index);
    }
    return index;
  };
  const refs: ArticleRef[] = articles.map((a) => ({
    i: a.id,
    t: a.title,
    d: a.date,
    s: indexOf(sources, sourceIndex, a.source),
    u: a.url,
  }));
  const fullArticles: ArchiveArticle[] = articles.map((a, index) => {
    const row: ArchiveArticle = { ...refs[index], l: a.language, c: indexOf(licenses, licenseIndex, a.license), x: a.text, e: tallies.articleEntities[index] };
    if (a.sources && a.sources.length > 0) row.r = a.sources;
    return row;
  });

  const dates = articles.map((a) => a.date);
  const newestFirst = compareNewestFirst(dates);
  const details: EntityDetails[] = entities.map((_, e) => ({
    m: tallies.mentionCounts[e],
    n: tallies.articleLists[e].length,
    a: tallies.articleLists[e].slice().sort(newestFirst),
    b: tallies.background.picksFor(e).map((p) => [p.article, p.text] as [number, string]),
    c: [...tallies.coMentions[e]]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, CO_MENTIONS_KEPT),
    y: [...tallies.years[e]].sort((x, y) => x[0] - y[0]),
  }));

  const datedList = dates.filter((d): d is string => d !== null).sort();
  const discoveredIndexes = entities.map((e, i) => (e.discovered ? i : -1)).filter((i) => i >= 0);
  const stats: ArchiveStats = {
    v: ARCHIVE_FORMAT,
    articles: articles.length,
    datedArticles: datedList.length,
    firstDate: datedList[0] ?? null,
    lastDate: datedList[datedList.length - 1] ?? null,
    mentions: tallies.mentionCounts.reduce((sum, n) => sum + n, 0),
    entities: {
      total: entities.length,
      catalog: catalog.length,
      discovered: discoveredIndexes.length,
      byType: countByType(entities),
      discoveredByType: countByType(discoveredIndexes.map((i) => entities[i])),
    },
    topDiscovered: discoveredIndexes
      .sort((a, b) => tallies.articleLists[b].length - tallies.articleLists[a].length || a - b)
      .slice(0, TOP_DISCOVERED_IN_STATS)
      .map((i) => ({
        id: entities[i].id,
        name: entities[i].name,
        type: entities[i].type,
        articles: tallies.articleLists[i].length,
        mentions: tallies.mentionCounts[i],
      })),
    sizes: {},
  };

  const shipped = forShipping(matcherData); // (with its tables: loading is then making views of them)
  return {
    matcher: shipped.data,
    matcherIndex: shipped.index,
    details: { v: ARCHIVE_FORMAT, sources, articles: refs, entities: details },
    articles: { v: ARCHIVE_FORMAT, sources, licenses, articles: fullArticles },
    credits: buildCredits(articles),
    stats,
  };
}

interface Tallies {
  mentionCounts: number[];
  articleLists: number[][];
  articleEntities: number[][];
  coMentions: Map<number, number>[];
  years: Map<number, number>[];
  firstDates: (string | null)[];
  lastDates: (string | null)[];
  background: BackgroundPicker;
}

/** The final pass: every per-entity figure, in one sweep over the articles. */
function tallyMentions(
  articles: Article[],
  matcher: ReturnType<typeof loadMatcher>,
  entityCount: number,
): Tallies {
  const t: Tallies = {
    mentionCounts: new Array(entityCount).fill(0),
    articleLists: Array.from({ length: entityCount }, () => []),
    articleEntities: [],
    coMentions: Array.from({ length: entityCount }, () => new Map()),
    years: Array.from({ length: entityCount }, () => new Map()),
    firstDates: new Array(entityCount).fill(null),
    lastDates: new Array(entityCount).fill(null),
    background: new BackgroundPicker(entityCount),
  };
  let oldest = Infinity;
  let newest = -Infinity;
  for (const article of articles) {
    if (!article.date) continue;
    const day = dayNumber(article.date);
    oldest = Math.min(oldest, day);
    newest = Math.max(newest, day);
  }
  const span = Math.max(1, newest - oldest);

  articles.forEach((article, index) => {
    const mentions = sortedMentions(annotate(matcher, article.text));
    const year = article.date ? Number(article.date.slice(0, 4)) : null;
    const perEntity = new Map<number, number>();
    for (const mention of mentions) {
      const e = mention.entity;
      t.mentionCounts[e]++;
      perEntity.set(e, (perEntity.get(e) ?? 0) + 1);
      if (year !== null) t.years[e].set(year, (t.years[e].get(year) ?? 0) + 1);
    }
    const present = [...perEntity].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([e]) => e);
    t.articleEntities.push(present);
    for (const e of present) {
      t.articleLists[e].push(index);
      if (article.date) {
        if (t.firstDates[e] === null || article.date < (t.firstDates[e] as string)) t.firstDates[e] = article.date;
        if (t.lastDates[e] === null || article.date > (t.lastDates[e] as string)) t.lastDates[e] = article.date;
      }
    }
    const paired = present.slice(0, CO_MENTION_ARTICLE_LIMIT);
    for (let i = 0; i < paired.length; i++) {
      for (let j = i + 1; j < paired.length; j++) {
        const a = paired[i];
        const b = paired[j];
        t.coMentions[a].set(b, (t.coMentions[a].get(b) ?? 0) + 1);
        t.coMentions[b].set(a, (t.coMentions[b].get(a) ?? 0) + 1);
      }
    }
    const recency = article.date ? (dayNumber(article.date) - oldest) / span : null;
    t.background.addArticle(index, article.text, splitSentences(article.text), mentions, recency);
  });
  return t;
}

/** UTF-8 byte length, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Writes the archive file by file through `write`, which may be called several times per file (articles.json comes
 * in pieces so a large archive never becomes one huge string). Files come in ARCHIVE_FILES order; stats.json is last
 * and records the others' sizes.
 */
export function writeArchive(
  output: ArchiveOutput,
  write: (file: ArchiveFileName, chunk: string | Uint8Array) => void,
): void {
  const sizes = output.stats.sizes;
  const emit = (file: ArchiveFileName, chunk: string | Uint8Array) => {
    sizes[file] = (sizes[file] ?? 0) + (typeof chunk === 'string' ? utf8Length(chunk) : chunk.byteLength);
    write(file, chunk);
  };
  emit('matcher.json', JSON.stringify(output.matcher));
  emit('matcher-index.bin', output.matcherIndex);
  emit('details.json', JSON.stringify(output.details));
  const { articles: rows, ...head } = output.articles;
  emit('articles.json', `${JSON.stringify(head).slice(0, -1)},"articles":[`);
  for (let i = 0; i < rows.length; i += ARTICLES_PER_CHUNK) {
    const chunk = rows.slice(i, i + ARTICLES_PER_CHUNK).map((row) => JSON.stringify(row)).join(',');
    emit('articles.json', i === 0 ? chunk : `,${chunk}`);
  }
  emit('articles.json', ']}');
  emit('credits.json', JSON.stringify(output.credits, null, 1));
  write('stats.json', JSON.stringify(output.stats, null, 1));
}

const ARTICLES_PER_CHUNK = 500;

type ArchiveFiles = Record<Exclude<ArchiveFileName, 'matcher-index.bin'>, string> & { 'matcher-index.bin': Uint8Array };

/** The archive as file contents (convenient for small archives); fills in stats.sizes. */
export function serializeArchive(output: ArchiveOutput): ArchiveFiles {
  const parts: Partial<Record<ArchiveFileName, (string | Uint8Array)[]>> = {};
  writeArchive(output, (file, chunk) => (parts[file] ??= []).push(chunk));
  // (the binary file comes in one chunk)
  return Object.fromEntries(
    Object.entries(parts).map(([file, chunks]) => [file, typeof chunks[0] === 'string' ? chunks.join('') : chunks[0]]),
  ) as ArchiveFiles;
}
