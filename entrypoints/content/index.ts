import css from './style.css?inline';
import { isActiveOn } from '../../engine/settings';
import { loadSettings, watchSettings } from '../../lib/settings-store';
import { createPageUiHost, type PageUiHost } from '../../lib/page-ui-host';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    let ui: PageUiHost | null = null;
    const apply = (settings: Awaited<ReturnType<typeof loadSettings>>['settings']) => {
      const active = isActiveOn(settings, location.href);
      if (!active) {
        ui?.remove();
        ui = null;
        return;
      }
      ui ??= createPageUiHost(css);
      ui.root.dataset.status = 'ready';
      ui.root.dataset.highlightStyle = settings.highlightStyle;
    };
    apply((await loadSettings()).settings);
    watchSettings(({ settings }) => apply(settings));
  },
});
