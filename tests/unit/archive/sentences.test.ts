import { describe, expect, it } from 'vitest';
import { countWords, splitSentences } from '../../../engine/archive/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at sentence ends and paragraph breaks', () => {
    expect(split('One two. Three four! "Five?" Six.\n\nSeven')).toEqual(['One two.', 'Three four!', '"Five?"', 'Six.', 'Seven']);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    expect(split('Mr. Smith met John F. Kennedy in the U.S. Senate. It cost 4.5 million.')).toEqual([
      'Mr. Smith met John F. Kennedy in the U.S. Senate.',
      'It cost 4.5 million.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(split('She said: “No.” Then she left.')).toEqual(['She said: “No.”', 'Then she left.']);
  });

  it('counts words', () => {
    expect(countWords('  Le Pen, who cast 45%  of the vote ')).toBe(8);
  });
});
