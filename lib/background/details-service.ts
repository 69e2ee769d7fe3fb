// Answers the content script's and popup's questions about entities from the bundled archive's details.json.
import type { BackgroundRequest } from '../messages';

export async function handleDetailsRequest(request: Extract<BackgroundRequest, { type: 'entity-details' | 'related-articles' }>): Promise<unknown> {
  throw new Error(`not implemented yet: ${request.type}`);
}
