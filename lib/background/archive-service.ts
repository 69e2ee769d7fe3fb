// The user's imported archives (IndexedDB): their matcher data for content scripts, and cache invalidation.
import type { BackgroundRequest } from '../messages';

export async function handleArchiveRequest(request: Extract<BackgroundRequest, { type: 'imported-matcher' | 'archive-changed' }>): Promise<unknown> {
  if (request.type === 'imported-matcher') return null;
  return true;
}
