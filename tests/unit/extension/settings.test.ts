import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, checkSettings, isActiveOn, siteOf } from '../../../engine/settings';
import { loadSettings, saveSettings } from '../../../lib/settings-store';

describe('checkSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(checkSettings(undefined)).toEqual({ settings: { ...DEFAULT_SETTINGS }, problems: [] });
  });

  it('keeps valid fields and replaces each invalid one with its default, naming it', () => {
    const { settings, problems } = checkSettings({ enabled: false, showDelayMs: 'soon', theme: 'dark', types: ['person', 'planet'] });
    expect(settings.enabled).toBe(false);
    expect(settings.theme).toBe('dark');
    expect(settings.showDelayMs).toBe(300);
    expect(settings.types).toEqual(DEFAULT_SETTINGS.types);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^settings\.types: invalid value/);
    expect(problems[1]).toMatch(/^settings\.showDelayMs: invalid value "soon"/);
  });

  it('treats a corrupt stored value as the defaults with a notice', () => {
    const { settings, problems } = checkSettings('{not json');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS });
    expect(problems).toEqual(['settings: stored value is not an object; using the defaults']);
  });
});

describe('isActiveOn', () => {
  it('runs on http(s) pages only', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS }, 'https://www.example.com/news')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS }, 'chrome://extensions')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS }, 'file:///tmp/page.html')).toBe(false);
  });

  it('honours the global switch, the deny list (with subdomains) and the allow list', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'https://example.com/')).toBe(false);
    const denied = { ...DEFAULT_SETTINGS, denySites: ['example.com'] };
    expect(isActiveOn(denied, 'https://news.example.com/a')).toBe(false);
    expect(isActiveOn(denied, 'https://notexample.com/a')).toBe(true);
    const allowed = { ...DEFAULT_SETTINGS, allowSites: ['bbc.co.uk'] };
    expect(isActiveOn(allowed, 'https://www.bbc.co.uk/news')).toBe(true);
    expect(isActiveOn(allowed, 'https://cnn.com/')).toBe(false);
  });

  it('names a site by its host without www.', () => {
    expect(siteOf('https://www.lemonde.fr/x')).toBe('lemonde.fr');
    expect(siteOf('about:blank')).toBe(null);
  });
});

describe('settings store', () => {
  it('round-trips through storage.sync and refuses invalid settings without writing', async () => {
    fakeBrowser.reset();
    await saveSettings({ ...DEFAULT_SETTINGS, highlightStyle: 'tint' });
    expect((await loadSettings()).settings.highlightStyle).toBe('tint');
    await expect(saveSettings({ ...DEFAULT_SETTINGS, showDelayMs: -1 })).rejects.toThrow(/showDelayMs/);
    expect((await loadSettings()).settings.highlightStyle).toBe('tint');
  });
});
