// Launches Debian's Chromium with the built extension loaded, for the browser tests, the demo and the page benchmarks.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(ROOT, '../shared');
// BACKSTORY_EXT_DIR points the tests at another build (e.g. a private copy while .output is being rebuilt).
export const CHROME_BUILD = path.resolve(process.env.BACKSTORY_EXT_DIR ?? path.join(ROOT, '.output/chrome-mv3'));

const INSTALL_HINT =
  'Install it with: sudo apt-get update && sudo apt-get install -y chromium   (or set CHROMIUM=/path/to/chromium)';

/** The Chromium executable; throws with the install command when there is none. */
export function chromiumPath() {
  const executable = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executable)) throw new Error(`Chromium not found at ${executable}. ${INSTALL_HINT}`);
  return executable;
}

/**
 * Starts Chromium with the unpacked extension in a fresh profile.
 * Returns the context, the extension id and its service worker; call close() when done.
 */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

export async function launchWithExtension({
  extDir = CHROME_BUILD,
  headless = true,
  viewport = { width: 1200, height: 800 },
}: { extDir?: string; headless?: boolean; viewport?: { width: number; height: number } } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`No extension build at ${extDir}; run "npm run build" first`);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    // Playwright's defaults include --disable-extensions; the extension must load.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox', // CI runs as root
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking', // this machine has no internet; avoid connection storms
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    extensionUrl: (page: string) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves pages on 127.0.0.1: `routes` maps a path to HTML (a string or a function returning one).
 * Anything else is 404. Returns the base URL and a close function.
 */
export interface ServedPages {
  baseUrl: string;
  close(): Promise<void>;
}

export async function servePages(
  routes: Record<string, string | (() => string)>,
  // '0.0.0.0' also answers on 127.0.0.2, 127.0.0.3…: each its own site, so each page gets a fresh renderer process
  { host = '127.0.0.1' }: { host?: string } = {},
): Promise<ServedPages> {
  const server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(typeof route === 'function' ? route() : route);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
