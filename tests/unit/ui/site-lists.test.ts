import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, type Settings } from '../../../engine/settings';
import { normalizeHost, pageKind, parseHostList, siteAllowed, withSiteEnabled } from '../../../lib/site-lists';

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, types: [...DEFAULT_SETTINGS.types], ...change });

describe('normalizeHost', () => {
  it('reduces what people paste to the host settings store', () => {
    expect(normalizeHost('https://www.lemonde.fr/politique/article.html')).toBe('lemonde.fr');
    expect(normalizeHost('  BBC.co.uk ')).toBe('bbc.co.uk');
    expect(normalizeHost('www.spiegel.de/')).toBe('spiegel.de');
    expect(normalizeHost('localhost:8080')).toBe('localhost');
    expect(normalizeHost('127.0.0.1')).toBe('127.0.0.1');
  });
  it('refuses what is not a host', () => {
    for (const bad of ['not a site!', 'exa_mple.com', '-bad.com', 'chrome://settings', 'a..b']) expect(normalizeHost(bad)).toBeNull();
  });
});

describe('parseHostList', () => {
  it('reads one site per line (or comma), drops blanks and duplicates, and reports bad lines by number', () => {
    const { hosts, problems } = parseHostList('lemonde.fr\n\nwww.lemonde.fr, bbc.co.uk\nnot a site!\nhttps://zeit.de/x');
    expect(hosts).toEqual(['lemonde.fr', 'bbc.co.uk', 'zeit.de']);
    expect(problems).toEqual([{ line: 4, text: 'not a site!', message: expect.stringContaining('not a site name') }]);
  });
  it('gives hosts that the settings validator accepts', () => {
    const { hosts } = parseHostList('https://www.Example.ORG/a\nnews.example.co.uk');
    expect(isActiveOn(settings({ denySites: hosts }), 'https://news.example.co.uk/x')).toBe(false);
  });
});

describe('withSiteEnabled (the popup switch)', () => {
  it('turning a site off adds it to the deny list once', () => {
    const off = withSiteEnabled(settings(), 'lemonde.fr', false);
    expect(off.denySites).toEqual(['lemonde.fr']);
    expect(withSiteEnabled(off, 'lemonde.fr', false).denySites).toEqual(['lemonde.fr']);
    expect(isActiveOn(off, 'https://www.lemonde.fr/x')).toBe(false);
    expect(isActiveOn(off, 'https://bbc.co.uk/x')).toBe(true);
  });
  it('turning it on removes every deny entry that covers it, parent domains included', () => {
    const on = withSiteEnabled(settings({ denySites: ['example.com', 'news.example.com', 'other.org'] }), 'news.example.com', true);
    expect(on.denySites).toEqual(['other.org']);
    expect(isActiveOn(on, 'https://news.example.com/')).toBe(true);
  });
  it('turning it on adds it to an allow list in force, so it really runs', () => {
    const on = withSiteEnabled(settings({ allowSites: ['bbc.co.uk'] }), 'lemonde.fr', true);
    expect(on.allowSites).toEqual(['bbc.co.uk', 'lemonde.fr']);
    expect(isActiveOn(on, 'https://lemonde.fr/')).toBe(true);
    expect(siteAllowed(on, 'lemonde.fr')).toBe(true);
  });
  it('siteAllowed follows the lists', () => {
    expect(siteAllowed(settings({ denySites: ['example.com'] }), 'a.example.com')).toBe(false);
    expect(siteAllowed(settings({ allowSites: ['example.com'] }), 'other.org')).toBe(false);
    expect(siteAllowed(settings(), 'other.org')).toBe(true);
  });
});

describe('pageKind', () => {
  it('tells pages no extension may run on', () => {
    for (const url of ['chrome://extensions', 'about:blank', 'file:///home/a.html', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/en-US/firefox/', 'https://chrome.google.com/webstore/category', 'chrome-extension://abc/popup.html', 'view-source:https://a.com']) {
      expect(pageKind(url)).toBe('restricted');
    }
    expect(pageKind('https://www.lemonde.fr/')).toBe('web');
    expect(pageKind('https://chrome.google.com/other')).toBe('web');
    expect(pageKind(undefined)).toBe('unknown');
  });
});
