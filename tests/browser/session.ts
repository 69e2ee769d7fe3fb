// One browser with the extension and one local page server per test file, started before its tests and closed after.
import { after, before } from 'node:test';
import { launchWithExtension, servePages, type ExtensionBrowser, type ServedPages } from './harness';

export interface Session {
  browser: ExtensionBrowser;
  server: ServedPages;
}

/** Registers the before/after hooks; the returned object is filled in once the tests start. */
export function extensionSession(routes: Parameters<typeof servePages>[0]): Session {
  const session = {} as Session;
  before(async () => {
    session.server = await servePages(routes);
    session.browser = await launchWithExtension();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
