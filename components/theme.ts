// Applies the user's theme setting to one of our own pages: 'auto' follows the system (prefers-color-scheme).
import type { Theme } from '../engine/settings';

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
