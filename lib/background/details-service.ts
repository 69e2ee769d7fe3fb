// Answers the content script's and popup's questions about entities from the bundled archive's details.json:
// article indexes are resolved to article rows here, once, so a hover card needs nothing more.
import details from '@archive/details.json';
import matcher from '@archive/matcher.json';
import type { BackgroundRequest, EntityDetailsReply, RelatedArticlesReply } from '../messages';
import { entityIndex, relatedArticles, resolveDetails } from './details-resolve';

export { relatedArticles, resolveDetails };

export async function handleDetailsRequest(
  request: Extract<BackgroundRequest, { type: 'entity-details' | 'related-articles' }>,
): Promise<EntityDetailsReply | RelatedArticlesReply> {
  const entities = matcher.entities;
  if (request.type === 'related-articles') return relatedArticles(details, entities, request.ids, request.limit);
  const indexOf = entityIndex(entities);
  const reply: EntityDetailsReply = { details: {} };
  for (const id of request.ids) {
    const index = indexOf.get(id);
    const resolved = index === undefined ? null : resolveDetails(details, entities, index);
    if (resolved) reply.details[id] = resolved;
  }
  return reply;
}
