import { describe, expect, it } from 'vitest';
import { asOfLabel, formatDate, wikipediaUrl } from '../../../components/card/format';
import { yearSeries } from '../../../components/card/Sparkline';

describe('card text', () => {
  it('formats ISO dates and as-of months in words', () => {
    expect(formatDate('2022-04-13')).toBe('13 April 2022');
    expect(formatDate('2025-06')).toBe('June 2025');
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate('yesterday')).toBeNull();
    expect(formatDate(null)).toBeNull();
    expect(asOfLabel('2025-06')).toBe('as of June 2025');
    expect(asOfLabel('2025-06-30')).toBe('as of June 2025');
    expect(asOfLabel(null)).toBeNull();
  });

  it('builds Wikipedia links from titles, escaping what needs escaping', () => {
    expect(wikipediaUrl('Marine Le Pen')).toBe('https://en.wikipedia.org/wiki/Marine_Le_Pen');
    expect(wikipediaUrl('AC/DC?')).toBe('https://en.wikipedia.org/wiki/AC%2FDC%3F');
  });

  it('fills the years between the first and last with zero for the sparkline', () => {
    expect(yearSeries([[2019, 2], [2022, 5]])).toEqual([[2019, 2], [2020, 0], [2021, 0], [2022, 5]]);
    expect(yearSeries([])).toEqual([]);
  });
});
