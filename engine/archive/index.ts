// The archive compiler's public API. Pure: usable from the CLI, the options page and tests alike.
import { buildArchive, serializeArchive } from './build';
import { ArchiveInputError } from './problems';
import type { ArchiveOutput } from './shapes';
import { readSources, type ArchiveSources } from './sources';

export { buildArchive, serializeArchive, writeArchive, utf8Length, type ArchiveInputs } from './build';
export { readSources, type ArchiveSources, type SourceFile } from './sources';
export { ArchiveInputError, formatProblem, type SourceProblem } from './problems';
export { WIKINEWS_ATTRIBUTION } from './credits';
export * from './shapes';

/** Sources in, archive out; throws ArchiveInputError listing every problem when the sources are not valid. */
export function compileArchive(sources: ArchiveSources): ArchiveOutput {
  const { catalog, articles, problems } = readSources(sources);
  if (problems.length > 0) throw new ArchiveInputError(problems);
  return buildArchive({ catalog, articles });
}
