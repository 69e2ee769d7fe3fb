// User settings: the schema, defaults and validation. Pure, so the options page, the background worker,
// the content script and the unit tests all agree on what a valid setting is.
import { ENTITY_TYPES, type EntityType } from './types';

export const SETTINGS_VERSION = 1;

export type HighlightStyle = 'underline' | 'tint' | 'none';
export type Theme = 'auto' | 'light' | 'dark';
export type ModifierKey = 'none' | 'Alt' | 'Control' | 'Shift' | 'Meta';

export interface Settings {
  version: number;
  enabled: boolean;
  allowSites: string[]; // when non-empty, Backstory runs only on these hosts
  denySites: string[]; // hosts where Backstory never runs
  types: EntityType[]; // entity types to mark
  highlightStyle: HighlightStyle;
  firstMentionOnly: boolean;
  showDelayMs: number;
  modifierKey: ModifierKey; // a key that must be held for a card to open
  theme: Theme;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  allowSites: [],
  denySites: [],
  types: [...ENTITY_TYPES],
  highlightStyle: 'underline',
  firstMentionOnly: false,
  showDelayMs: 300,
  modifierKey: 'none',
  theme: 'auto',
});

export interface SettingsCheck {
  settings: Settings;
  problems: string[]; // one line per field that was invalid and fell back to its default
}

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value);

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isHostList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((host) => typeof host === 'string' && /^[a-z0-9.-]+$/i.test(host));
const isTypeList = (value: unknown): value is EntityType[] =>
  Array.isArray(value) && value.every(oneOf(ENTITY_TYPES));
const isDelay = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5000;

const validators: { [K in keyof Omit<Settings, 'version'>]: (value: unknown) => value is Settings[K] } = {
  enabled: isBoolean,
  allowSites: isHostList,
  denySites: isHostList,
  types: isTypeList,
  highlightStyle: oneOf(['underline', 'tint', 'none'] as const),
  firstMentionOnly: isBoolean,
  showDelayMs: isDelay,
  modifierKey: oneOf(['none', 'Alt', 'Control', 'Shift', 'Meta'] as const),
  theme: oneOf(['auto', 'light', 'dark'] as const),
};

/** Validates a stored value field by field: a bad field falls back to its default, the rest is kept. */
export function checkSettings(stored: unknown): SettingsCheck {
  const settings: Settings = { ...DEFAULT_SETTINGS, types: [...DEFAULT_SETTINGS.types] };
  const problems: string[] = [];
  if (stored === undefined || stored === null) return { settings, problems };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings, problems: ['settings: stored value is not an object; using the defaults'] };
  }
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(validators) as (keyof typeof validators)[]) {
    if (!(key in record)) continue;
    const value = record[key];
    if (validators[key](value)) (settings as unknown as Record<string, unknown>)[key] = value;
    else problems.push(`settings.${key}: invalid value ${JSON.stringify(value)}; using the default`);
  }
  return { settings, problems };
}

/** The host a setting applies to ("www." dropped so that a site is one entry). */
export function siteOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whether Backstory should run on a page, given its URL. */
export function isActiveOn(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  if (!settings.enabled || site === null) return false;
  const listed = (list: string[]) => list.some((host) => site === host || site.endsWith(`.${host}`));
  if (listed(settings.denySites)) return false;
  return settings.allowSites.length === 0 || listed(settings.allowSites);
}
