// The options page: every setting, saved live to storage.sync, and the archive (bundled + the user's imports).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../engine/settings';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings-store';
import { applyTheme } from '../../components/theme';
import { SettingsForm } from './SettingsForm';
import { ArchiveSection } from './ArchiveSection';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export function OptionsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState('');
  const latest = useRef<Settings | null>(null);

  useEffect(() => {
    loadSettings()
      .then((check) => {
        latest.current = check.settings;
        setSettings(check.settings);
        setProblems(check.problems);
      })
      .catch((error) => {
        setProblems([`settings could not be read (${String(error)}); showing the defaults`]);
      });
    // Another surface (the popup's site switch) may change settings while this page is open.
    return watchSettings((check) => {
      latest.current = check.settings;
      setSettings(check.settings);
    });
  }, []);

  useEffect(() => {
    if (settings) applyTheme(settings.theme);
  }, [settings?.theme]);

  if (!settings) return <p class="loading">Loading settings…</p>;

  const update = async (change: Partial<Settings>) => {
    const next = { ...(latest.current ?? settings), ...change };
    latest.current = next;
    setSettings(next);
    setSaveState('saving');
    try {
      await saveSettings(next);
      setSaveState('saved');
      setProblems([]); // the stored value is valid again
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      setSaveState('failed');
    }
  };

  return (
    <main class="options">
      <header class="page-header">
        <h1>Backstory settings</h1>
        <p class="muted">Changes are saved as you make them and apply to open pages straight away.</p>
      </header>
      {problems.length > 0 && (
        <div class="notice error" role="alert" data-testid="settings-problems">
          <strong>Some stored settings were not valid, so their defaults are in use.</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p class="small">Changing any setting saves a repaired copy.</p>
        </div>
      )}
      <form data-status={saveState === 'saving' ? 'saving' : 'idle'} onSubmit={(event) => event.preventDefault()}>
        <SettingsForm settings={settings} update={update} />
      </form>
      <div class="save-state" aria-live="polite">
        {saveState === 'saved' && <p data-testid="saved">Saved</p>}
        {saveState === 'failed' && <p class="error-text">Not saved: {saveError}</p>}
      </div>
      <ArchiveSection />
    </main>
  );
}
