import { browser } from 'wxt/browser';
import { isBackgroundRequest, type BackgroundRequest } from '../lib/messages';
import { handleDetailsRequest } from '../lib/background/details-service';
import { handleArchiveRequest } from '../lib/background/archive-service';
import { handleAnnotateRequest } from '../lib/background/annotate-service';

// One listener: check the sender is this extension, check the message's shape, then hand it to its service.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined; // only our own surfaces may ask
    if (!isBackgroundRequest(message)) return Promise.reject(new Error('Backstory: malformed message refused'));
    return route(message);
  });
});

function route(request: BackgroundRequest): Promise<unknown> {
  switch (request.type) {
    case 'entity-details':
    case 'related-articles':
      return handleDetailsRequest(request);
    case 'annotate':
      return handleAnnotateRequest(request);
    case 'archive-changed':
      return handleArchiveRequest(request);
  }
}
