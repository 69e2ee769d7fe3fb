// Character tables shared by the matcher (hot loop) and the alias builder, so that text and aliases are folded
// exactly the same way: lowercase, diacritics removed, typographic apostrophes/dashes unified.
// Tables are plain typed arrays indexed by UTF-16 code unit: no regex or string allocation per character.

import { CASED_RANGES } from './char-tables';

/** Character classes. Separators are < 8, word characters >= 8 (so `cls >= WORD` is the word test). */
export const PUNCT = 0; // breaks a name: , ; ( ) " etc.
export const SPACE = 1;
export const NEWLINE = 2;
export const HYPHEN = 3; // - ‐ ‑ ‒ – — ―  (a name may continue across one: "Jean-Marie")
export const APOS = 4; // ' ’ ‘ ` ´ ʼ  ("O’Brien"; "Putin’s" ends the name before the apostrophe)
export const PERIOD = 5; // allowed inside a name only after an initial ("J. K. Rowling", "U.S.")
export const WORD = 8;
export const LOWER = 8;
export const UPPER = 9;
export const DIGIT = 10;
export const OTHER = 11; // uncased letters, surrogates: part of a word, no case
export const IGNORABLE = 12; // soft hyphen, combining marks, zero-width joiners: inside a word, skipped when comparing
/** Bit set in IGNORABLE and in no other word class, so a scan can OR the classes of a word to learn if it has one. */
export const IGNORABLE_BIT = 4;

/** Class of each UTF-16 code unit. */
export const CHAR_CLASS = new Uint8Array(65536);
/** Folded code of each word character (lowercase, no diacritics); 0 = ignorable inside a word (combining mark, soft hyphen). */
export const FOLD = new Uint16Array(65536);

function setRange(from: number, to: number, cls: number): void {
  for (let c = from; c <= to; c++) CHAR_CLASS[c] = cls;
}

function buildTables(): void {
  // Default: anything we do not know is part of a word (scripts without case), folded to itself.
  for (let c = 0; c < 65536; c++) FOLD[c] = c;
  CHAR_CLASS.fill(OTHER);
  // ASCII
  setRange(0, 0x7f, PUNCT);
  for (let c = 0x30; c <= 0x39; c++) CHAR_CLASS[c] = DIGIT;
  for (let c = 0x41; c <= 0x5a; c++) {
    CHAR_CLASS[c] = UPPER;
    FOLD[c] = c + 32;
  }
  setRange(0x61, 0x7a, LOWER);
  for (const c of [0x20, 0x09, 0x0b, 0x0c]) CHAR_CLASS[c] = SPACE;
  CHAR_CLASS[0x0a] = NEWLINE;
  CHAR_CLASS[0x0d] = SPACE; // \r\n counts once, as the \n
  CHAR_CLASS[0x2d] = HYPHEN;
  CHAR_CLASS[0x27] = APOS;
  CHAR_CLASS[0x60] = APOS;
  CHAR_CLASS[0x2e] = PERIOD;
  // Latin-1 punctuation and symbols
  setRange(0x80, 0xbf, PUNCT);
  CHAR_CLASS[0xa0] = SPACE;
  CHAR_CLASS[0xb4] = APOS;
  CHAR_CLASS[0xad] = IGNORABLE; // soft hyphen: invisible, ignored inside words
  FOLD[0xad] = 0;
  CHAR_CLASS[0xd7] = PUNCT;
  CHAR_CLASS[0xf7] = PUNCT;
  // Letters with case: Latin-1 supplement and Latin extended, Greek, Cyrillic, Latin extended additional, Greek extended.
  for (const [from, classes, folds] of CASED_RANGES) {
    for (let i = 0; i < classes.length; i++) {
      const k = classes.charCodeAt(i);
      if (k === 0x30) continue; // '0': a symbol among the letters (× ÷), set above
      const c = from + i;
      CHAR_CLASS[c] = k === 0x55 ? UPPER : k === 0x6c ? LOWER : OTHER;
      FOLD[c] = folds.charCodeAt(i);
    }
  }
  // Letters NFD cannot strip.
  const extra: [string, string][] = [
    ['ßẞ', 's'],
    ['æÆ', 'a'],
    ['œŒ', 'o'],
    ['øØ', 'o'],
    ['đĐðÐ', 'd'],
    ['łŁ', 'l'],
    ['ħĦ', 'h'],
    ['ıİ', 'i'],
    ['þÞ', 't'],
  ];
  for (const [chars, to] of extra) for (const ch of chars) FOLD[ch.charCodeAt(0)] = to.charCodeAt(0);
  // Combining diacritical marks: part of the word, ignored when comparing.
  for (let c = 0x300; c <= 0x36f; c++) {
    CHAR_CLASS[c] = IGNORABLE;
    FOLD[c] = 0;
  }
  CHAR_CLASS[0x2bc] = APOS; // modifier letter apostrophe
  // General punctuation
  setRange(0x2000, 0x206f, PUNCT);
  setRange(0x2000, 0x200a, SPACE);
  CHAR_CLASS[0x202f] = SPACE;
  CHAR_CLASS[0x205f] = SPACE;
  CHAR_CLASS[0x2028] = NEWLINE;
  CHAR_CLASS[0x2029] = NEWLINE;
  setRange(0x2010, 0x2015, HYPHEN);
  CHAR_CLASS[0x2212] = HYPHEN; // minus sign
  CHAR_CLASS[0x2018] = APOS;
  CHAR_CLASS[0x2019] = APOS;
  CHAR_CLASS[0x201b] = APOS;
  CHAR_CLASS[0x2032] = APOS;
  for (const c of [0x200b, 0x200c, 0x200d, 0x2060]) {
    CHAR_CLASS[c] = IGNORABLE; // zero-width characters: invisible, ignored inside words
    FOLD[c] = 0;
  }
  // Symbols, arrows, boxes, CJK punctuation, full-width forms' punctuation
  setRange(0x2070, 0x2bff, PUNCT);
  CHAR_CLASS[0x2212] = HYPHEN;
  setRange(0x3000, 0x303f, PUNCT);
  CHAR_CLASS[0x3000] = SPACE;
  setRange(0xfe10, 0xfe6f, PUNCT);
  setRange(0xff00, 0xff0f, PUNCT);
  setRange(0xff1a, 0xff20, PUNCT);
  CHAR_CLASS[0xfeff] = SPACE; // byte-order mark
  for (let c = 0xff21; c <= 0xff3a; c++) {
    CHAR_CLASS[c] = UPPER; // full-width Latin
    FOLD[c] = c - 0xff21 + 0x61;
  }
  for (let c = 0xff41; c <= 0xff5a; c++) {
    CHAR_CLASS[c] = LOWER;
    FOLD[c] = c - 0xff41 + 0x61;
  }
  // Surrogates stay OTHER (astral characters are kept inside words, folded to themselves).
}

buildTables();

/** A word of an alias or a text, as the matcher sees it. */
export interface Token {
  /** folded form, e.g. "elysee" */
  norm: string;
  /** first character is a capital letter (or a digit) */
  capital: boolean;
  /** every cased character is a capital and there are at least two letters ("NATO", "EU") */
  allCaps: boolean;
  start: number;
  end: number;
}

/** Splits a string into folded word tokens (the same way the matcher reads text). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cls = CHAR_CLASS[text.charCodeAt(i)];
    if (cls < WORD) {
      i++;
      continue;
    }
    const start = i;
    let norm = '';
    let uppers = 0;
    let lowers = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = CHAR_CLASS[c];
      if (k < WORD) break;
      if (k === UPPER) uppers++;
      else if (k === LOWER) lowers++;
      const f = FOLD[c];
      if (f !== 0) norm += String.fromCharCode(f);
      i++;
    }
    const first = CHAR_CLASS[text.charCodeAt(start)];
    tokens.push({
      norm,
      capital: first === UPPER || first === DIGIT,
      allCaps: lowers === 0 && uppers >= 2,
      start,
      end: i,
    });
  }
  return tokens;
}

/** Folded, space-joined form of a phrase: "Élysée Palace" → "elysee palace", "Le Pen’s" → "le pen s". */
export function normalizePhrase(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}

/** FNV-1a step over one folded character; the matcher and the loader must hash tokens identically. */
export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(h: number, folded: number): number {
  return Math.imul(h ^ folded, 16777619);
}
export function hashToken(norm: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < norm.length; i++) h = hashStep(h, norm.charCodeAt(i));
  return h;
}

/**
 * A second hash of a word, over the same folded characters, kept to its top 30 bits (CHECK_MASK): a trie node is
 * its word's pair of hashes, so a text word matches an alias word only if both agree, 62 bits (a chance of about one
 * in 4.6 × 10^18 for two different words). The rotation before each multiply mixes high bits into low ones, so that
 * its bits do not follow FNV-1a's (whose low bits depend only on the low bits of the characters).
 */
export const CHECK_SEED = 0x6a09e667 | 0;
export const CHECK_MASK = ~3; // (the WebAssembly scan's records keep two flags in the low bits)
export function checkStep(c: number, folded: number): number {
  return Math.imul(((c << 5) | (c >>> 27)) ^ folded, 0x9e3779b1);
}
export function checkToken(norm: string): number {
  let c = CHECK_SEED;
  for (let i = 0; i < norm.length; i++) c = checkStep(c, norm.charCodeAt(i));
  return c & CHECK_MASK;
}

/** True when a and b differ by exactly one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return false; // equal
  if (la === lb) {
    // substitution at i, or a swap of i and i+1
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** a from index i equals b from index j (to their ends). */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}
