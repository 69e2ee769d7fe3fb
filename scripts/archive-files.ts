// Node-side reading of archive sources and compiled archives, shared by the CLI commands and the benchmarks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileArchive, type ArchiveOutput, type ArchiveSources, type SourceFile } from '../engine/archive/index.ts';
import { loadMatcher, type Matcher, type MatcherData } from '../engine/index.ts';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');
export const DEFAULT_ARCHIVE_DIR = join(PROJECT_ROOT, '.archive');

export function readSource(path: string): SourceFile {
  return { name: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
}

export function readDir(dir: string, extension: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => readSource(join(dir, name)));
}

/** The sources of an archive: DIR/catalog/*.jsonl, DIR/articles/*.md, plus external JSONL archives. */
export function readArchiveSources(dataDir: string, addFiles: string[] = [], license?: string): ArchiveSources {
  return {
    catalog: readDir(join(dataDir, 'catalog'), '.jsonl'),
    markdown: readDir(join(dataDir, 'articles'), '.md'),
    jsonl: addFiles.map(readSource),
    license,
  };
}

/** Compiles data/ (plus extra JSONL archives) in memory. */
export function compileFromFiles(addFiles: string[] = [], dataDir = DEFAULT_DATA_DIR): ArchiveOutput {
  return compileArchive(readArchiveSources(dataDir, addFiles));
}

/**
 * The matcher of a compiled archive directory; without one, the bundled default (.archive, compiled from data/ in
 * memory when it has not been built yet).
 */
export function loadArchiveMatcher(archiveDir?: string): Matcher {
  const dir = archiveDir ?? DEFAULT_ARCHIVE_DIR;
  const file = join(dir, 'matcher.json');
  const index = join(dir, 'matcher-index.bin');
  if (existsSync(file)) {
    return loadMatcher(JSON.parse(readFileSync(file, 'utf8')) as MatcherData, existsSync(index) ? readFileSync(index) : null);
  }
  if (archiveDir !== undefined) throw new Error(`no compiled archive at ${archiveDir} (missing matcher.json)`);
  return loadMatcher(compileFromFiles().matcher);
}
