// Per-site settings as the popup and the options page edit them. Pure: no browser APIs, unit-tested.
import { siteOf, type Settings } from '../engine/settings';

export interface HostListProblem {
  line: number; // 1-based line of the textarea
  text: string;
  message: string;
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** One entry as a user may type it ("https://www.lemonde.fr/politique", "BBC.co.uk") to the host settings store. */
export function normalizeHost(entry: string): string | null {
  let text = entry.trim().toLowerCase();
  if (text === '') return null;
  if (text.includes('://')) {
    const site = siteOf(text);
    if (site === null) return null;
    text = site;
  } else {
    text = text.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/^www\./, '').replace(/\.$/, '');
  }
  return HOST.test(text) ? text : null;
}

/** Parses a textarea of hosts, one per line (commas also separate); every bad line is reported. */
export function parseHostList(text: string): { hosts: string[]; problems: HostListProblem[] } {
  const hosts: string[] = [];
  const problems: HostListProblem[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const part of lineText.split(',')) {
      if (part.trim() === '') continue;
      const host = normalizeHost(part);
      if (host === null) problems.push({ line: index + 1, text: part.trim(), message: 'is not a site name like example.com' });
      else if (!hosts.includes(host)) hosts.push(host);
    }
  });
  return { hosts, problems };
}

const covers = (host: string, site: string) => site === host || site.endsWith(`.${host}`);

/** Whether the user's site lists let Backstory run on `site` (ignores the global switch). */
export function siteAllowed(settings: Settings, site: string): boolean {
  if (settings.denySites.some((host) => covers(host, site))) return false;
  return settings.allowSites.length === 0 || settings.allowSites.some((host) => covers(host, site));
}

/**
 * The settings after the popup's site switch: off adds the site to the deny list; on removes every deny entry that
 * covers it and, when an allow list is in force, adds the site to it.
 */
export function withSiteEnabled(settings: Settings, site: string, on: boolean): Settings {
  if (on) {
    const denySites = settings.denySites.filter((host) => !covers(host, site));
    const allowSites =
      settings.allowSites.length > 0 && !settings.allowSites.some((host) => covers(host, site))
        ? [...settings.allowSites, site]
        : settings.allowSites;
    return { ...settings, denySites, allowSites };
  }
  if (settings.denySites.some((host) => covers(host, site))) return settings;
  return { ...settings, denySites: [...settings.denySites, site] };
}

/** Pages no extension may run on: browser pages, local files, the add-on stores. */
export function pageKind(url: string | undefined): 'web' | 'restricted' | 'unknown' {
  if (!url) return 'unknown';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'restricted';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'restricted';
  const host = parsed.hostname;
  const path = parsed.pathname;
  if (host === 'chromewebstore.google.com' || host === 'addons.mozilla.org' || host === 'addons.opera.com') return 'restricted';
  if (host === 'chrome.google.com' && path.startsWith('/webstore')) return 'restricted';
  if (host === 'microsoftedge.microsoft.com' && path.startsWith('/addons')) return 'restricted';
  return 'web';
}
