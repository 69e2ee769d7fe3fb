// Keyboard access: Alt+Shift+N / Alt+Shift+P move to the next / previous marked mention (scrolled into view, card
// opened with focus in it); Esc closes the card. Keys are matched by their physical code, so Alt's character
// composition on macOS does not interfere; nothing happens while the reader types in a field or editor.

export const KEYBOARD_HELP = 'Alt+Shift+N: next mention · Alt+Shift+P: previous mention · Esc: close the card';

export interface KeyboardDeps {
  step(direction: 1 | -1): void;
  /** closes the card; false when no card was open (Esc is then left to the page) */
  escape(): boolean;
  isInUi(target: EventTarget | null): boolean;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if ((target as HTMLElement).isContentEditable) return true;
  return ['input', 'textarea', 'select'].includes(target.localName);
}

export function attachKeyboard(deps: KeyboardDeps): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      if (deps.escape()) e.stopPropagation();
      return;
    }
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    if (e.code !== 'KeyN' && e.code !== 'KeyP') return;
    if (isEditable(e.target) && !deps.isInUi(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
    deps.step(e.code === 'KeyN' ? 1 : -1);
  };
  window.addEventListener('keydown', onKey, { capture: true });
  return () => window.removeEventListener('keydown', onKey, { capture: true });
}
