// Messages between the extension's surfaces. Every message is checked against this schema on arrival
// (isRequest), so a malformed or foreign message is refused instead of half-handled.
import type { EntityDetails, ArticleRef } from '../engine/archive/shapes';
import type { MatcherEntity } from '../engine/matcher';

/** Requests the background worker answers. */
export type BackgroundRequest =
  | { type: 'entity-details'; ids: string[] } // content script, after each scan: details for the entities found
  | { type: 'related-articles'; ids: string[]; limit: number } // popup: archive articles sharing these entities
  | { type: 'annotate'; text: string } // content script: the mentions in a region's text (see AnnotateReply)
  | { type: 'archive-changed' }; // options page: an import was added or removed; drop caches

/** Requests a tab's content script answers (popup → tab). */
export type TabRequest =
  | { type: 'page-summary' } // entities found on the page, a short summary
  | { type: 'reveal-entity'; id: string }; // scroll to its first mention, flash it, open its card

/** The content script's answer to 'page-summary' (read by the popup). */
export interface PageSummaryReply {
  /** 'ready': scanned; 'scanning': not finished yet; 'off': Backstory is not active on this page (settings) */
  status: 'ready' | 'scanning' | 'off';
  site: string | null; // the page's host as settings name it (siteOf(location.href))
  entities: PageEntity[]; // most prominent first
  summary: string[]; // up to three sentences of the page, in page order
}

export interface PageEntity {
  id: string;
  name: string;
  type: string; // EntityType
  description: string;
  mentions: number; // marked mentions on the page
}

/** The content script's answer to 'reveal-entity'. */
export interface RevealEntityReply {
  found: boolean; // false when the entity has no marked mention on the page
}

/** The background worker's answer to 'related-articles': archive articles sharing the most of the given entities. */
export interface RelatedArticlesReply {
  articles: (ResolvedArticle & { shared: string[] })[]; // shared: which of the asked ids the article mentions
}

export interface EntityDetailsReply {
  details: Record<string, ResolvedDetails>;
  /** the entities' own records (name, type, description…), for a card opened on an entity the page does not mention */
  entities: Record<string, MatcherEntity>;
}

/** The background worker's answer to 'annotate': what the engine found in the text, as compact as it can travel. */
export interface AnnotateReply {
  /** (start, end, entity) triples: UTF-16 offsets into the text, entity an index into `entities` */
  mentions: number[];
  entities: MatcherEntity[];
}

/** Longest text one 'annotate' message may carry (a longer page is sent in parts). */
export const MAX_ANNOTATE_CHARS = 2_000_000;

/** Entity details with article indexes resolved to article rows, ready for a card. */
export interface ResolvedDetails {
  id: string;
  mentions: number;
  articleCount: number;
  articles: ResolvedArticle[]; // newest first, at most 10
  background: { text: string; article: ResolvedArticle }[];
  mentionedWith: { id: string; name: string; type: string; shared: number }[];
  perYear: [number, number][];
}

export interface ResolvedArticle {
  id: string;
  title: string;
  date: string | null;
  source: string;
  url: string | null;
}

export type { EntityDetails, ArticleRef };

const isStringList = (value: unknown, max: number): value is string[] =>
  Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string' && item.length <= 200);

/** Checks a message's shape; anything else is refused. */
export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'entity-details':
      return isStringList(m.ids, 5000);
    case 'related-articles':
      return isStringList(m.ids, 500) && typeof m.limit === 'number' && m.limit >= 0 && m.limit <= 50;
    case 'annotate':
      return typeof m.text === 'string' && m.text.length <= MAX_ANNOTATE_CHARS;
    case 'archive-changed':
      return true;
    default:
      return false;
  }
}

export function isTabRequest(message: unknown): message is TabRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type === 'page-summary') return true;
  if (m.type === 'reveal-entity') return typeof m.id === 'string' && m.id.length <= 200;
  return false;
}
