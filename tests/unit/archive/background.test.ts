// Background sentences: ranked by what they say about the entity, deduplicated, spread over articles.
import { describe, expect, it } from 'vitest';
import { BackgroundPicker } from '../../../engine/archive/background';
import { splitSentences } from '../../../engine/archive/sentences';
import type { Mention } from '../../../engine/types';

/** Mentions of every occurrence of `name` (entity 0) and `other` (entity 1). */
function mentionsIn(text: string, name: string, other = '\u0000'): Mention[] {
  const out: Mention[] = [];
  for (const [surface, entity] of [
    [name, 0],
    [other, 1],
  ] as const) {
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      out.push({ start: i, end: i + surface.length, surface, entity, confidence: 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function pick(articles: string[], recency: (number | null)[] = articles.map(() => null)) {
  const picker = new BackgroundPicker(2);
  articles.forEach((text, i) => picker.addArticle(i, text, splitSentences(text), mentionsIn(text, 'Ada Morrow', 'Kelby'), recency[i]));
  return picker.picksFor(0).map((p) => [p.article, p.text]);
}

describe('BackgroundPicker', () => {
  it('prefers informative sentences with the entity as subject', () => {
    const text =
      'Ada Morrow was elected mayor of Kelby in 2014 with 61% of the vote, beating two rivals. ' +
      'Residents in the market talked about Ada Morrow and the weather for a while today. ' +
      'Ada Morrow waved.';
    const picks = pick([text]);
    expect(picks.map(([, s]) => s)).toEqual([
      'Ada Morrow was elected mayor of Kelby in 2014 with 61% of the vote, beating two rivals.',
      'Residents in the market talked about Ada Morrow and the weather for a while today.',
    ]); // "Ada Morrow waved." is too short to say anything
  });

  it('skips sentences that are mostly a quotation, and keeps one copy of a repeated sentence', () => {
    const quote = '“We will build the new bridge before winter and nobody will stop us,” said Ada Morrow.';
    const fact = 'Ada Morrow, a former engineer, has led the council of Kelby since 2014.';
    const picks = pick([`${quote} ${fact}`, fact]);
    expect(picks.map(([, s]) => s)).toEqual([fact]);
  });

  it('prefers the more recent of two equal sentences', () => {
    const older = 'Ada Morrow opened the new library of Kelby in 2011 after a long delay.';
    const newer = 'Ada Morrow opened the new harbour of Kelby in 2011 after a long delay.';
    expect(pick([older, newer], [0, 1])[0]).toEqual([1, newer]);
    expect(pick([older, newer], [1, 0])[0]).toEqual([0, older]);
  });

  it('takes at most two sentences from one article while other articles have some', () => {
    const rich = [1, 2, 3, 4]
      .map((n) => `Ada Morrow was elected to the Kelby council ${n} times, in 201${n}, with ${n}0% of the vote.`)
      .join(' ');
    const plain = (what: string) => `People in the town often speak about Ada Morrow and ${what} at length.`;
    const picks = pick([rich, `${plain('the harbour')} ${plain('the roads')}`, plain('the schools')]);
    expect(picks).toHaveLength(5);
    expect(picks.filter(([article]) => article === 0)).toHaveLength(2);
    expect(pick([rich])).toHaveLength(4); // a single article gives all it has
  });
});
