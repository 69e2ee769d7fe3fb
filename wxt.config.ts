import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Build configuration for the Chrome (MV3) and Firefox builds.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'Background on the people and topics in the news you read, from an archive that stays on your device.',
    permissions: ['storage', 'activeTab'],
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
