// Compiling a user's JSONL import: problems carry the file's own line numbers (across parse batches), progress is
// reported, and the catalog's figures are recognised in the imported text.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileImport, type ImportProgress } from '../../../entrypoints/options/import-compile';

const CATALOG_DIR = new URL('../../fixtures/archive/catalog/', import.meta.url);
const catalog = readdirSync(CATALOG_DIR).map((name) => ({ name, text: readFileSync(new URL(name, CATALOG_DIR), 'utf8') }));

const line = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: `t-${i}`,
    title: `Report ${i}`,
    date: `20${10 + (i % 10)}-05-0${1 + (i % 9)}`,
    source: 'Test Wire',
    license: 'CC0',
    url: null,
    text: `Marine Le Pen spoke in Lyon on day ${i}.\n\nEmmanuel Macron replied the next morning.`,
    ...extra,
  });

describe('compileImport', () => {
  it('compiles a valid file, reporting progress, with catalog figures recognised', async () => {
    const text = Array.from({ length: 450 }, (_, i) => line(i + 1)).join('\n') + '\n';
    const progress: ImportProgress[] = [];
    const result = await compileImport({ name: 'mine.jsonl', text }, catalog, (p) => void progress.push(p));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.articles).toBe(450);
    expect(result.output.stats.articles).toBe(450);
    const lePen = result.output.matcher.entities.findIndex((e) => e.id === 'marine-le-pen');
    expect(result.output.details.entities[lePen].n).toBe(450);
    expect(result.output.credits.sources).toEqual([{ source: 'Test Wire', license: 'CC0', articles: 450 }]);
    expect(result.output.stats.sizes['matcher.json']).toBeGreaterThan(0);
    // Parsing progress rises through the file, then compiling.
    const parsing = progress.filter((p) => p.stage === 'parsing').map((p) => p.done);
    expect(parsing.length).toBeGreaterThanOrEqual(3);
    expect(parsing).toEqual([...parsing].sort((a, b) => a - b));
    expect(progress.at(-1)?.stage).toBe('compiling');
  });

  it('reports every bad line with its line number in the whole file, beyond the first batch', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => line(i + 1));
    lines[2] = '{"id": "t-3", "title": ';
    lines[436] = line(437, { title: undefined, date: '2020-02-30' });
    lines[479] = line(1); // duplicate id
    const result = await compileImport({ name: 'mine.jsonl', text: lines.join('\n') }, catalog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.problems.map((p) => `${p.line}: ${p.message}`);
    expect(found).toContainEqual(expect.stringMatching(/^3: not valid JSON/));
    expect(found).toContain('437: field "title" is missing');
    expect(found).toContainEqual(expect.stringMatching(/^437: field "date"/));
    expect(found).toContainEqual(expect.stringMatching(/^480: field "id": duplicate article id "t-1"/));
    expect(result.problems.every((p) => p.file === 'mine.jsonl')).toBe(true);
  });

  it('refuses an empty file', async () => {
    const result = await compileImport({ name: 'empty.jsonl', text: '\n\n' }, catalog);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/no articles/);
  });
});
