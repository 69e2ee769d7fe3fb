import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadSettings } from '../../lib/settings-store';

function Popup() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    loadSettings().then(({ settings }) => setEnabled(settings.enabled));
  }, []);
  return <p data-testid="popup-status">{enabled === null ? 'Loading…' : enabled ? 'Enabled' : 'Turned off'}</p>;
}

render(<Popup />, document.getElementById('app')!);
