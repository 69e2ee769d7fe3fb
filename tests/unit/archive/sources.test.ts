// Reading and checking the archive's sources: every bad input is reported as file:line with the field at fault.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleMarkdown, parseArticlesJsonl } from '../../../engine/archive/articles';
import { checkCatalog, parseCatalogJsonl } from '../../../engine/archive/catalog';
import { formatProblem, type SourceProblem } from '../../../engine/archive/problems';
import { readSources } from '../../../engine/archive/sources';

const FIXTURES = new URL('../../fixtures/archive/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

function catalogProblems(): string[] {
  const problems: SourceProblem[] = [];
  const records = parseCatalogJsonl(fixture('bad/catalog.jsonl'), 'bad/catalog.jsonl', problems);
  checkCatalog(records, problems);
  return problems.map(formatProblem);
}

describe('catalog JSONL', () => {
  it('reads good lines, skipping blank ones, with their line numbers', () => {
    const problems: SourceProblem[] = [];
    const records = parseCatalogJsonl(fixture('catalog/places-and-groups.jsonl'), 'p.jsonl', problems);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.entry.id, r.line])).toEqual([
      ['france', 1],
      ['russia', 2],
      ['nato', 4],
      ['european-union', 5],
    ]);
    expect(records[2].entry.aliases).toEqual(['North Atlantic Treaty Organization', 'Nato']);
  });

  it('names file, line and field for each bad line', () => {
    const problems = catalogProblems();
    const at = (line: number) => problems.filter((p) => p.startsWith(`bad/catalog.jsonl:${line}: `));
    expect(at(1)).toEqual([]);
    expect(at(2)[0]).toMatch(/^bad\/catalog\.jsonl:2: not valid JSON/);
    expect(at(3)).toEqual(['bad/catalog.jsonl:3: field "aliases" must be an array of strings']);
    expect(at(4)).toEqual(['bad/catalog.jsonl:4: field "type" must be one of person, organization, place, event, topic']);
    expect(at(5)).toEqual(['bad/catalog.jsonl:5: field "asOf" must be a date written yyyy-mm or yyyy-mm-dd']);
    expect(at(6)).toEqual(['bad/catalog.jsonl:6: field "id": duplicate id "jane-roe" (first used at bad/catalog.jsonl:1)']);
    expect(at(9)).toEqual(['bad/catalog.jsonl:9: field "description" is missing']);
    expect(at(10)).toEqual(['bad/catalog.jsonl:10: must be a JSON object']);
    expect(at(11)).toEqual(['bad/catalog.jsonl:11: field "id" must be kebab-case (a-z, 0-9 and single hyphens)']);
  });

  it('rejects an alias two entities of one type share without a distinguishing hint', () => {
    const problems = catalogProblems();
    // "J. ROE" (line 7) folds to the same name as "J. Roe" (line 1): both persons, no hints.
    expect(problems.filter((p) => p.startsWith('bad/catalog.jsonl:7: '))).toEqual([
      'bad/catalog.jsonl:7: field "aliases": "j roe" is also a name of person "jane-roe" (bad/catalog.jsonl:1); ' +
        'add a distinguishing hint (country, field or years) or drop the alias',
    ]);
    // Line 8 shares it too but has a country hint; line 12 is a place, another type.
    expect(problems.filter((p) => /:(8|12): /.test(p))).toEqual([]);
  });

  it('reports every problem, not just the first', () => {
    expect(catalogProblems()).toHaveLength(9);
  });
});

describe('Markdown articles', () => {
  it('reads the header and keeps the text byte for byte, minus the final newline', () => {
    const source = fixture('articles/0010-harbour-strike.md');
    const problems: SourceProblem[] = [];
    const record = parseArticleMarkdown(source, 'strike.md', problems);
    expect(problems).toEqual([]);
    const body = source.slice(source.indexOf('---\n', 4) + 4);
    expect(body.endsWith('1998.\n')).toBe(true);
    expect(record?.article).toEqual({
      id: 'fixture-harbour-strike',
      title: 'Dock workers strike in Port Ellery',
      date: '2019-03-01',
      source: 'Backstory',
      url: 'https://example.org/harbour-strike',
      language: 'en',
      license: 'CC BY 4.0 (Backstory contributors)',
      text: body.slice(0, -1),
      sources: ['https://example.org/a', 'https://example.org/b'],
    });
  });

  it('reads the seed article, ignoring its extra header keys', () => {
    const source = readFileSync(new URL('../../../data/articles/0001-seed-le-pen-nato-russia.md', import.meta.url), 'utf8');
    const problems: SourceProblem[] = [];
    const article = parseArticleMarkdown(source, 'seed.md', problems)?.article;
    expect(problems).toEqual([]);
    expect(article?.id).toBe('seed-le-pen-nato-russia');
    expect(article?.date).toBe('2022-04-13');
    expect(article?.url).toBeNull();
    expect(article?.text.startsWith('French far-right presidential candidate Marine Le Pen')).toBe(true);
    expect(article?.text.endsWith('French blindness to Berlin.”')).toBe(true);
    expect(article).not.toHaveProperty('section');
  });

  it('reports an impossible date, a missing title and a missing header', () => {
    const problems: SourceProblem[] = [];
    expect(parseArticleMarkdown(fixture('bad/bad-date.md'), 'bad-date.md', problems)).toBeNull();
    expect(parseArticleMarkdown(fixture('bad/no-header.md'), 'no-header.md', problems)).toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      'bad-date.md:3: field "date" must be a real day written yyyy-mm-dd (or empty)',
      'bad-date.md:1: field "title" is missing',
      'no-header.md:1: must start with a "---" header line',
    ]);
  });
});

describe('JSONL archives', () => {
  it('defaults the language to en, Wikinews to CC BY 2.5, and ignores unknown fields', () => {
    const problems: SourceProblem[] = [];
    const records = parseArticlesJsonl(fixture('external.jsonl'), 'external.jsonl', problems);
    expect(problems).toEqual([]);
    expect(records[0].article).toEqual({
      id: 'ext-1',
      title: 'Harbour pilots join dispute',
      date: '2019-03-04',
      source: 'Wikinews',
      url: 'https://example.org/ext-1',
      language: 'en',
      license: 'CC BY 2.5',
      text: 'Harbour pilots in Port Ellery said on Monday they would support the strike.\n\nThe Harbour Workers Union welcomed the move.',
    });
    expect(records[1].article.license).toBe('CC0');
    expect(records[1].article.date).toBeNull();
  });

  it('takes a missing license from the --license option', () => {
    const line = '{"id":"a","title":"T","date":null,"url":null,"source":"Elsewhere","text":"x"}';
    const problems: SourceProblem[] = [];
    const [record] = parseArticlesJsonl(line, 'a.jsonl', problems, { license: 'CC BY-SA 4.0' });
    expect(problems).toEqual([]);
    expect(record.article.license).toBe('CC BY-SA 4.0');
  });

  it('numbers lines from firstLine when given one piece of a larger file', () => {
    const problems: SourceProblem[] = [];
    parseArticlesJsonl('\n{"id":"a"}', 'big.jsonl', problems, { firstLine: 201 });
    expect(problems.map(formatProblem)[0]).toBe('big.jsonl:202: field "source" is missing');
  });

  it('names file, line and field for each bad line, including duplicate ids', () => {
    const { problems } = readSources({ catalog: [], markdown: [], jsonl: [{ name: 'bad.jsonl', text: fixture('bad/articles.jsonl') }] });
    expect(problems.map(formatProblem)).toEqual([
      'bad.jsonl:3: field "date" must be a real day written yyyy-mm-dd, or null',
      'bad.jsonl:4: field "title" must be a string',
      'bad.jsonl:5: field "text" is missing',
      'bad.jsonl:6: field "license" is missing (give one with --license)',
      expect.stringMatching(/^bad\.jsonl:7: not valid JSON/),
      'bad.jsonl:2: field "id": duplicate article id "x-1" (first used at bad.jsonl:1)',
    ]);
  });

  it('finds an id used by a Markdown article and a JSONL line', () => {
    const md = { name: 'a.md', text: fixture('articles/0011-harbour-deal.md') };
    const line = '{"id":"fixture-harbour-deal","title":"T","date":null,"url":null,"source":"Wikinews","text":"x"}';
    const { problems } = readSources({ catalog: [], markdown: [md], jsonl: [{ name: 'b.jsonl', text: line }] });
    expect(problems.map(formatProblem)).toEqual([
      'b.jsonl:1: field "id": duplicate article id "fixture-harbour-deal" (first used at a.md:1)',
    ]);
  });
});
