// The files a compiled archive consists of. Keys are short and repeated strings are replaced by indexes, because
// the extension parses these at start-up. Entity indexes are those of matcher.json's `entities`; article indexes
// are positions in `details.json` `articles` (and the same positions in articles.json).
import type { EntityType } from '../types';
import type { MatcherData } from '../matcher';

export const ARCHIVE_FORMAT = 1;

export const ARCHIVE_FILES = ['matcher.json', 'matcher-index.bin', 'details.json', 'articles.json', 'credits.json', 'stats.json'] as const;
export type ArchiveFileName = (typeof ARCHIVE_FILES)[number];

/** One row of the article index. */
export interface ArticleRef {
  i: string; // id
  t: string; // title
  d: string | null; // date yyyy-mm-dd
  s: number; // source: index into ArchiveDetails.sources
  u: string | null; // url
}

/** What the archive knows about one entity. */
export interface EntityDetails {
  m: number; // mentions
  n: number; // articles mentioning it
  a: number[]; // those articles, newest first (undated last)
  b: [number, string][]; // background: [article, sentence], best first
  c: [number, number][]; // most often mentioned with: [entity, articles shared], top 8
  y: [number, number][]; // mentions per year: [year, mentions], oldest first (undated articles not counted)
}

/** details.json: for the background worker's hover cards. */
export interface ArchiveDetails {
  v: number;
  sources: string[];
  articles: ArticleRef[];
  entities: EntityDetails[]; // parallel to matcher.json entities
}

/** One article in articles.json, at the same position as in the article index. */
export interface ArchiveArticle extends ArticleRef {
  l: string; // language
  c: number; // license: index into ArchiveArticles.licenses
  x: string; // text, paragraphs separated by a blank line
  r?: string[]; // public sources our briefs draw on
  e: number[]; // entities mentioned, most mentioned first
}

/** articles.json: full texts, for the archive explorer page. */
export interface ArchiveArticles {
  v: number;
  sources: string[];
  licenses: string[];
  articles: ArchiveArticle[];
}

/** credits.json: every source and license in the archive. */
export interface ArchiveCredits {
  v: number;
  sources: CreditLine[];
}

export interface CreditLine {
  source: string;
  license: string;
  articles: number;
  attribution?: string; // the notice to show wherever this material is shown
}

/** stats.json: counts and sizes, for `backstory archive stats` and the options page. */
export interface ArchiveStats {
  v: number;
  articles: number;
  datedArticles: number;
  firstDate: string | null;
  lastDate: string | null;
  mentions: number;
  entities: {
    total: number;
    catalog: number;
    discovered: number;
    byType: Record<EntityType, number>;
    discoveredByType: Record<EntityType, number>;
  };
  /** most mentioned discovered entities */
  topDiscovered: { id: string; name: string; type: EntityType; articles: number; mentions: number }[];
  /** bytes (UTF-8) of each file; stats.json's own size is not included */
  sizes: Partial<Record<ArchiveFileName, number>>;
  buildMs?: number;
}

export interface ArchiveOutput {
  matcher: MatcherData;
  /** the matcher's tables, precomputed (matcher-index.bin; see engine/matcher-index.ts) */
  matcherIndex: Uint8Array;
  details: ArchiveDetails;
  articles: ArchiveArticles;
  credits: ArchiveCredits;
  stats: ArchiveStats;
}
