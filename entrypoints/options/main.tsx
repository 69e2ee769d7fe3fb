import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../engine/settings';
import { loadSettings, saveSettings } from '../../lib/settings-store';

function OptionsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    loadSettings().then(({ settings }) => setSettings(settings));
  }, []);
  if (!settings) return <p>Loading…</p>;
  const update = async (change: Partial<Settings>) => {
    const next = { ...settings, ...change };
    setSettings(next);
    await saveSettings(next);
    setSaved(true);
  };
  return (
    <form data-status="idle" onSubmit={(event) => event.preventDefault()}>
      <h1>Backstory settings</h1>
      <label>
        <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(e) => update({ enabled: e.currentTarget.checked })} />
        Mark figures and topics on pages
      </label>
      <label>
        Highlight style{' '}
        <select
          name="highlightStyle"
          value={settings.highlightStyle}
          onChange={(e) => update({ highlightStyle: e.currentTarget.value as Settings['highlightStyle'] })}
        >
          <option value="underline">Underline</option>
          <option value="tint">Background tint</option>
          <option value="none">None</option>
        </select>
      </label>
      {saved && <p data-testid="saved">Saved</p>}
    </form>
  );
}

render(<OptionsPage />, document.getElementById('app')!);
