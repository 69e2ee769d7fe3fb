// Acceptance on the user's seed article (data/articles/0001-seed-le-pen-nato-russia.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annotate, buildMatcherData, loadMatcher } from '../../../engine/index';
import type { Mention } from '../../../engine/types';
import { TEST_ENTITIES } from './fixtures';

const file = fileURLToPath(new URL('../../../data/articles/0001-seed-le-pen-nato-russia.md', import.meta.url));
const source = readFileSync(file, 'utf8');
const header = /^---\n([\s\S]*?)\n---\n/.exec(source)!;
const title = /^title: (.*)$/m.exec(header[1])![1];
const body = source.slice(header[0].length);
// as a reader sees it: the headline (which misspells "Marin"), then the body
const text = `${title}\n\n${body}`;

const matcher = loadMatcher(buildMatcherData(TEST_ENTITIES));
const mentions = annotate(matcher, text);
const idOf = (m: Mention) => matcher.entities[m.entity].id;

/** Start offsets of every whole-word occurrence of `phrase` in the text. */
function occurrences(phrase: string): number[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => m.index!);
}

/** Every occurrence of `phrase` lies inside a mention of `id`. */
function expectAllLinked(phrase: string, id: string) {
  const starts = occurrences(phrase);
  expect(starts.length).toBeGreaterThan(0);
  for (const s of starts) {
    const m = mentions.find((x) => x.start <= s && s + phrase.length <= x.end);
    expect(m ? [phrase, s, idOf(m)] : [phrase, s, 'none']).toEqual([phrase, s, id]);
  }
}

describe('seed article', () => {
  it('links every Le Pen, including the misspelt headline, to Marine Le Pen', () => {
    expectAllLinked('Le Pen', 'marine-le-pen');
    const headline = mentions.find((m) => m.surface === 'Marin Le Pen');
    expect(headline && idOf(headline)).toBe('marine-le-pen');
  });
  it('links Macron, Putin and Merkel', () => {
    expectAllLinked('Macron', 'emmanuel-macron');
    expectAllLinked('Putin', 'vladimir-putin');
    expectAllLinked('Merkel', 'angela-merkel');
  });
  it('finds the organisations, places and topics', () => {
    expectAllLinked('NATO', 'nato');
    expectAllLinked('EU', 'european-union');
    expectAllLinked('Brexit', 'brexit');
    expectAllLinked('Russia', 'russia');
    expectAllLinked('Ukraine', 'ukraine');
    expectAllLinked('Germany', 'germany');
  });
  it('links nothing else', () => {
    const ids = new Set(mentions.map(idOf));
    const expected = [
      'marine-le-pen', 'emmanuel-macron', 'vladimir-putin', 'angela-merkel', 'donald-trump', 'nato', 'european-union',
      'brexit', 'russia', 'ukraine', 'germany', 'france', 'kremlin', 'national-rally', 'united-states',
    ];
    expect([...ids].sort()).toEqual(expected.sort());
    // no common word: every mention starts with a capital letter and is not a demonym or a lowercase "rally"
    for (const m of mentions) expect(m.surface).toMatch(/^\p{Lu}/u);
    expect(mentions.filter((m) => /Russian|European|British|rally|Franco/.test(m.surface))).toEqual([]);
  });
});
