// Linking decisions that depend on the words around an alias and on how prominent its entity is.
import { describe, expect, it } from 'vitest';
import { annotate, buildMatcherData, loadMatcher } from '../../../engine/index';
import { prominentFrom } from '../../../engine/linker';
import type { EntityInput, EntityType } from '../../../engine/types';

function entity(id: string, name: string, type: EntityType, prominence: number, aliases: string[] = [], country?: string): EntityInput {
  const e: EntityInput = { id, name, type, aliases, prominence, description: '', asOf: null, wikipedia: null };
  if (country) e.hints = { country };
  return e;
}

// Prominence as the archive compiler counts it: 3 for a catalog entry named in no article, plus one per article.
const ENTITIES: EntityInput[] = [
  entity('macron', 'Emmanuel Macron', 'person', 16),
  entity('merkel', 'Angela Merkel', 'person', 13),
  entity('putin', 'Vladimir Putin', 'person', 20),
  entity('le-pen', 'Marine Le Pen', 'person', 17),
  entity('nicusor-dan', 'Nicușor Dan', 'person', 3),
  entity('alar-karis', 'Alar Karis', 'person', 3),
  entity('abiy-ahmed', 'Abiy Ahmed', 'person', 3),
  entity('bin-laden', 'Osama bin Laden', 'person', 4),
  entity('xi', 'Xi Jinping', 'person', 6, ['Xi'], 'China'),
  entity('washington', 'Washington, D.C.', 'place', 8, ['Washington']),
  entity('london', 'London', 'place', 9),
  entity('paris', 'Paris', 'place', 9),
  entity('canada', 'Canada', 'place', 6),
  entity('europe', 'Europe', 'place', 8),
  entity('russia', 'Russia', 'place', 20),
  entity('ukraine', 'Ukraine', 'place', 18),
  entity('nato', 'NATO', 'organization', 15),
  entity('eu', 'European Union', 'organization', 15, ['EU']),
  entity('us', 'United States', 'place', 20, ['US']),
  entity('brexit', 'Brexit', 'topic', 9),
  ...Array.from({ length: 60 }, (_, i) => entity(`minor-${i}`, `Minor Person${i}`, 'person', 3 + (i % 2))),
];
const matcher = loadMatcher(buildMatcherData(ENTITIES));

function found(text: string): [string, string][] {
  return annotate(matcher, text).map((m) => [m.surface, matcher.entities[m.entity].id]);
}

describe('one word of a longer proper name', () => {
  it('does not link a name followed by another capitalised word', () => {
    expect(found('She teaches at Washington State University.')).toEqual([]);
    expect(found('The advice columnist Dan Savage wrote it.')).toEqual([]);
    expect(found('Its shares were listed on the London Stock Exchange last year.')).toEqual([]);
  });
  it('does not link a name after a given name or an initial', () => {
    expect(found('They read Jack London at school.')).toEqual([]);
    expect(found('Officials said Hamza bin Laden was killed.')).toEqual([]);
    expect(found('Osama bin Laden and his son Hamza bin Laden.')).toEqual([['Osama bin Laden', 'bin-laden']]);
  });
  it('still links next to titles, function words, days, nationalities and punctuation', () => {
    expect(found('Chancellor Merkel met President Macron in Paris Monday.')).toEqual([
      ['Merkel', 'merkel'],
      ['Macron', 'macron'],
      ['Paris', 'paris'],
    ]);
    expect(found('In London, pro-European Macron spoke; French President Macron agreed.')).toEqual([
      ['London', 'london'],
      ['Macron', 'macron'],
      ['Macron', 'macron'],
    ]);
    expect(found("Russia's army, Ukraine's allies.")).toEqual([
      ['Russia', 'russia'],
      ['Ukraine', 'ukraine'],
    ]);
  });
  it('links acronyms and adjacent known names', () => {
    expect(found('the Macron-Merkel model, the EU Brexit talks and NATO Secretary General')).toEqual([
      ['Macron', 'macron'],
      ['Merkel', 'merkel'],
      ['EU', 'eu'],
      ['Brexit', 'brexit'],
      ['NATO', 'nato'],
    ]);
  });
  it('relaxes the rule in a Title Case headline, not in a sentence', () => {
    expect(found('Le Pen Proposes Closer Ties Between NATO And Russia\n\nText.')).toEqual([
      ['Le Pen', 'le-pen'],
      ['NATO', 'nato'],
      ['Russia', 'russia'],
    ]);
    expect(found('Then Le Pen Proposes came out.')).toEqual([]);
  });
  it('lets a sentence opener count only when the pair also occurs mid-sentence', () => {
    expect(found('Afterwards Putin left.')).toEqual([['Putin', 'putin']]);
    expect(found('Environment Canada said so. A report by Environment Canada followed.')).toEqual([]);
  });
  it('reads a place after a given name as that person’s surname throughout the document', () => {
    expect(found('Valeska Paris spoke. Paris was born in Switzerland.')).toEqual([]);
    expect(found('Trains left Paris. Paris was calm.')).toEqual([
      ['Paris', 'paris'],
      ['Paris', 'paris'],
    ]);
  });
  it('does not end a name at a place followed by a new full name', () => {
    expect(found('the envoy to Ukraine Kurt Volker said')).toEqual([['Ukraine', 'ukraine']]);
  });
  it('does not take a currency code for a country', () => {
    expect(found('It cost US$ 10 billion, or US $8, in the US.')).toEqual([['US', 'us']]);
  });
});

describe('bare surnames', () => {
  it('link alone only for the most prominent people', () => {
    expect(found('Merkel and Putin spoke.')).toEqual([
      ['Merkel', 'merkel'],
      ['Putin', 'putin'],
    ]);
    expect(found('Later, Karis and Dan spoke.')).toEqual([]);
  });
  it('link after the full name, or before it when the full name comes later', () => {
    expect(found('Alar Karis arrived. Karis spoke.')).toEqual([
      ['Alar Karis', 'alar-karis'],
      ['Karis', 'alar-karis'],
    ]);
    expect(found('Karis spoke. President Alar Karis is 67.')).toEqual([
      ['Karis', 'alar-karis'],
      ['Alar Karis', 'alar-karis'],
    ]);
  });
  it('are not derived from names written family name first', () => {
    expect(found('Xi Jinping met Xi. Jinping said.')).toEqual([
      ['Xi Jinping', 'xi'],
      ['Xi', 'xi'],
    ]);
  });
});

describe('prominence threshold', () => {
  it('is the top 5% of people', () => {
    const list = [...Array(95).fill(3), 10, 11, 12, 13, 20];
    expect(prominentFrom(list)).toBe(10);
  });
  it('is above the median, so that a flat distribution lets no bare surname link', () => {
    expect(prominentFrom(Array(50).fill(1))).toBe(Infinity);
    expect(prominentFrom([...Array(90).fill(3), ...Array(10).fill(4)])).toBe(4);
  });
});

describe('aliases spelt with other capitals', () => {
  it('accept either spelling of the same words', () => {
    const m = loadMatcher(buildMatcherData([entity('kim', 'Kim Jong Un', 'person', 6, ['Kim Jong-un'], 'North Korea')]));
    const surfaces = (t: string) => annotate(m, t).map((x) => x.surface);
    expect(surfaces('Then Kim Jong-un and Kim Jong Un spoke.')).toEqual(['Kim Jong-un', 'Kim Jong Un']);
    expect(surfaces('Then kim jong un spoke.')).toEqual([]);
  });
});
