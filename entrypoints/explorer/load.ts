// Loads every archive the explorer shows: the bundled one (split into its own chunks) and the user's imports.
import type { ArchiveCredits } from '../../engine/archive/shapes';
import { readImportPart } from '../../lib/imported-archive';
import { MATCHER_DATA_VERSION } from '../../engine/matcher';
import type { SourceArchive } from './model';

export const BUNDLED_LABEL = 'Bundled archive';

export interface LoadedArchives {
  archives: SourceArchive[];
  credits: ArchiveCredits[];
  importError: string | null; // imports could not be read; the bundled archive still shows
}

export async function loadArchives(): Promise<LoadedArchives> {
  const [matcher, details, articles, credits] = await Promise.all([
    import('@archive/matcher.json').then((m) => m.default),
    import('@archive/details.json').then((m) => m.default),
    import('@archive/articles.json').then((m) => m.default),
    import('@archive/credits.json').then((m) => m.default),
  ]);
  const out: LoadedArchives = { archives: [{ label: BUNDLED_LABEL, matcher, details, articles }], credits: [credits], importError: null };
  try {
    const [matchers, detailRows, articleRows] = await Promise.all([readImportPart('matcher'), readImportPart('details'), readImportPart('articles')]);
    for (const { meta, data } of matchers) {
      const d = detailRows.find((row) => row.meta.id === meta.id)?.data;
      const a = articleRows.find((row) => row.meta.id === meta.id)?.data;
      if (!d || !a || data.version !== MATCHER_DATA_VERSION) continue; // missing, or compiled by an older version
      out.archives.push({ label: `Imported: ${meta.name}`, matcher: data, details: d, articles: a });
      out.credits.push(meta.credits);
    }
  } catch (error) {
    out.importError = error instanceof Error ? error.message : String(error);
  }
  return out;
}
