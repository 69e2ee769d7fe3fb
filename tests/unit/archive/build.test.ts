// The compiler end to end on our fixture (invented town, mayor and union) and on the user's seed article.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate, loadMatcher } from '../../../engine/index';
import {
  ArchiveInputError,
  WIKINEWS_ATTRIBUTION,
  compileArchive,
  serializeArchive,
  type ArchiveOutput,
  type ArchiveSources,
  type SourceFile,
} from '../../../engine/archive/index';

const FIXTURES = new URL('../../fixtures/archive/', import.meta.url);
const read = (url: URL, name: string): SourceFile => ({ name, text: readFileSync(url, 'utf8') });
const dir = (sub: string, ext: string): SourceFile[] =>
  readdirSync(new URL(sub, FIXTURES))
    .filter((f) => f.endsWith(ext))
    .map((f) => read(new URL(`${sub}${f}`, FIXTURES), `${sub}${f}`));

function fixtureSources(): ArchiveSources {
  return {
    catalog: dir('catalog/', '.jsonl'),
    markdown: dir('articles/', '.md'),
    jsonl: [read(new URL('external.jsonl', FIXTURES), 'external.jsonl')],
  };
}

const archive = compileArchive(fixtureSources());
const entityIndex = (out: ArchiveOutput, id: string) => out.matcher.entities.findIndex((e) => e.id === id);
const detailsOf = (out: ArchiveOutput, id: string) => out.details.entities[entityIndex(out, id)];
const articleIds = (out: ArchiveOutput, indexes: number[]) => indexes.map((i) => out.details.articles[i].i);

describe('buildArchive on the fixture', () => {
  it('keeps the Markdown articles in file order, then the JSONL lines', () => {
    expect(archive.details.articles.map((a) => a.i)).toEqual([
      'fixture-harbour-strike',
      'fixture-harbour-deal',
      'fixture-mayor-steps-down',
      'fixture-brief-alliance',
      'ext-1',
      'ext-2',
    ]);
    expect(archive.details.sources).toEqual(['Backstory', 'Wikinews', 'Town Gazette']);
    expect(archive.details.articles[4]).toEqual({
      i: 'ext-1',
      t: 'Harbour pilots join dispute',
      d: '2019-03-04',
      s: 1,
      u: 'https://example.org/ext-1',
    });
  });

  it('discovers the recurring mayor, union and town the catalog lacks, with their types', () => {
    const discovered = archive.matcher.entities.filter((e) => e.discovered).map((e) => [e.name, e.type]);
    expect(discovered.sort()).toEqual([
      ['Harbour Workers Union', 'organization'],
      ['Port Ellery', 'place'],
      ['Tomas Verhoeven', 'person'],
    ]);
    const mayor = archive.matcher.entities[entityIndex(archive, 'tomas-verhoeven')];
    expect(mayor.description).toBe('Named in 3 archive articles (first 2019-03-01)');
    expect(mayor.asOf).toBe('2021-09-30');
    expect(archive.stats.entities).toMatchObject({ total: 10, catalog: 7, discovered: 3 });
    expect(archive.stats.topDiscovered.map((d) => d.name)).toContain('Tomas Verhoeven');
  });

  it('counts mentions, articles (newest first), years and co-mentions per entity', () => {
    const mayor = detailsOf(archive, 'tomas-verhoeven');
    expect(mayor.m).toBe(6); // full name or surname, twice per article
    expect(mayor.n).toBe(3);
    expect(articleIds(archive, mayor.a)).toEqual(['fixture-mayor-steps-down', 'fixture-harbour-deal', 'fixture-harbour-strike']);
    expect(mayor.y).toEqual([
      [2019, 2],
      [2020, 2],
      [2021, 2],
    ]);
    const co = new Map(mayor.c.map(([e, n]) => [archive.matcher.entities[e].id, n]));
    expect(co.get('harbour-workers-union')).toBe(3);
    expect(co.get('port-ellery')).toBe(3);
    expect(co.get('france')).toBe(1);
  });

  it('leaves undated articles out of the per-year counts only', () => {
    const france = detailsOf(archive, 'france');
    expect(france.n).toBe(3);
    expect(articleIds(archive, france.a)).toEqual(['fixture-brief-alliance', 'fixture-harbour-deal', 'ext-2']);
    const perYear = france.y.reduce((sum, [, n]) => sum + n, 0);
    expect(france.m - perYear).toBe(1);
  });

  it('picks distinct background sentences that mention the entity, from its own articles', () => {
    for (const [index, entity] of archive.matcher.entities.entries()) {
      const picks = archive.details.entities[index].b;
      expect(picks.length).toBeLessThanOrEqual(5);
      expect(new Set(picks.map(([, text]) => text)).size).toBe(picks.length);
      for (const [article, sentence] of picks) {
        expect(archive.articles.articles[article].x).toContain(sentence);
        expect(archive.details.entities[index].a).toContain(article);
      }
      if (entity.id === 'tomas-verhoeven') expect(picks.length).toBe(5);
    }
    const mayorSentences = detailsOf(archive, 'tomas-verhoeven').b.map(([, text]) => text);
    expect(mayorSentences).toContain('Verhoeven, who was elected mayor in 2016, expects the strike to end within a week.');
    expect(mayorSentences.some((s) => s.startsWith('Cargo bound'))).toBe(false);
  });

  it('lists each article with its license, text and entities in articles.json', () => {
    const rows = archive.articles.articles;
    expect(rows).toHaveLength(6);
    expect(archive.articles.licenses[rows[4].c]).toBe('CC BY 2.5');
    expect(archive.articles.licenses[rows[5].c]).toBe('CC0');
    expect(rows[0].r).toEqual(['https://example.org/a', 'https://example.org/b']);
    expect(rows[0].x.startsWith('Dock workers in Port Ellery')).toBe(true);
    expect(rows[0].e.map((e) => archive.matcher.entities[e].id).sort()).toEqual(
      ['harbour-workers-union', 'port-ellery', 'tomas-verhoeven'].sort(),
    );
  });

  it('credits every source with its license and article count', () => {
    expect(archive.credits.sources.map((s) => [s.source, s.license, s.articles])).toEqual([
      ['Backstory', 'CC BY 4.0 (Backstory contributors)', 4],
      ['Wikinews', 'CC BY 2.5', 1],
      ['Town Gazette', 'CC0', 1],
    ]);
    expect(archive.credits.sources[1].attribution).toBe(WIKINEWS_ATTRIBUTION);
  });

  it('serialises to six files whose matcher finds the discovered figures in new text', () => {
    const out = compileArchive(fixtureSources());
    const files = serializeArchive(out);
    expect(Object.keys(files).sort()).toEqual([
      'articles.json', 'credits.json', 'details.json', 'matcher-index.bin', 'matcher.json', 'stats.json',
    ]);
    const stats = JSON.parse(files['stats.json']);
    for (const name of ['matcher.json', 'matcher-index.bin', 'details.json', 'articles.json', 'credits.json'] as const) {
      expect(stats.sizes[name]).toBe(Buffer.byteLength(files[name]));
    }
    const matcher = loadMatcher(JSON.parse(files['matcher.json']), files['matcher-index.bin']);
    const text = 'Yesterday Tomas Verhoeven met the Harbour Workers Union.';
    const found = annotate(matcher, text).map((m) => matcher.entities[m.entity].id);
    expect(found).toEqual(['tomas-verhoeven', 'harbour-workers-union']);
  });

  it('throws an ArchiveInputError listing every problem instead of building', () => {
    const sources = fixtureSources();
    sources.catalog.push(read(new URL('bad/catalog.jsonl', FIXTURES), 'bad/catalog.jsonl'));
    let error: unknown;
    try {
      compileArchive(sources);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArchiveInputError);
    expect((error as ArchiveInputError).problems.length).toBe(9);
  });
});

describe('the seed article', () => {
  const seed = read(new URL('../../../data/articles/0001-seed-le-pen-nato-russia.md', import.meta.url), 'seed.md');
  const out = compileArchive({ catalog: dir('catalog/', '.jsonl'), markdown: [seed], jsonl: [] });

  it("gives Marine Le Pen's run-off result as background, dated April 2022", () => {
    const lePen = detailsOf(out, 'marine-le-pen');
    expect(lePen.b.length).toBeGreaterThanOrEqual(3);
    const runOff = lePen.b.find(([, text]) => text.includes('45% of the vote against 55%'));
    expect(runOff).toBeDefined();
    expect(runOff?.[1].startsWith('Le Pen, who cast 45% of the vote')).toBe(true);
    expect(out.details.articles[runOff![0]].d?.slice(0, 7)).toBe('2022-04');
  });

  it('names Macron and Putin as the figures most often mentioned with her', () => {
    const co = detailsOf(out, 'marine-le-pen').c.map(([e]) => out.matcher.entities[e].id);
    expect(co).toEqual(expect.arrayContaining(['emmanuel-macron', 'vladimir-putin', 'nato', 'russia']));
    expect(detailsOf(out, 'marine-le-pen').y).toEqual([[2022, detailsOf(out, 'marine-le-pen').m]]);
  });
});

describe('credits wording', () => {
  const readme = new URL('../../../../shared/corpus/README.md', import.meta.url);
  it.skipIf(!existsSync(readme))('reproduces the attribution the Wikinews corpus asks for, word for word', () => {
    const quoted = readFileSync(readme, 'utf8')
      .split('\n')
      .filter((line) => line.trimStart().startsWith('>'))
      .map((line) => line.trimStart().replace(/^>\s?/, '').trim())
      .join(' ');
    expect(quoted).toBe(WIKINEWS_ATTRIBUTION);
  });
});
