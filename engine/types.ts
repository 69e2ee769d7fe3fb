// Shared data shapes of the engine, the archive compiler and the extension.
// Pure types: no browser or Node APIs, so every surface can import them.

export type EntityType = 'person' | 'organization' | 'place' | 'event' | 'topic';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'event', 'topic'];

/** One line of data/catalog/*.jsonl: a figure or topic we describe ourselves. */
export interface CatalogEntry {
  id: string; // kebab-case, unique across the catalog, e.g. "marine-le-pen"
  name: string; // display name, e.g. "Marine Le Pen"
  type: EntityType;
  aliases: string[]; // other names: full names, short forms, acronyms, native spellings, misspellings
  description: string; // one line, our own words
  asOf: string; // ISO date (yyyy-mm or yyyy-mm-dd) the description holds as of
  wikipedia: string | null; // English Wikipedia title with spaces, or null
  hints?: { country?: string; field?: string; years?: string };
}

/** An article of the archive (data/articles/*.md or one line of an external JSONL archive). */
export interface Article {
  id: string;
  title: string;
  date: string | null; // ISO yyyy-mm-dd
  source: string; // publisher, e.g. "Backstory" or "Wikinews"
  url: string | null;
  language: string; // BCP 47, e.g. "en"
  license: string; // e.g. "CC BY 2.5"
  text: string; // paragraphs separated by a blank line
  sources?: string[]; // public sources our own briefs draw their facts from
}

/** What the matcher needs to know about an entity; the compiler builds these from the catalog plus discoveries. */
export interface EntityInput {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string;
  asOf: string | null;
  wikipedia: string | null;
  prominence: number; // larger = more often in the news; used to pick a sense for ambiguous aliases
  discovered?: boolean; // found by the compiler in the articles, not in our catalog
  hints?: CatalogEntry['hints'];
}

/** A mention found in text. Offsets are UTF-16 code units into the annotated text (chunks joined with no separator). */
export interface Mention {
  start: number;
  end: number;
  surface: string;
  entity: number; // index into the matcher's entity list
  confidence: number; // 0..1
}
