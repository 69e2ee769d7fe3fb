import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import path from 'node:path';

// The compiled archive the extension bundles (`backstory archive build --out DIR`); BACKSTORY_ARCHIVE picks another.
const archiveDir = path.resolve(process.env.BACKSTORY_ARCHIVE ?? '.archive');
const MATCHER_INDEX_FILE = 'matcher-index.bin'; // (lib/background/annotate-service.ts fetches it by this name)
const EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";

// Build configuration for the Chrome (MV3) and Firefox builds.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The matcher's precomputed tables ship as a file of their own, which the background worker fetches as bytes
    // (bundled, they would be inlined as base64 text: slower to start than the trie they save building).
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: path.join(archiveDir, 'matcher-index.bin'), relativeDest: MATCHER_INDEX_FILE });
    },
  },
  vite: () => ({
    plugins: [preact()],
    resolve: { alias: { '@archive': archiveDir } },
    build: {
      // the background worker bundles the archive (about 1 MB with the default one): large by design
      chunkSizeWarningLimit: 2000,
      // BACKSTORY_NO_MINIFY=1: readable output, for profiling in the browser
      ...(process.env.BACKSTORY_NO_MINIFY ? { minify: false } : {}),
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Backstory',
    description: 'Background on the people and topics in the news you read, from an archive that stays on your device.',
    permissions: ['storage', 'activeTab'],
    // The browsers' default policy for extension pages, plus 'wasm-unsafe-eval': the engine's word scanner is
    // WebAssembly (engine/word-scan.wat; in the background worker and the explorer). Nothing else is loosened: no
    // eval, no inline or remote scripts. (Without it spot still works, in JavaScript, about half as fast.)
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
