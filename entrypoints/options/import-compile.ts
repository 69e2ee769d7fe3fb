// Compiling a user's JSONL archive in the browser: parse in batches (reporting progress and every bad line), then
// build it with the bundled catalog, so the catalog's figures are recognised in the imported articles too.
// Pure apart from the `onProgress` callback; the import worker runs it off the page's main thread.
import { buildArchive, serializeArchive } from '../../engine/archive/build';
import { checkArticleIds, parseArticlesJsonl, type ArticleRecord } from '../../engine/archive/articles';
import { checkCatalog, parseCatalogJsonl, type CatalogRecord } from '../../engine/archive/catalog';
import type { SourceProblem } from '../../engine/archive/problems';
import type { ArchiveOutput } from '../../engine/archive/shapes';

export type ImportStage = 'parsing' | 'compiling' | 'storing';

export interface ImportProgress {
  stage: ImportStage;
  done: number; // lines parsed so far (parsing), else 0
  total: number; // lines in the file
}

export type CompileResult = { ok: true; output: ArchiveOutput; articles: number } | { ok: false; problems: SourceProblem[] };

const BATCH_LINES = 200;
/** Larger files would not fit comfortably in the extension's storage and memory. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export async function compileImport(
  file: { name: string; text: string },
  catalogFiles: { name: string; text: string }[],
  onProgress: (progress: ImportProgress) => void | Promise<void> = () => {},
): Promise<CompileResult> {
  const problems: SourceProblem[] = [];
  if (file.text.length > MAX_IMPORT_BYTES) {
    return { ok: false, problems: [{ file: file.name, line: 1, message: 'the file is larger than 200 MB' }] };
  }
  const catalog: CatalogRecord[] = [];
  for (const source of catalogFiles) catalog.push(...parseCatalogJsonl(source.text, source.name, problems));
  checkCatalog(catalog, problems);

  const lines = file.text.split('\n');
  const records: ArticleRecord[] = [];
  for (let from = 0; from < lines.length; from += BATCH_LINES) {
    await onProgress({ stage: 'parsing', done: from, total: lines.length });
    // Leading blank lines keep the parser's line numbers those of the whole file.
    const batch = '\n'.repeat(from) + lines.slice(from, from + BATCH_LINES).join('\n');
    records.push(...parseArticlesJsonl(batch, file.name, problems));
  }
  checkArticleIds(records, problems);
  if (problems.length === 0 && records.length === 0) {
    problems.push({ file: file.name, line: 1, message: 'the file holds no articles (one JSON object per line expected)' });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  await onProgress({ stage: 'compiling', done: lines.length, total: lines.length });
  const output = buildArchive({ catalog: catalog.map((r) => r.entry), articles: records.map((r) => r.article) });
  serializeArchive(output); // fills in stats.sizes
  return { ok: true, output, articles: records.length };
}
