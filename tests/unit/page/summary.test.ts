import { describe, expect, it } from 'vitest';
import { splitSentences, summarize } from '../../../engine/summary';

describe('splitSentences', () => {
  it('splits at sentence ends but not after titles, initials or dotted acronyms', () => {
    const text = 'Mr. Smith met J. R. Jones in the U.S. Senate on Monday. They talked for an hour! Was it useful? Nobody knows.';
    expect(splitSentences(text)).toEqual([
      'Mr. Smith met J. R. Jones in the U.S. Senate on Monday.',
      'They talked for an hour!',
      'Was it useful?',
      'Nobody knows.',
    ]);
  });

  it('ends a sentence at a blank line and joins lines broken by markup indentation', () => {
    expect(splitSentences('A headline without a stop\n\nThe first\n   line goes on. Second one.')).toEqual([
      'A headline without a stop',
      'The first line goes on.',
      'Second one.',
    ]);
  });
});

describe('summarize', () => {
  // A hand-made article: the council vote is what recurs; the cat and the weather are asides.
  const article = [
    'Council votes on budget',
    'The city council approved the new budget for schools on Tuesday after a long debate.',
    'A cat was seen sleeping on the steps of the building during the afternoon session.',
    'The budget gives schools more money for teachers, and the council said the vote was close.',
    'It rained all day.',
    'Weather forecasters expect sunshine across the region for most of the coming weekend.',
    'Critics of the council said the budget for schools still leaves teachers underpaid this year.',
  ].join('\n\n');

  it('returns at most three whole sentences of the text, in their original order', () => {
    const picked = summarize(article);
    expect(picked).toHaveLength(3);
    for (const s of picked) expect(article.includes(s)).toBe(true);
    const positions = picked.map((s) => article.indexOf(s));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prefers sentences about what the text keeps coming back to', () => {
    expect(summarize(article)).toEqual([
      'The city council approved the new budget for schools on Tuesday after a long debate.',
      'The budget gives schools more money for teachers, and the council said the vote was close.',
      'Critics of the council said the budget for schools still leaves teachers underpaid this year.',
    ]);
  });

  it('skips headings and very short lines, and copes with empty input', () => {
    expect(summarize(article).some((s) => s.startsWith('Council votes') || s === 'It rained all day.')).toBe(false);
    expect(summarize('')).toEqual([]);
    expect(summarize(article, 1)).toEqual(['The city council approved the new budget for schools on Tuesday after a long debate.']);
  });
});
