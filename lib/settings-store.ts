// Reading and writing the settings in browser.storage.sync, shared by every extension surface.
import { browser } from 'wxt/browser';
import { checkSettings, type Settings, type SettingsCheck } from '../engine/settings';

const KEY = 'settings';

export async function loadSettings(): Promise<SettingsCheck> {
  const stored = await browser.storage.sync.get(KEY);
  return checkSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  const { problems } = checkSettings(settings);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  await browser.storage.sync.set({ [KEY]: settings });
}

/** Calls back with fresh settings whenever any surface saves them. */
export function watchSettings(onChange: (check: SettingsCheck) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && KEY in changes) onChange(checkSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
