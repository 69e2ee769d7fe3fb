import { describe, expect, it } from 'vitest';
import { deriveSurnames, familyNameFirst } from '../../../engine/names';

describe('derived surnames', () => {
  it('takes the name after the first given name, from a particle, without initials', () => {
    expect(deriveSurnames('Marine Le Pen')).toEqual(['Le Pen']);
    expect(deriveSurnames('George W. Bush')).toEqual(['Bush']);
    expect(deriveSurnames('Charles de Gaulle')).toEqual(['de Gaulle']);
    expect(deriveSurnames('Ruth Bader Ginsburg')).toEqual(['Bader Ginsburg', 'Ginsburg']);
    expect(deriveSurnames('Mohammed bin Salman')).toEqual(['bin Salman']);
  });
  it('skips a generational suffix or a regnal number', () => {
    expect(deriveSurnames('Robert F. Kennedy Jr.')).toEqual(['Kennedy']);
    expect(deriveSurnames('Cyrus R. Vance, Jr.')).toEqual(['Vance']);
    expect(deriveSurnames('John Smith III')).toEqual(['Smith']);
    expect(deriveSurnames('Pope Leo XIV')).toEqual([]);
    expect(deriveSurnames('Charles III')).toEqual([]);
    expect(deriveSurnames('King Abdullah II')).toEqual([]);
  });
  it('derives nothing from a title', () => {
    expect(deriveSurnames('Prince William')).toEqual([]);
    expect(deriveSurnames('Sheikh Hasina')).toEqual([]);
  });
  it('derives no last-word surname from names written family name first', () => {
    const china = { country: 'China' };
    expect(deriveSurnames('Xi Jinping', china)).toEqual([]);
    expect(deriveSurnames('Li Qiang', china)).toEqual([]);
    expect(deriveSurnames('Kim Jong Un', { country: 'North Korea' })).toEqual([]);
    expect(deriveSurnames('Moon Jae-in', { country: 'South Korea' })).toEqual([]);
    expect(deriveSurnames('Hun Sen', { country: 'Cambodia' })).toEqual([]);
    expect(deriveSurnames('Min Aung Hlaing', { country: 'Myanmar' })).toEqual([]);
    expect(deriveSurnames('Tsai Ing-wen', { country: 'Taiwan' })).toEqual([]);
    expect(deriveSurnames('Lee Hsien Loong', { country: 'Singapore' })).toEqual([]);
  });
  it('keeps the surname of a Western given name from those countries, and of other countries', () => {
    expect(deriveSurnames('Carrie Lam', { country: 'Hong Kong' })).toEqual(['Lam']);
    expect(deriveSurnames('Lawrence Wong', { country: 'Singapore' })).toEqual(['Wong']);
    expect(deriveSurnames('Jack Ma', { country: 'China' })).toEqual(['Ma']);
    expect(deriveSurnames('Shinzo Abe', { country: 'Japan' })).toEqual(['Abe']);
    expect(deriveSurnames('Viktor Orbán', { country: 'Hungary' })).toEqual(['Orbán']);
  });
});

describe('family name first, without a country', () => {
  it('recognises hyphenated syllable pairs and Chinese family names', () => {
    expect(familyNameFirst(['Wong', 'Kwok-kin'])).toBe(true);
    expect(familyNameFirst(['Lai', 'Ching-te'])).toBe(true);
    expect(familyNameFirst(['Xi', 'Jinping'])).toBe(true);
    expect(familyNameFirst(['Kim', 'Jong', 'Un'])).toBe(true);
  });
  it('leaves Western names alone, including given names that are also Asian family names', () => {
    expect(familyNameFirst(['Kim', 'Kardashian'])).toBe(false);
    expect(familyNameFirst(['Lee', 'Zeldin'])).toBe(false);
    expect(familyNameFirst(['Jean-Marie', 'Le', 'Pen'])).toBe(false);
    expect(familyNameFirst(['Alexandria', 'Ocasio-Cortez'])).toBe(false);
    expect(familyNameFirst(['Emmanuel', 'Macron'])).toBe(false);
  });
});
