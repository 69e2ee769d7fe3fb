// The settings fields. Each change is handed to `update`, which saves it.
import type { Settings, HighlightStyle, ModifierKey, Theme } from '../../engine/settings';
import type { EntityType } from '../../engine/types';
import { TYPE_GROUP_LABEL, TYPE_ORDER } from '../../components/entity-types';
import { SiteListField } from './SiteListField';
import { DelayField } from './DelayField';

interface Props {
  settings: Settings;
  update: (change: Partial<Settings>) => void;
}

const MODIFIER_LABELS: Record<ModifierKey, string> = {
  none: 'No key: hovering is enough',
  Alt: 'Alt (Option on a Mac)',
  Control: 'Ctrl',
  Shift: 'Shift',
  Meta: 'Cmd / Windows key',
};

export function SettingsForm({ settings, update }: Props) {
  const toggleType = (type: EntityType, on: boolean) => {
    const types = TYPE_ORDER.filter((t) => (t === type ? on : settings.types.includes(t)));
    update({ types });
  };
  return (
    <>
      <section class="card-panel" aria-labelledby="general-heading">
        <h2 id="general-heading">General</h2>
        <label class="check-row">
          <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(e) => update({ enabled: e.currentTarget.checked })} />
          <span>Mark figures and topics on news pages</span>
        </label>
        <div class="field">
          <label for="theme">Theme of cards and Backstory pages</label>
          <select id="theme" name="theme" value={settings.theme} onChange={(e) => update({ theme: e.currentTarget.value as Theme })}>
            <option value="auto">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </section>

      <section class="card-panel" aria-labelledby="marking-heading">
        <h2 id="marking-heading">What to mark</h2>
        <fieldset class="types">
          <legend>Kinds of names</legend>
          {TYPE_ORDER.map((type) => (
            <label class="check-row" key={type}>
              <input
                type="checkbox"
                name="types"
                value={type}
                checked={settings.types.includes(type)}
                onChange={(e) => toggleType(type, e.currentTarget.checked)}
              />
              <span>{TYPE_GROUP_LABEL[type]}</span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="highlightStyle">Highlight style</label>
          <select
            id="highlightStyle"
            name="highlightStyle"
            value={settings.highlightStyle}
            onChange={(e) => update({ highlightStyle: e.currentTarget.value as HighlightStyle })}
          >
            <option value="underline">Dotted underline</option>
            <option value="tint">Background tint</option>
            <option value="none">No mark (cards still open on hover)</option>
          </select>
        </div>
        <label class="check-row">
          <input
            type="checkbox"
            name="firstMentionOnly"
            checked={settings.firstMentionOnly}
            onChange={(e) => update({ firstMentionOnly: e.currentTarget.checked })}
          />
          <span>Mark only the first mention of each name</span>
        </label>
      </section>

      <section class="card-panel" aria-labelledby="cards-heading">
        <h2 id="cards-heading">Cards</h2>
        <DelayField value={settings.showDelayMs} onValid={(showDelayMs) => update({ showDelayMs })} />
        <div class="field">
          <label for="modifierKey">Key to hold for a card to open</label>
          <select
            id="modifierKey"
            name="modifierKey"
            value={settings.modifierKey}
            onChange={(e) => update({ modifierKey: e.currentTarget.value as ModifierKey })}
          >
            {(Object.keys(MODIFIER_LABELS) as ModifierKey[]).map((key) => (
              <option value={key} key={key}>
                {MODIFIER_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section class="card-panel" aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites</h2>
        <p class="muted small">One site per line, like lemonde.fr. A site also covers its subdomains.</p>
        <SiteListField
          name="denySites"
          label="Never run on these sites"
          hosts={settings.denySites}
          onValid={(denySites) => update({ denySites })}
        />
        <SiteListField
          name="allowSites"
          label="Run only on these sites (leave empty to run everywhere else)"
          hosts={settings.allowSites}
          onValid={(allowSites) => update({ allowSites })}
        />
      </section>
    </>
  );
}
