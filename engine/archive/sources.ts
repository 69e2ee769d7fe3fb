// Reads an archive's sources from in-memory strings (the CLI reads files; the options page reads a user's upload)
// and checks them as a whole. Returns every problem found, never just the first.
import type { Article, CatalogEntry } from '../types';
import { checkArticleIds, parseArticleMarkdown, parseArticlesJsonl, type ArticleRecord } from './articles';
import { checkCatalog, parseCatalogJsonl, type CatalogRecord } from './catalog';
import type { SourceProblem } from './problems';

export interface SourceFile {
  name: string; // shown in problems, e.g. "data/catalog/people.jsonl"
  text: string;
}

export interface ArchiveSources {
  catalog: SourceFile[]; // catalog JSONL files
  markdown: SourceFile[]; // Markdown articles; read in file-name order
  jsonl: SourceFile[]; // external JSONL archives, after the Markdown articles, in the order given
  license?: string; // license for JSONL lines that state none (Wikinews lines default to CC BY 2.5)
}

export interface ReadSources {
  catalog: CatalogEntry[];
  articles: Article[];
  problems: SourceProblem[];
}

export function readSources(sources: ArchiveSources): ReadSources {
  const problems: SourceProblem[] = [];
  const catalogRecords: CatalogRecord[] = [];
  for (const file of sources.catalog) catalogRecords.push(...parseCatalogJsonl(file.text, file.name, problems));
  checkCatalog(catalogRecords, problems);

  const articleRecords: ArticleRecord[] = [];
  const markdown = sources.markdown.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of markdown) {
    const record = parseArticleMarkdown(file.text, file.name, problems);
    if (record) articleRecords.push(record);
  }
  for (const file of sources.jsonl) {
    for (const record of parseArticlesJsonl(file.text, file.name, problems, { license: sources.license })) {
      articleRecords.push(record);
    }
  }
  checkArticleIds(articleRecords, problems);

  return {
    catalog: catalogRecords.map((r) => r.entry),
    articles: articleRecords.map((r) => r.article),
    problems,
  };
}
