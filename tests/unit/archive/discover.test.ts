// Name discovery: recurring capitalised names the catalog lacks, typed conservatively (invented names throughout).
import { describe, expect, it } from 'vitest';
import { NameDiscovery } from '../../../engine/archive/discover';
import { splitSentences } from '../../../engine/archive/sentences';
import type { Mention } from '../../../engine/types';

function discover(texts: string[], mentionsOf: (text: string) => Mention[] = () => []) {
  const discovery = new NameDiscovery();
  texts.forEach((text, i) =>
    discovery.add({ text, date: `2020-01-0${i + 1}`, sentences: splitSentences(text), mentions: mentionsOf(text) }),
  );
  return discovery.result().map((d) => [d.name, d.type, d.articles]);
}

const thrice = (text: string) => [text, text, text];

describe('NameDiscovery', () => {
  it('needs three articles', () => {
    const text = 'Foreign Minister Anna Kowalczyk arrived on Monday. Kowalczyk spoke briefly.';
    expect(discover([text, text])).toEqual([]);
    expect(discover(thrice(text))).toEqual([['Anna Kowalczyk', 'person', 3]]);
  });

  it('needs person evidence: a title, the surname on its own, or an age', () => {
    expect(discover(thrice('Visitors praised Alder Quinn for the food.'))).toEqual([]);
    expect(discover(thrice('Visitors praised Alder Quinn, 40, for the food.'))).toEqual([['Alder Quinn', 'person', 3]]);
    expect(discover(thrice('Visitors praised Alder Quinn for the food. Quinn thanked them.'))).toEqual([
      ['Alder Quinn', 'person', 3],
    ]);
  });

  it('drops sentence-initial function words and types places by the prepositions before them', () => {
    const texts = [
      'In Marrow Heights the river rose. Residents left.',
      'Flooding was reported in Marrow Heights on Tuesday.',
      'Aid arrived at Marrow Heights late.',
    ];
    expect(discover(texts)).toEqual([['Marrow Heights', 'place', 3]]);
  });

  it('keeps organisation names whole, "and" included, but not roles or generic phrases', () => {
    const text =
      'The Brackwater Savings Bank was fined by the Tariffs and Levies Commission. ' +
      'Police Chief Ray Dunmore said the Police Department had no comment.';
    expect(discover(thrice(text))).toEqual([
      ['Brackwater Savings Bank', 'organization', 3],
      ['Ray Dunmore', 'person', 3],
      ['Tariffs and Levies Commission', 'organization', 3],
    ]);
  });

  it('splits two people joined by "and", and ignores dates and possessives', () => {
    const text = 'On Monday, Mayor Ida Brannock and Judge Olek Varga met. Brannock’s office and Varga declined to comment.';
    expect(discover(thrice(text)).map(([name]) => name)).toEqual(['Ida Brannock', 'Olek Varga']);
  });

  it('leaves out names a catalog mention covers, and runs that lead into one', () => {
    const text = 'Senator Pell Ramsey met John Q. Ostrander. Ramsey and Ostrander talked.';
    const covering = (t: string): Mention[] => {
      const start = t.indexOf('Ostrander');
      return [{ start, end: start + 9, surface: 'Ostrander', entity: 0, confidence: 1 }];
    };
    expect(discover(thrice(text), covering).map(([name]) => name)).toEqual(['Pell Ramsey']);
    expect(discover(thrice(text)).map(([name]) => name)).toEqual(['John Q. Ostrander', 'Pell Ramsey']);
  });
});
