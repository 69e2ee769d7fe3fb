// The imports as the explorer shows them (buildModel): the bundled archive merged with an import by entity and
// article id.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileArchive, type ArchiveOutput, type SourceFile } from '../../../engine/archive/index';
import { mergeMatcherData } from '../../../engine/matcher';
import { buildModel, search, type SourceArchive } from '../../../entrypoints/explorer/model';
import { segmentText } from '../../../entrypoints/explorer/segments';
import { annotate, loadMatcher } from '../../../engine/index';

const FIXTURES = new URL('../../fixtures/archive/', import.meta.url);
const files = (sub: string, ext: string): SourceFile[] =>
  readdirSync(new URL(sub, FIXTURES))
    .filter((f) => f.endsWith(ext))
    .map((f) => ({ name: f, text: readFileSync(new URL(sub + f, FIXTURES), 'utf8') }));

const bundled = compileArchive({ catalog: files('catalog/', '.jsonl'), markdown: files('articles/', '.md'), jsonl: [] });
// An import: two articles of our own about the same figures, one with an id the bundled archive lacks.
const importLines = [
  { id: 'imp-1', title: 'Le Pen visits Lyon', date: '2023-02-01', source: 'Test Wire', license: 'CC0', text: 'Marine Le Pen visited Lyon. Le Pen met Emmanuel Macron later.' },
  { id: 'imp-2', title: 'Summit on NATO', date: '2024-03-05', source: 'Test Wire', license: 'CC0', text: 'NATO leaders met. Marine Le Pen criticised NATO and Russia.' },
].map((a) => JSON.stringify(a));
const imported = compileArchive({ catalog: files('catalog/', '.jsonl'), markdown: [], jsonl: [{ name: 'mine.jsonl', text: importLines.join('\n') }] });

const asSource = (label: string, out: ArchiveOutput): SourceArchive => ({ label, matcher: out.matcher, details: out.details, articles: out.articles });

describe('buildModel', () => {
  const model = buildModel([asSource('Bundled', bundled), asSource('Imported', imported)]);

  it('merges an entity across archives: articles, mentions and years', () => {
    const lePen = model.entities.get('marine-le-pen')!;
    const ids = lePen.articles.map((a) => a.id);
    expect(ids).toEqual(['fixture-brief-alliance', 'imp-2', 'imp-1']); // newest first
    const bundledIndex = bundled.matcher.entities.findIndex((e) => e.id === 'marine-le-pen');
    const importedIndex = imported.matcher.entities.findIndex((e) => e.id === 'marine-le-pen');
    expect(lePen.mentions).toBe(bundled.details.entities[bundledIndex].m + imported.details.entities[importedIndex].m);
    expect(lePen.perYear.map(([y]) => y)).toEqual([2023, 2024]);
    expect(lePen.mentionedWith.map((c) => c.entity.id)).toContain('nato');
    expect(model.articles.get('imp-1')?.archive).toBe('Imported');
    expect(model.articles.get('imp-1')?.license).toBe('CC0');
  });

  it('searches names, aliases and titles', () => {
    expect(search(model, 'le pen').entities[0].id).toBe('marine-le-pen');
    expect(search(model, 'North Atlantic').entities.map((e) => e.id)).toEqual(['nato']);
    expect(search(model, 'lyon').articles.map((a) => a.id)).toEqual(['imp-1']);
    expect(search(model, '   ')).toEqual({ entities: [], articles: [] });
  });

  it('marks an article with the merged matcher, paragraph by paragraph', () => {
    const article = model.articles.get('fixture-brief-alliance')!;
    const mentions = annotate(model.matcher, article.text);
    const paragraphs = segmentText(article.text, mentions, (e) => model.matcherData.entities[e].id);
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs.map((p) => p.map((s) => s.text).join(''))).toEqual(article.text.split('\n\n'));
    const marked = paragraphs[1].filter((s) => s.mention).map((s) => [s.text, s.mention!.id]);
    expect(marked).toContainEqual(['Marine Le Pen', 'marine-le-pen']);
    expect(marked).toContainEqual(['NATO', 'nato']);
  });
});

// loadMatcher is used by the model; make sure the merged data loads on its own too.
it('the merged matcher data loads', () => {
  expect(() => loadMatcher(mergeMatcherData(bundled.matcher, imported.matcher))).not.toThrow();
});
