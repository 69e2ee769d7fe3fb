import { loadSettings } from '../../lib/settings-store';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  async main() {
    const { settings } = await loadSettings();
    console.debug('backstory', settings.enabled);
  },
});
