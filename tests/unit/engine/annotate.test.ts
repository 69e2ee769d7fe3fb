import { describe, expect, it } from 'vitest';
import { annotate, buildMatcherData, chunkPosition, loadMatcher, mergeMatcherData } from '../../../engine/index';
import { checkToken, hashToken } from '../../../engine/normalize';
import type { EntityInput } from '../../../engine/types';
import { TEST_ENTITIES, entityIndex, testEntity } from './fixtures';

const matcher = loadMatcher(buildMatcherData(TEST_ENTITIES));

/** [surface, entity id] of every mention, in order. */
function found(text: string | string[]): [string, string][] {
  return annotate(matcher, text).map((m) => [m.surface, matcher.entities[m.entity].id]);
}

describe('spotting over normalised text', () => {
  it('ignores case of diacritics and typographic variants', () => {
    expect(found('Talks at the Elysee Palace today.')).toEqual([['Elysee Palace', 'elysee-palace']]);
    expect(found('Talks at the Élysée Palace today.')).toEqual([['Élysée Palace', 'elysee-palace']]);
    expect(found('She visited Turkiye and Türkiye.')).toEqual([
      ['Turkiye', 'turkey'],
      ['Türkiye', 'turkey'],
    ]);
  });
  it('reads through soft hyphens and decomposed accents', () => {
    expect(found('Chancellor Mer\u00adkel and the E\u0301lyse\u0301e Palace')).toEqual([
      ['Mer\u00adkel', 'angela-merkel'],
      ['E\u0301lyse\u0301e Palace', 'elysee-palace'],
    ]);
  });
  it('stops a possessive before the apostrophe', () => {
    expect(found("Ask about Putin's plans and Le Pen’s party.")).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Le Pen', 'marine-le-pen'],
    ]);
  });
  it('matches names across line breaks, runs of spaces and hyphen variants', () => {
    expect(found('We met Marine\nLe   Pen there.')).toEqual([['Marine\nLe   Pen', 'marine-le-pen']]);
    expect(found('We met Jean‑Marie Le Pen and Jean Marie Le Pen.')).toEqual([
      ['Jean‑Marie Le Pen', 'jean-marie-le-pen'],
      ['Jean Marie Le Pen', 'jean-marie-le-pen'],
    ]);
  });
  it('does not match a name across a paragraph break or punctuation', () => {
    expect(found('We met Marine.\n\nLe Pen said no.').map((m) => m[0])).toEqual(['Le Pen']);
    expect(found('He said: Marine, Le Pen is here.').map((m) => m[0])).toEqual(['Le Pen']);
  });
  it('matches whole words only', () => {
    expect(found('The Macronists and Putinism won. Russians in Germanyx.')).toEqual([]);
  });
  it('splits hyphenated pairs into both names', () => {
    expect(found('the Macron-Merkel model and the Russia–Ukraine war')).toEqual([
      ['Macron', 'emmanuel-macron'],
      ['Merkel', 'angela-merkel'],
      ['Russia', 'russia'],
      ['Ukraine', 'ukraine'],
    ]);
  });
  it('prefers the longest match and never overlaps', () => {
    expect(found('Officials of the European Union met.')).toEqual([['European Union', 'european-union']]);
    expect(found('Marine Le Pen spoke.')).toEqual([['Marine Le Pen', 'marine-le-pen']]);
    expect(found('the United States of America')).toEqual([['United States of America', 'united-states']]);
    const mentions = annotate(matcher, 'Marine Le Pen, NATO, the EU and US-led Brexit.');
    for (let i = 1; i < mentions.length; i++) expect(mentions[i].start).toBeGreaterThanOrEqual(mentions[i - 1].end);
  });
  it('drops a leading "the" from aliases, unless only a common word would be left', () => {
    expect(found('inside the Kremlin walls')).toEqual([['Kremlin', 'kremlin']]);
    const m = loadMatcher(
      buildMatcherData([
        { id: 'hague', name: 'The Hague', type: 'place', aliases: [], prominence: 1, description: '', asOf: null, wikipedia: null },
        { id: 'who', name: 'The Who', type: 'organization', aliases: [], prominence: 1, description: '', asOf: null, wikipedia: null },
        { id: 'sun', name: 'The Sun', type: 'organization', aliases: [], prominence: 1, description: '', asOf: null, wikipedia: null },
      ]),
    );
    expect(annotate(m, 'In The Hague, The Who played; Who knows? The Sun said; the sun rose.').map((x) => x.surface)).toEqual([
      'Hague',
      'The Who', // "who" is a common word: the alias keeps its "The"
      'The Sun',
    ]);
  });
  it('does not start names at the pronoun I', () => {
    const m = loadMatcher(
      buildMatcherData([{ id: 'imf', name: 'International Monetary Fund', type: 'organization', aliases: ['IMF', 'I.M.F.'], prominence: 1, description: '', asOf: null, wikipedia: null }]),
    );
    expect(annotate(m, 'I m fine, said the I.M.F. and the IMF.').map((x) => x.surface)).toEqual(['I.M.F', 'IMF']);
  });
});

describe('capitalisation', () => {
  it('needs a capital first letter for single-word names', () => {
    expect(found('a russia policy')).toEqual([]);
    expect(found('we brexit soon')).toEqual([]);
    expect(found('Cards that trump everything; Trump said.')).toEqual([['Trump', 'donald-trump']]);
  });
  it('matches all-caps acronyms only in capitals', () => {
    expect(found('Let us go to the US and the EU.')).toEqual([
      ['US', 'united-states'],
      ['EU', 'european-union'],
    ]);
    expect(found('It is up to us. Un, deux. The Eu flag.')).toEqual([]);
    expect(found('the U.S. economy')).toEqual([['U.S', 'united-states']]);
  });
  it('accepts title case for acronyms of four or more letters', () => {
    expect(found('Nato allies')).toEqual([['Nato', 'nato']]);
  });
  it('does not link sentence-initial common words', () => {
    expect(found('Rally organisers said so. Reading is fun. Chase the ball.')).toEqual([]);
  });
  it('links a capitalised common-word place mid-sentence', () => {
    expect(found('She lives in Reading now.')).toEqual([['Reading', 'reading']]);
    expect(found('Troops left Georgia and Turkey.')).toEqual([
      ['Georgia', 'georgia'],
      ['Turkey', 'turkey'],
    ]);
  });
});

describe('linking', () => {
  it('resolves a shared surname to the person named earlier', () => {
    expect(found('Jean-Marie Le Pen founded the party. Le Pen said.')).toEqual([
      ['Jean-Marie Le Pen', 'jean-marie-le-pen'],
      ['Le Pen', 'jean-marie-le-pen'],
    ]);
    expect(found('Brigitte Macron visited. Macron smiled.')).toEqual([
      ['Brigitte Macron', 'brigitte-macron'],
      ['Macron', 'brigitte-macron'],
    ]);
  });
  it('goes to the most prominent sense when it dominates and nothing else is known', () => {
    expect(found('Macron smiled.')).toEqual([['Macron', 'emmanuel-macron']]);
    expect(found('Then Le Pen spoke.')).toEqual([['Le Pen', 'marine-le-pen']]);
  });
  it('follows the Bush the page is about', () => {
    expect(found('George H. W. Bush was president. Later Bush said no.')).toEqual([
      ['George H. W. Bush', 'george-h-w-bush'],
      ['Bush', 'george-h-w-bush'],
    ]);
  });
  it('leaves an ambiguous alias unlinked when no sense dominates', () => {
    const entities: EntityInput[] = [
      { ...TEST_ENTITIES[entityIndex('marine-le-pen')], prominence: 50 },
      { ...TEST_ENTITIES[entityIndex('jean-marie-le-pen')], prominence: 45 },
    ];
    const m = loadMatcher(buildMatcherData(entities));
    expect(annotate(m, 'Then Le Pen spoke.')).toEqual([]);
    // but a later full name settles it
    const later = annotate(m, 'Then Le Pen spoke. Jean-Marie Le Pen is 90.');
    expect(later.map((x) => m.entities[x.entity].id)).toEqual(['jean-marie-le-pen', 'jean-marie-le-pen']);
  });
  it('tells same-named places apart by the country the rest of the document names', () => {
    const place = (id: string, name: string, country: string, prominence: number) =>
      testEntity(id, name, { type: 'place', prominence, hints: { country } });
    const person = (id: string, name: string, country: string, aliases: string[] = []) =>
      testEntity(id, name, { type: 'person', aliases, prominence: 50, hints: { country } });
    const m = loadMatcher(buildMatcherData([
      place('georgia-country', 'Georgia', 'Georgia', 10),
      place('georgia-us-state', 'Georgia', 'United States', 8),
      place('tbilisi', 'Tbilisi', 'Georgia', 5),
      person('stacey-abrams', 'Stacey Abrams', 'United States'),
      person('bill-clinton', 'Bill Clinton', 'United States', ['Clinton']),
      person('hillary-clinton', 'Hillary Clinton', 'United States', ['Clinton']),
    ]));
    const ids = (text: string) => annotate(m, text).map((x) => `${x.surface}→${m.entities[x.entity].id}`);
    expect(ids('Stacey Abrams of Georgia spoke.')).toEqual(['Stacey Abrams→stacey-abrams', 'Georgia→georgia-us-state']);
    expect(ids('Georgia saw protests. Tbilisi was full.')).toEqual(['Georgia→georgia-country', 'Tbilisi→tbilisi']);
    // no country named: neither sense dominates
    expect(ids('Georgia saw protests.')).toEqual([]);
    // two senses of the country named tell nothing apart
    expect(ids('Stacey Abrams met Clinton.')).toEqual(['Stacey Abrams→stacey-abrams']);
  });
  it("links a country's own party or parliament only where the document names that country", () => {
    const entity = (id: string, name: string, type: EntityInput['type'], country: string, wikipedia: string) =>
      testEntity(id, name, { type, wikipedia, prominence: 20, hints: { country } });
    const m = loadMatcher(buildMatcherData([
      entity('democratic-party', 'Democratic Party', 'organization', 'United States', 'Democratic Party (United States)'),
      entity('republican-party', 'Republican Party', 'organization', 'United States', 'Republican Party (United States)'),
      entity('nancy-pelosi', 'Nancy Pelosi', 'person', 'United States', 'Nancy Pelosi'),
      entity('hong-kong', 'Hong Kong', 'place', 'Hong Kong', 'Hong Kong'),
      entity('house-of-commons', 'House of Commons', 'organization', 'United Kingdom', 'House of Commons of the United Kingdom'),
      { ...entity('united-kingdom', 'United Kingdom', 'place', 'United Kingdom', 'United Kingdom'), aliases: ['UK'] },
      entity('canada', 'Canada', 'place', 'Canada', 'Canada'),
      { ...entity('king-salman', 'King Salman', 'person', 'Saudi Arabia', 'Salman of Saudi Arabia'), aliases: ['Salman'] },
    ]));
    const ids = (text: string) => annotate(m, text).map((x) => `${x.surface}→${m.entities[x.entity].id}`);
    expect(ids('Nancy Pelosi led the Democratic Party.')).toEqual(['Nancy Pelosi→nancy-pelosi', 'Democratic Party→democratic-party']);
    expect(ids('In Hong Kong the Democratic Party lost seats.')).toEqual(['Hong Kong→hong-kong']);
    // such entities say nothing of where the document is
    expect(ids('The Democratic Party and the Republican Party met.')).toEqual([]);
    // the country in the title, not as a qualifier ("House of Commons of the United Kingdom")
    expect(ids('The House of Commons of Canada met.')).toEqual(['Canada→canada']);
    expect(ids('The UK House of Commons met.')).toEqual(['UK→united-kingdom', 'House of Commons→house-of-commons']);
    // people's titles name their country without others sharing them
    expect(ids('Then Salman spoke.')).toEqual(['Salman→king-salman']);
  });
  it('prefers a place name to a surname', () => {
    expect(found('Talks in Jordan.')).toEqual([['Jordan', 'jordan']]);
    expect(found('Michael Jordan scored. Jordan smiled.')).toEqual([
      ['Michael Jordan', 'michael-jordan'],
      ['Jordan', 'michael-jordan'],
    ]);
  });
  it('links a common-word surname only after the full name', () => {
    expect(found('May said no.')).toEqual([]);
    expect(found('Ministers told May to resign.')).toEqual([]);
    expect(found('Theresa May spoke. Ministers told May to resign.')).toEqual([
      ['Theresa May', 'theresa-may'],
      ['May', 'theresa-may'],
    ]);
    expect(found('Gordon Brown left; Brown said.')).toEqual([
      ['Gordon Brown', 'gordon-brown'],
      ['Brown', 'gordon-brown'],
    ]);
    expect(found('Brown said.')).toEqual([]);
  });
  it('treats very common surnames like common words', () => {
    const m = loadMatcher(
      buildMatcherData([
        { id: 'jack-smith', name: 'Jack Smith', type: 'person', aliases: [], prominence: 5, description: '', asOf: null, wikipedia: null },
        { id: 'prince-william', name: 'Prince William', type: 'person', aliases: [], prominence: 5, description: '', asOf: null, wikipedia: null },
      ]),
    );
    const ids = (t: string) => annotate(m, t).map((x) => [x.surface, m.entities[x.entity].id]);
    expect(ids('The coach, Smith, said.')).toEqual([]);
    expect(ids('Jack Smith filed charges. Later Smith said.')).toEqual([
      ['Jack Smith', 'jack-smith'],
      ['Smith', 'jack-smith'],
    ]);
    // a title is not a given name: "William" alone is not Prince William's surname
    expect(ids('William Shakespeare and Prince William.')).toEqual([['Prince William', 'prince-william']]);
  });
  it('never reads a month in a date as a surname', () => {
    const ids = found('Theresa May resigned in May 2019. On 7 May, and since May, May stayed.');
    expect(ids).toEqual([
      ['Theresa May', 'theresa-may'],
      ['May', 'theresa-may'], // the last one: "May stayed"
    ]);
    expect(annotate(matcher, 'Theresa May resigned in May 2019.').map((m) => m.surface)).toEqual(['Theresa May']);
  });
  it('links a near-miss spelling of a multi-word name', () => {
    expect(found('Marin Le Pen proposes ties.')).toEqual([['Marin Le Pen', 'marine-le-pen']]);
    expect(found('Then Vladimir Putn spoke.')).toEqual([['Vladimir Putn', 'vladimir-putin']]);
    expect(found('Emmanual Macron spoke.')).toEqual([['Emmanual Macron', 'emmanuel-macron']]);
    const [m] = annotate(matcher, 'Marin Le Pen proposes ties.');
    expect(m.confidence).toBeLessThan(0.95);
  });
  it('finds the misspelt name among many that end in the same words', () => {
    // (the names' first words are looked up by first letter and length: each case below sits at another place in
    // that order, the soft hyphen at the edge where the text's word is two code units longer than the name's)
    const heads = ['Finance', 'Foreign', 'Defence', 'Deputy', 'Interior', 'Justice', 'Trade', 'Transport', 'Treasury', 'Health', 'Housing', 'Labour', 'Energy', 'Education', 'Environment'];
    const topics = heads.map((head, i) => testEntity(head.toLowerCase(), `${head} Minister`, { prominence: 10 + i }));
    const ministers = loadMatcher(buildMatcherData(topics));
    const ids = (text: string) => annotate(ministers, text).map((m) => [m.surface, ministers.entities[m.entity].id]);
    expect(ids('The Defense Minister and the Tranport Minister met.')).toEqual([
      ['Defense Minister', 'defence'],
      ['Tranport Minister', 'transport'],
    ]);
    expect(ids('The Fi\u00adnancee Minister and the Healt Minister met.')).toEqual([
      ['Fi\u00adnancee Minister', 'finance'],
      ['Healt Minister', 'health'],
    ]);
    // two edits, or another first letter: no name
    expect(ids('The Trnsprt Minister and the Minance Minister met.')).toEqual([]);
  });
  it('does not accept two edits or short words as near misses', () => {
    // "Maria" is two edits from "Marine": another given name, so another person (and not Marine's surname alone)
    expect(found('Maria Le Pen spoke.')).toEqual([]);
    expect(found('Then Marine Le Pan spoke.').map((m) => m[0])).toEqual([]);
  });
  it('gives every mention an entity and a confidence in (0, 1]', () => {
    for (const m of annotate(matcher, 'Marine Le Pen, Macron, the EU, Marin Le Pen, Putin and Brexit.')) {
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(matcher.entities[m.entity]).toBeDefined();
    }
  });
});

describe('chunks', () => {
  it('finds a name split across text nodes as one mention', () => {
    const chunks = ['I saw ', 'Marine', ' Le Pen', ' and ', 'Putin', '.'];
    const mentions = annotate(matcher, chunks);
    expect(mentions.map((m) => m.surface)).toEqual(['Marine Le Pen', 'Putin']);
    expect(chunkPosition(chunks, mentions[0].start)).toEqual({ chunk: 1, offset: 0 });
    const end = chunkPosition(chunks, mentions[0].end - 1);
    expect({ chunk: end.chunk, offset: end.offset + 1 }).toEqual({ chunk: 2, offset: 7 });
    expect(chunkPosition(chunks, mentions[1].start)).toEqual({ chunk: 4, offset: 0 });
  });
  it('does not join names across block separators', () => {
    expect(annotate(matcher, ['Marine', '\n\n', 'Le Pen said']).map((m) => m.surface)).toEqual(['Le Pen']);
  });
  it('maps the end of the text to the end of the last chunk', () => {
    expect(chunkPosition(['ab', 'cd'], 4)).toEqual({ chunk: 1, offset: 2 });
  });
});

describe('merging archives', () => {
  it('adds new entities and aliases of known ones', () => {
    const base = buildMatcherData(TEST_ENTITIES.slice(0, 3));
    const user = buildMatcherData([
      { ...TEST_ENTITIES[0], aliases: ['MLP'] },
      { id: 'zelensky', name: 'Volodymyr Zelenskyy', type: 'person', aliases: ['Zelensky'], prominence: 90, description: '', asOf: null, wikipedia: null },
    ]);
    const merged = mergeMatcherData(base, user);
    expect(merged.entities.map((e) => e.id)).toEqual(['marine-le-pen', 'jean-marie-le-pen', 'emmanuel-macron', 'zelensky']);
    const m = loadMatcher(JSON.parse(JSON.stringify(merged)));
    const ids = annotate(m, 'MLP met Zelensky and Macron.').map((x) => m.entities[x.entity].id);
    expect(ids).toEqual(['marine-le-pen', 'zelensky', 'emmanuel-macron']);
  });
  it('rejects data of another version', () => {
    expect(() => loadMatcher({ ...buildMatcherData([]), version: 999 })).toThrow();
  });
});

describe('single-word aliases', () => {
  const topic = (id: string, name: string, aliases: string[]): EntityInput => ({
    id, name, type: 'topic', aliases, description: '', asOf: null, wikipedia: null, prominence: 5,
  });
  const m = loadMatcher(buildMatcherData([topic('inflation', 'Inflation', ['inflation']), topic('euro', 'Euro', ['euro', 'euros']), topic('climate-change', 'Climate change', ['climate change'])]));
  const ids = (text: string) => annotate(m, text).map((x) => `${x.surface}→${m.entities[x.entity].id}`);

  it('need a capital even when the catalog spells them in lowercase', () => {
    expect(ids('Prices rose as inflation bit; it cost 9m euros and one euro.')).toEqual([]);
    expect(ids('Inflation rose again. The Euro fell.')).toEqual(['Inflation→inflation', 'Euro→euro']);
  });

  it('while lowercase multi-word themes still match', () => {
    expect(ids('They argued about climate change.')).toEqual(['climate change→climate-change']);
  });
});

describe('word hash collisions', () => {
  // Two words with the same 32-bit token hash (found by a brute-force search): the trie tells them apart by the second
  // hash of each word (checkToken), wherever in a name they stand.
  const [a, b] = ['Yaczfaa', 'Glbppaa'];
  // (and two that also share their first letter: after a name's first word, a next word of another first letter is
  // not even hashed)
  const [c, d] = ['Yqhuiny', 'Yncpthw'];
  const topic = (id: string, name: string, prominence = 5) => testEntity(id, name, { prominence });
  const ids = (m: ReturnType<typeof loadMatcher>, text: string) => annotate(m, text).map((x) => `${x.surface}→${m.entities[x.entity].id}`);

  it('holds for the test words', () => {
    for (const [x, y] of [[a, b], [c, d]]) {
      expect(x.toLowerCase()).not.toBe(y.toLowerCase());
      expect(hashToken(x.toLowerCase())).toBe(hashToken(y.toLowerCase()));
      expect(checkToken(x.toLowerCase())).not.toBe(checkToken(y.toLowerCase()));
    }
  });

  it('a word that only hashes like an alias is no mention', () => {
    const m = loadMatcher(buildMatcherData([topic('a', a), topic('a-house', `${a} House`), topic('house-c', `House of ${c}`)]));
    expect(ids(m, `${b} spoke. ${b} House opened. The House of ${d} closed. ${a} spoke.`)).toEqual([`${a}→a`]);
    expect(ids(m, `The House of ${c} closed.`)).toEqual([`House of ${c}→house-c`]);
  });

  it('aliases whose words hash alike each match only their own spelling', () => {
    // a, a second entity of the same name, then b
    const m = loadMatcher(buildMatcherData([topic('a', a, 9), topic('a-2', a, 1), topic('b', b)]));
    expect(ids(m, `${b} spoke.`)).toEqual([`${b}→b`]);
    expect(ids(m, `${a} spoke.`)).toEqual([`${a}→a`]);
    const m2 = loadMatcher(buildMatcherData([topic('b', b), topic('a', a, 9), topic('a-2', a, 1)]));
    expect(ids(m2, `${a} spoke. ${b} too.`)).toEqual([`${a}→a`, `${b}→b`]);
  });
});
