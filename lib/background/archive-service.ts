// The user's imported archives, as the background worker's services use them: their matcher data (merged with the
// bundled archive's by the annotate service) and their details. Cached until 'archive-changed'.
import { mergeMatcherData, MATCHER_DATA_VERSION, type MatcherData } from '../../engine/matcher';
import type { BackgroundRequest } from '../messages';
import { readImportPart, type ImportedArchiveMeta } from '../imported-archive';
import type { ArchiveDetails } from '../../engine/archive/shapes';

let extraMatcher: Promise<MatcherData | null> | null = null;
let importedDetails: Promise<{ meta: ImportedArchiveMeta; matcher: MatcherData; details: ArchiveDetails }[]> | null = null;
const changeListeners = new Set<() => void>();

/** 'archive-changed' (from the options page): drop every cache built from the imports. */
export async function handleArchiveRequest(_request: Extract<BackgroundRequest, { type: 'archive-changed' }>): Promise<unknown> {
  extraMatcher = null;
  importedDetails = null;
  for (const listener of changeListeners) listener();
  return true;
}

/** The user's imports as one matcher data (to merge with the bundled archive's), or null when there are none. */
export function importedMatcher(): Promise<MatcherData | null> {
  extraMatcher ??= loadExtraMatcher().catch((error) => {
    extraMatcher = null; // try again next time
    throw error;
  });
  return extraMatcher;
}

/** Lets another service (details) drop its own caches when the user adds or removes an import. */
export function onArchiveChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Every import's matcher and details (entity indexes of `details` are those of its own `matcher`). */
export function loadImportedDetails(): Promise<{ meta: ImportedArchiveMeta; matcher: MatcherData; details: ArchiveDetails }[]> {
  importedDetails ??= Promise.all([readImportPart('matcher'), readImportPart('details')]).then(([matchers, details]) =>
    matchers.flatMap(({ meta, data }) => {
      if (data.version !== MATCHER_DATA_VERSION) return [];
      const d = details.find((row) => row.meta.id === meta.id);
      return d ? [{ meta, matcher: data, details: d.data }] : [];
    }),
  );
  return importedDetails;
}

async function loadExtraMatcher(): Promise<MatcherData | null> {
  // Imports compiled by an older version of the matcher format are skipped (the options page asks to re-import).
  const imports = (await readImportPart('matcher')).filter((row) => row.data.version === MATCHER_DATA_VERSION);
  if (imports.length === 0) return null;
  return imports.map((row) => row.data).reduce(mergeMatcherData);
}
