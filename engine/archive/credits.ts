// Credits: every source in the archive with its license and article count, plus the attribution notice each
// source asks for.
import type { Article } from '../types';
import { ARCHIVE_FORMAT, type ArchiveCredits, type CreditLine } from './shapes';

/** The attribution wording the Wikinews corpus' README suggests; reproduced as given. */
export const WIKINEWS_ATTRIBUTION =
  'News text from Wikinews, the free news source (https://en.wikinews.org), by Wikinews contributors, ' +
  'licensed under CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/); older articles are in the public domain. ' +
  'The source article of each item is linked in its `url` field. Changes: converted to plain text; ' +
  'wiki/HTML markup, photo captions, datelines and source lists removed; whitespace normalised.';

export const BACKSTORY_ATTRIBUTION = 'Background briefs written by Backstory contributors, CC BY 4.0.';

function attributionFor(source: string, license: string): string | undefined {
  if (source === 'Wikinews') return WIKINEWS_ATTRIBUTION;
  if (source === 'Backstory') return BACKSTORY_ATTRIBUTION;
  if (/supplied by the user/i.test(`${source} ${license}`)) return 'Article supplied by the user.';
  return undefined;
}

export function buildCredits(articles: Article[]): ArchiveCredits {
  const lines = new Map<string, CreditLine>();
  for (const article of articles) {
    const key = `${article.source}\u0000${article.license}`;
    const line = lines.get(key);
    if (line) line.articles++;
    else {
      const created: CreditLine = { source: article.source, license: article.license, articles: 1 };
      const attribution = attributionFor(article.source, article.license);
      if (attribution) created.attribution = attribution;
      lines.set(key, created);
    }
  }
  return { v: ARCHIVE_FORMAT, sources: [...lines.values()].sort((a, b) => b.articles - a.articles) };
}
