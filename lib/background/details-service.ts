// Answers the content script's and popup's questions about entities from the bundled archive's details.json and
// the user's imported archives: article indexes are resolved to article rows here, once, so a hover card needs
// nothing more.
import details from '@archive/details.json';
import matcher from '@archive/matcher.json';
import type { ArchiveDetails } from '../../engine/archive/shapes';
import type { MatcherEntity } from '../../engine/matcher';
import type { BackgroundRequest, EntityDetailsReply, RelatedArticlesReply, ResolvedDetails } from '../messages';
import { loadImportedDetails } from './archive-service';
import { entityIndex, mergeResolved, relatedArticles, resolveDetails } from './details-resolve';

export { relatedArticles, resolveDetails };

interface SourceArchive {
  details: ArchiveDetails;
  entities: MatcherEntity[];
}

/** The bundled archive, then every import (each with its own entity list). */
async function archives(): Promise<SourceArchive[]> {
  const imported = await loadImportedDetails().catch(() => []); // a broken import must not break cards
  return [{ details, entities: matcher.entities }, ...imported.map((i) => ({ details: i.details, entities: i.matcher.entities }))];
}

export async function handleDetailsRequest(
  request: Extract<BackgroundRequest, { type: 'entity-details' | 'related-articles' }>,
): Promise<EntityDetailsReply | RelatedArticlesReply> {
  const sources = await archives();
  if (request.type === 'related-articles') {
    const articles = sources.flatMap((s) => relatedArticles(s.details, s.entities, request.ids, request.limit).articles);
    articles.sort((a, b) => b.shared.length - a.shared.length || (b.date ?? '').localeCompare(a.date ?? ''));
    return { articles: articles.slice(0, request.limit) };
  }
  const reply: EntityDetailsReply = { details: {}, entities: {} };
  for (const id of request.ids) {
    const parts: ResolvedDetails[] = [];
    for (const source of sources) {
      const index = entityIndex(source.entities).get(id);
      if (index === undefined) continue;
      reply.entities[id] ??= source.entities[index];
      const resolved = resolveDetails(source.details, source.entities, index);
      if (resolved) parts.push(resolved);
    }
    const merged = mergeResolved(parts);
    if (merged) reply.details[id] = merged;
  }
  return reply;
}
