import { describe, expect, it } from 'vitest';
import { mergeResolved, relatedArticles, resolveDetails } from '../../../lib/background/details-resolve';
import type { ArchiveDetails } from '../../../engine/archive/shapes';
import type { MatcherEntity } from '../../../engine/matcher';

// A hand-made archive of three entities and three articles.
const entity = (id: string, name: string, type: MatcherEntity['type']): MatcherEntity => ({ id, name, type, wikipedia: null, description: '', asOf: null });
const entities = [entity('ada', 'Ada Lovelace', 'person'), entity('royal-society', 'Royal Society', 'organization'), entity('london', 'London', 'place')];
const archive: ArchiveDetails = {
  v: 1,
  sources: ['Backstory', 'Wikinews'],
  articles: [
    { i: 'a0', t: 'First', d: '2020-01-02', s: 0, u: null },
    { i: 'a1', t: 'Second', d: '2021-05-06', s: 1, u: 'https://example.org/2' },
    { i: 'a2', t: 'Third', d: null, s: 1, u: null },
  ],
  entities: [
    { m: 5, n: 2, a: [1, 0], b: [[0, 'Ada wrote notes.'], [1, 'Ada met the Society.']], c: [[1, 2], [2, 1]], y: [[2020, 2], [2021, 3]] },
    { m: 2, n: 2, a: [1, 2], b: [], c: [[0, 2]], y: [[2021, 2]] },
    { m: 1, n: 1, a: [0], b: [], c: [[0, 1]], y: [[2020, 1]] },
  ],
};

describe('resolveDetails', () => {
  it('turns article indexes into article rows and entity indexes into names', () => {
    const d = resolveDetails(archive, entities, 0)!;
    expect(d.id).toBe('ada');
    expect(d.mentions).toBe(5);
    expect(d.articleCount).toBe(2);
    expect(d.articles.map((a) => a.title)).toEqual(['Second', 'First']);
    expect(d.articles[0]).toEqual({ id: 'a1', title: 'Second', date: '2021-05-06', source: 'Wikinews', url: 'https://example.org/2' });
    expect(d.background).toEqual([
      { text: 'Ada wrote notes.', article: { id: 'a0', title: 'First', date: '2020-01-02', source: 'Backstory', url: null } },
      { text: 'Ada met the Society.', article: { id: 'a1', title: 'Second', date: '2021-05-06', source: 'Wikinews', url: 'https://example.org/2' } },
    ]);
    expect(d.mentionedWith).toEqual([
      { id: 'royal-society', name: 'Royal Society', type: 'organization', shared: 2 },
      { id: 'london', name: 'London', type: 'place', shared: 1 },
    ]);
    expect(d.perYear).toEqual([[2020, 2], [2021, 3]]);
  });

  it('gives null for an index the archive does not have', () => {
    expect(resolveDetails(archive, entities, 7)).toBeNull();
  });
});

describe('relatedArticles', () => {
  it('ranks articles by how many of the entities they share, then by date, within the limit', () => {
    const { articles } = relatedArticles(archive, entities, ['ada', 'royal-society', 'nobody'], 2);
    expect(articles.map((a) => [a.id, a.shared])).toEqual([
      ['a1', ['ada', 'royal-society']],
      ['a0', ['ada']],
    ]);
  });
});

describe('mergeResolved', () => {
  const imported: ArchiveDetails = {
    v: 1,
    sources: ['Wikinews'],
    articles: [
      { i: 'w0', t: 'Imported newest', d: '2023-03-03', s: 0, u: null },
      { i: 'a1', t: 'Second', d: '2021-05-06', s: 0, u: 'https://example.org/2' }, // also in the bundled archive
    ],
    entities: [{ m: 4, n: 2, a: [0, 1], b: [[0, 'Ada was remembered.'], [1, 'Ada met the Society.']], c: [[1, 3]], y: [[2021, 1], [2023, 3]] }, { m: 1, n: 1, a: [0], b: [], c: [], y: [] }],
  };
  const importedEntities = [entity('ada', 'Ada Lovelace', 'person'), entity('royal-society', 'Royal Society', 'organization')];

  it('adds counts, keeps the newest articles once, bundled background first, sums co-mentions and years', () => {
    const merged = mergeResolved([resolveDetails(archive, entities, 0)!, resolveDetails(imported, importedEntities, 0)!])!;
    expect(merged.mentions).toBe(9);
    expect(merged.articleCount).toBe(4);
    expect(merged.articles.map((a) => a.id)).toEqual(['w0', 'a1', 'a0']);
    expect(merged.background.map((b) => b.text)).toEqual(['Ada wrote notes.', 'Ada met the Society.', 'Ada was remembered.']);
    expect(merged.mentionedWith.find((c) => c.id === 'royal-society')?.shared).toBe(5);
    expect(merged.perYear).toEqual([[2020, 2], [2021, 4], [2023, 3]]);
  });

  it('returns a single part unchanged and nothing for no parts', () => {
    const only = resolveDetails(archive, entities, 2)!;
    expect(mergeResolved([only])).toBe(only);
    expect(mergeResolved([])).toBeNull();
  });
});
