import { describe, expect, it } from 'vitest';
import { normalizePhrase, tokenize, withinOneEdit, hashToken } from '../../../engine/normalize';

describe('normalizePhrase', () => {
  it('folds case and diacritics', () => {
    expect(normalizePhrase('Élysée Palace')).toBe('elysee palace');
    expect(normalizePhrase('Türkiye')).toBe('turkiye');
    expect(normalizePhrase('Łódź')).toBe('lodz');
    expect(normalizePhrase('STRAẞE')).toBe('strase');
  });
  it('treats apostrophes, hyphens and dashes of every kind as word breaks', () => {
    expect(normalizePhrase('Le Pen’s')).toBe('le pen s');
    expect(normalizePhrase("Le Pen's")).toBe('le pen s');
    expect(normalizePhrase('Jean‑Marie')).toBe('jean marie'); // non-breaking hyphen
    expect(normalizePhrase('Macron–Merkel')).toBe('macron merkel'); // en dash
  });
  it('ignores combining marks and soft hyphens inside words', () => {
    expect(normalizePhrase('E\u0301lyse\u0301e')).toBe('elysee');
    expect(normalizePhrase('Mer\u00adkel')).toBe('merkel');
  });
  it('collapses line breaks and runs of spaces', () => {
    expect(normalizePhrase('Marine\n  Le\u00a0Pen')).toBe('marine le pen');
  });
});

describe('tokenize', () => {
  it('reports capitals and all-caps words', () => {
    const [a, b, c] = tokenize('NATO Nato us');
    expect([a.allCaps, a.capital]).toEqual([true, true]);
    expect([b.allCaps, b.capital]).toEqual([false, true]);
    expect([c.allCaps, c.capital]).toEqual([false, false]);
    expect(tokenize('U.S.').map((t) => t.norm)).toEqual(['u', 's']);
  });
});

describe('withinOneEdit', () => {
  it('accepts one insertion, deletion, substitution or swap', () => {
    expect(withinOneEdit('marin', 'marine')).toBe(true);
    expect(withinOneEdit('marine', 'marin')).toBe(true);
    expect(withinOneEdit('maxine', 'marine')).toBe(true);
    expect(withinOneEdit('mraine', 'marine')).toBe(true);
  });
  it('rejects equal words and two edits', () => {
    expect(withinOneEdit('marine', 'marine')).toBe(false);
    expect(withinOneEdit('mari', 'marine')).toBe(false);
    expect(withinOneEdit('maxina', 'marine')).toBe(false);
  });
});

describe('hashToken', () => {
  it('differs for different words', () => {
    expect(hashToken('macron')).not.toBe(hashToken('merkel'));
    expect(hashToken('le')).toBe(hashToken('le'));
  });
});
