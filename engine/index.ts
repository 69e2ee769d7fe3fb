// Public API of the engine (pure TypeScript: runs in Node, the service worker and the content script).
export type { EntityInput, EntityType, Mention, CatalogEntry, Article } from './types';
export type { Matcher, MatcherData, MatcherEntity } from './matcher';
export { buildMatcherData, loadMatcher, mergeMatcherData, forShipping, MATCHER_DATA_VERSION } from './matcher';
export { annotate, chunkPosition } from './annotate';
export { normalizePhrase } from './normalize';
export { htmlToText } from './html-text';
