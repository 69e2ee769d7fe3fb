// Reading archive articles: our Markdown files (data/articles/*.md) and external JSONL archives.
import type { Article } from '../types';
import { isIsoDay } from './dates';
import { FieldReader, jsonlLines, parseJsonObject, type SourceProblem } from './problems';

/** An article with the place it was read from, for error messages. */
export interface ArticleRecord {
  article: Article;
  file: string;
  line: number;
}

const DEFAULT_LANGUAGE = 'en';
/** Licenses we know for sources that do not state one per article. */
const DEFAULT_LICENSE_BY_SOURCE: Record<string, string> = { Wikinews: 'CC BY 2.5' };

/**
 * Parses one Markdown article: a `key: value` header between `---` lines, then the text, kept byte for byte apart
 * from the trailing newline(s). Unknown header keys (section, tags, ...) are ignored.
 */
export function parseArticleMarkdown(text: string, file: string, problems: SourceProblem[]): ArticleRecord | null {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trim() !== '---') {
    problems.push({ file, line: 1, message: 'must start with a "---" header line' });
    return null;
  }
  const header: Record<string, string> = {};
  const headerLine: Record<string, number> = {};
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '---') {
      close = i;
      break;
    }
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push({ file, line: i + 1, message: 'header line must read "key: value"' });
      continue;
    }
    const key = line.slice(0, colon).trim();
    header[key] = line.slice(colon + 1).trim();
    headerLine[key] = i + 1;
  }
  if (close < 0) {
    problems.push({ file, line: 1, message: 'header is not closed by a "---" line' });
    return null;
  }
  // The body: everything after the closing line, minus blank lines before it and newlines after it.
  const body = lines
    .slice(close + 1)
    .join('\n')
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .replace(/(?:\r?\n)+$/, '');

  const before = problems.length;
  const fieldProblem = (field: string, requirement: string) =>
    problems.push({ file, line: headerLine[field] ?? 1, message: `field "${field}" ${requirement}` });
  const required = (field: string): string => {
    const value = header[field];
    if (value === undefined) fieldProblem(field, 'is missing');
    else if (value === '') fieldProblem(field, 'must not be empty');
    return value ?? '';
  };
  const id = required('id');
  if (id && /\s/.test(id)) fieldProblem('id', 'must not contain spaces');
  const date = header.date ? header.date : null;
  if (date !== null && !isIsoDay(date)) fieldProblem('date', 'must be a real day written yyyy-mm-dd (or empty)');
  const article: Article = {
    id,
    title: required('title'),
    date,
    source: required('source'),
    url: header.url ? header.url : null,
    language: header.language || DEFAULT_LANGUAGE,
    license: required('license'),
    text: body,
  };
  if (header.sources) {
    article.sources = header.sources
      .split(';')
      .map((source) => source.trim())
      .filter((source) => source !== '');
  }
  if (body.trim() === '') problems.push({ file, line: close + 1, message: 'field "text": the article has no text after the header' });
  return problems.length === before ? { article, file, line: 1 } : null;
}

export interface JsonlOptions {
  /** License for lines that state none and whose source has no known license. */
  license?: string;
  /** Line number of the text's first line, when the text is one piece of a larger file (default 1). */
  firstLine?: number;
}

/** Parses an external JSONL archive: one Article per line; unknown fields (e.g. categories) are ignored. */
export function parseArticlesJsonl(
  text: string,
  file: string,
  problems: SourceProblem[],
  options: JsonlOptions = {},
): ArticleRecord[] {
  const records: ArticleRecord[] = [];
  for (const { line, number } of jsonlLines(text, options.firstLine)) {
    const object = parseJsonObject(line, file, number, problems);
    if (!object) continue;
    const before = problems.length;
    const fields = new FieldReader(object, file, number, problems);
    const id = fields.text('id');
    const date = fields.optionalText('date');
    if (date !== null && !isIsoDay(date)) fields.problem('date', 'must be a real day written yyyy-mm-dd, or null');
    const source = fields.text('source');
    const language = fields.has('language') ? fields.text('language') : DEFAULT_LANGUAGE;
    let license = fields.optionalText('license');
    if (license === null) license = options.license ?? DEFAULT_LICENSE_BY_SOURCE[source] ?? null;
    if (license === null) fields.problem('license', 'is missing (give one with --license)');
    const article: Article = {
      id,
      title: fields.text('title'),
      date,
      source,
      url: fields.optionalText('url'),
      language,
      license: license ?? '',
      text: fields.text('text'),
    };
    if (fields.has('sources')) article.sources = fields.stringList('sources', false);
    if (problems.length === before) records.push({ article, file, line: number });
  }
  return records;
}

/** Article ids must be unique across every source of one archive. */
export function checkArticleIds(records: ArticleRecord[], problems: SourceProblem[]): void {
  const first = new Map<string, ArticleRecord>();
  for (const record of records) {
    const earlier = first.get(record.article.id);
    if (earlier) {
      problems.push({
        file: record.file,
        line: record.line,
        message: `field "id": duplicate article id "${record.article.id}" (first used at ${earlier.file}:${earlier.line})`,
      });
    } else {
      first.set(record.article.id, record);
    }
  }
}
