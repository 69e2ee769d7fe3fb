// What the words around a spotted alias say about it: is it the start of a sentence, a month in a date, or one
// piece of a longer proper name ("Jack London", "Washington State University")? Reads the text in place: no
// regex, and strings only for the few capitalised neighbours it has to look up.

import { NAME_TITLES } from './names';
import { APOS, CHAR_CLASS, DIGIT, FOLD, HYPHEN, LOWER, NEWLINE, PERIOD, SPACE, UPPER, WORD } from './normalize';

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const DATE_WORDS = new Set(['in', 'since', 'until', 'till', 'by', 'from', 'to', 'during', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'on', 'before', 'after', 'through', 'throughout', 'end']);

export function isMonth(word: string): boolean {
  return MONTHS.has(word);
}

/**
 * A set of folded words that a word of the text is looked up in where it stands: hasWord(text, start, end) is
 * has(foldWord(text, start, end)) without making the string (the linker asks about the words around every alias).
 */
export class WordSet {
  private readonly words: string[];
  /** open addressing: index + 1 into `words` (0: empty), and each slot's word hash */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    let size = 16;
    while (size < this.words.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.words.forEach((word, i) => {
      let h = WORD_HASH_SEED;
      for (let j = 0; j < word.length; j++) h = Math.imul(h ^ word.charCodeAt(j), 16777619);
      let slot = h & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
      this.hashes[slot] = h;
    });
  }

  hasWord(text: string, start: number, end: number): boolean {
    let h = WORD_HASH_SEED;
    for (let i = start; i < end; i++) {
      const f = FOLD[text.charCodeAt(i)];
      if (f !== 0) h = Math.imul(h ^ f, 16777619);
    }
    for (let slot = h & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.hashes[slot] === h && sameFolded(this.words[this.slots[slot] - 1], text, start, end)) return true;
    }
    return false;
  }
}

const WORD_HASH_SEED = 0x811c9dc5 | 0;

/** Is `word` the folded text[start, end)? */
function sameFolded(word: string, text: string, start: number, end: number): boolean {
  let j = 0;
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f === 0) continue;
    if (j >= word.length || word.charCodeAt(j) !== f) return false;
    j++;
  }
  return j === word.length;
}

/**
 * Capitalised words that may stand right before or after a name without being part of it: titles and roles
 * ("President Macron", "Ukraine President"), words that start sentences ("In Paris", "Yesterday Putin"), days and
 * months ("in Berlin Monday"), party labels ("Republican Vance").
 */
const NAME_NEIGHBOURS = new WordSet([
  ...NAME_TITLES,
  ...MONTHS,
  ...(
    // roles
    'chancellor minister premier secretary senator sen governor gov mayor ambassador envoy commissioner chairman ' +
    'chairwoman chair ceo chief leader speaker spokesman spokeswoman spokesperson deputy vice rep representative ' +
    'congressman congresswoman councillor councilman judge justice attorney prosecutor admiral colonel col captain ' +
    'capt lieutenant lt sergeant sgt major commander officer agent professor prof doctor coach manager director ' +
    'candidate nominee challenger incumbent rival opponent ally allies critic critics comrade citizen ' +
    'premier minister ministers pm mp mep mps sheriff marshal officials official authorities government administration ' +
    // parties and sides
    'republican republicans democrat democrats democratic conservative conservatives labour liberal liberals tory ' +
    'tories socialist socialists communist green greens centrist nationalist nationalists ' +
    // days
    'monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow ' +
    // function words and sentence openers
    'a an the and or but nor so yet for of in on at to by with from into onto over under after before since until ' +
    'during about against between among through via per as than like unlike despite without within across toward ' +
    'towards upon while when whenever where wherever why how what which who whom whose that this these those ' +
    'there here then now thus also meanwhile however still even only just both either neither each every all some ' +
    'many most more much few other another such no not never ever if unless although though because whether ' +
    'i you he she it we they me him her us them my your his its our their mine yours hers ours theirs ' +
    'is are was were be been being has have had do does did will would shall should can could may might must ' +
    'says said asked told according ' +
    'first second third last next former ex current later earlier again instead indeed perhaps maybe ' +
    // nationality adjectives ("French President Macron", "pro-European Macron")
    'european french german russian british american ukrainian chinese italian spanish israeli palestinian ' +
    'iranian turkish polish hungarian dutch belgian swiss austrian greek indian japanese korean canadian ' +
    'australian mexican brazilian african arab syrian iraqi afghan pakistani saudi egyptian english scottish ' +
    'welsh irish danish swedish norwegian finnish czech romanian serbian portuguese argentine venezuelan ' +
    'cuban lebanese jordanian qatari emirati kurdish taiwanese vietnamese thai filipino indonesian nigerian'
    // (not "New", "East", "Southern": "New Mexico", "East London" and "Southern Finland" are other places)
  ).split(/\s+/),
]);

/** Is the word at `start` the first of a sentence (or of a paragraph, heading or quotation)? */
export function sentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    const k = CHAR_CLASS[c];
    if (k === SPACE || k === APOS) {
      i--;
      continue;
    }
    if (k === NEWLINE) return true;
    // opening quotes and brackets: “ " ( [ ‘
    if (c === 0x201c || c === 0x22 || c === 0x28 || c === 0x5b || c === 0xab || c === 0x201e) {
      i--;
      continue;
    }
    return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x2026 || c === 0x2022;
  }
  return true;
}

/** A month name next to a number or after "in", "since", … ("in May 2019", "5 May", "since May"). */
export function inDateContext(text: string, start: number, end: number): boolean {
  const before = wordBefore(text, start);
  const after = wordAfter(text, end);
  if (before !== null && (isNumber(before) || DATE_WORDS.has(before))) return true;
  return after !== null && isNumber(after);
}

function isNumber(word: string): boolean {
  return CHAR_CLASS[word.charCodeAt(0)] === DIGIT;
}

/** The folded word just before `pos`, across spaces and commas only; null if none. */
function wordBefore(text: string, pos: number): string | null {
  let i = pos - 1;
  while (i >= 0 && (CHAR_CLASS[text.charCodeAt(i)] === SPACE || text.charCodeAt(i) === 0x2c)) i--;
  if (i < 0 || CHAR_CLASS[text.charCodeAt(i)] < WORD) return null;
  const end = i + 1;
  while (i >= 0 && CHAR_CLASS[text.charCodeAt(i)] >= WORD) i--;
  return foldWord(text, i + 1, end);
}

function wordAfter(text: string, pos: number): string | null {
  let i = pos;
  const n = text.length;
  while (i < n && (CHAR_CLASS[text.charCodeAt(i)] === SPACE || text.charCodeAt(i) === 0x2c)) i++;
  if (i >= n || CHAR_CLASS[text.charCodeAt(i)] < WORD) return null;
  const start = i;
  while (i < n && CHAR_CLASS[text.charCodeAt(i)] >= WORD) i++;
  return foldWord(text, start, i);
}

export function foldWord(text: string, start: number, end: number): string {
  // Most words fold to themselves but for a capital first letter: then one slice, not a string per letter.
  let i = start + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (FOLD[c] !== c || c === 0) break;
    i++;
  }
  if (i >= end && start < end) {
    const c = text.charCodeAt(start);
    const f = FOLD[c];
    if (f === 0) return text.slice(start + 1, end);
    return f === c ? text.slice(start, end) : String.fromCharCode(f) + text.slice(start + 1, end);
  }
  let s = '';
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f) s += String.fromCharCode(f);
  }
  return s;
}

/** How a neighbouring word is joined to an alias. */
export const JOIN_NONE = 0; // punctuation, a line break, a possessive, a lowercase word, a title, …
export const JOIN_SPACE = 1; // "Jack London", "Washington State"
export const JOIN_HYPHEN = 2; // "Maréchal-Le Pen", "Macron-Merkel"
export const JOIN_INITIAL = 3; // "Cyrus R. Vance"
/** A capitalised first word of a sentence that is not a given name: "Environment Canada", but also "Afterwards Trump". */
export const JOIN_OPENER = 4;

/** Is the word text[start, end) a capitalised word that could be part of a name (not an acronym, title or function word)? */
function namelike(text: string, start: number, end: number): boolean {
  if (CHAR_CLASS[text.charCodeAt(start)] !== UPPER) return false;
  let lowers = 0;
  for (let i = start + 1; i < end; i++) if (CHAR_CLASS[text.charCodeAt(i)] === LOWER) lowers++;
  if (lowers === 0 && end - start > 1) return false; // "NATO", "EU" are acronyms, not names
  return !NAME_NEIGHBOURS.hasWord(text, start, end); // ("A", "I" are words; other single capitals, initials)
}

/** How the word after text[.., end) joins it, if it is a capitalised name-like word; its start in `next.start`. */
export function joinAfter(text: string, end: number, next: { start: number }, given: WordSet): number {
  const n = text.length;
  let i = end;
  if (i < n && CHAR_CLASS[text.charCodeAt(i)] === HYPHEN) {
    i++;
    if (i >= n || CHAR_CLASS[text.charCodeAt(i)] !== UPPER) return JOIN_NONE;
    next.start = i;
    return namelike(text, i, wordEnd(text, i)) ? JOIN_HYPHEN : JOIN_NONE;
  }
  while (i < n && CHAR_CLASS[text.charCodeAt(i)] === SPACE) i++;
  if (i === end || i >= n || CHAR_CLASS[text.charCodeAt(i)] !== UPPER) return JOIN_NONE;
  const e = wordEnd(text, i);
  if (e - i === 1) return JOIN_NONE; // "Putin I think": one capital after a name is not an initial of it
  next.start = i;
  if (!namelike(text, i, e)) return JOIN_NONE;
  // "envoy to Ukraine Kurt Volker": a given name followed by another capitalised word starts a name of its own
  if (given.hasWord(text, i, e)) {
    let j = e;
    while (j < n && CHAR_CLASS[text.charCodeAt(j)] === SPACE) j++;
    if (j > e && j < n && CHAR_CLASS[text.charCodeAt(j)] === UPPER) return JOIN_NONE;
  }
  return JOIN_SPACE;
}

/** How the word before text[start, ..) joins it, if it is a capitalised name-like word; its range in `prev`. */
export function joinBefore(text: string, start: number, prev: { start: number; end: number }, given: WordSet): number {
  let i = start - 1;
  if (i >= 0 && CHAR_CLASS[text.charCodeAt(i)] === HYPHEN) {
    if (i === 0 || CHAR_CLASS[text.charCodeAt(i - 1)] < WORD) return JOIN_NONE;
    prev.end = i;
    return namelike(text, wordStart(text, i), i) ? JOIN_HYPHEN : JOIN_NONE;
  }
  while (i >= 0 && CHAR_CLASS[text.charCodeAt(i)] === SPACE) i--;
  if (i === start - 1 || i < 0) return JOIN_NONE;
  const k = CHAR_CLASS[text.charCodeAt(i)];
  if (k === PERIOD) {
    // "R. Vance": an initial (one capital, after a space or a line start) belongs to the same name
    if (i >= 1 && CHAR_CLASS[text.charCodeAt(i - 1)] === UPPER && (i === 1 || CHAR_CLASS[text.charCodeAt(i - 2)] < WORD)) {
      prev.end = i;
      return JOIN_INITIAL;
    }
    return JOIN_NONE;
  }
  if (k < WORD) return JOIN_NONE;
  prev.end = i + 1;
  let s = wordStart(text, i + 1);
  if (!namelike(text, s, i + 1)) return JOIN_NONE;
  // the end of a hyphenated compound: a name only if the compound starts with a capital ("Maréchal-Le", not "pro-European")
  const wordFrom = s;
  while (s >= 2 && CHAR_CLASS[text.charCodeAt(s - 1)] === HYPHEN && CHAR_CLASS[text.charCodeAt(s - 2)] >= WORD) s = wordStart(text, s - 1);
  if (CHAR_CLASS[text.charCodeAt(s)] !== UPPER) return JOIN_NONE;
  // a sentence's first word is capitalised anyway: it joins the name only if it is a given name ("Jack London")
  prev.start = s;
  if (s === wordFrom && sentenceInitial(text, s) && !given.hasWord(text, s, i + 1)) return JOIN_OPENER;
  return JOIN_SPACE;
}

function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && CHAR_CLASS[text.charCodeAt(i)] >= WORD) i++;
  return i;
}

function wordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && CHAR_CLASS[text.charCodeAt(i - 1)] >= WORD) i--;
  return i;
}

/** Words that stay lowercase in a title-case headline ("Ties Between NATO and Russia"). */
const SMALL_WORDS = new WordSet(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'via', 'per', 'into', 'over', 'up', 'off', 'out', 'than', 'is', 'be']);

/** Lines longer than this are prose, not headlines. */
const MAX_HEADLINE = 300;

/**
 * Remembers whether the line around a position is written in Title Case ("Le Pen Proposes Closer Ties Between NATO
 * And Russia"), where every word is capitalised and a capital says nothing about names. One line at a time: the
 * linker asks in document order.
 */
export class TitleCaseLines {
  private lineStart = 0;
  private lineEnd = -1;
  private value = false;

  constructor(private readonly text: string) {}

  at(pos: number): boolean {
    if (pos >= this.lineStart && pos < this.lineEnd) return this.value;
    // The line around `pos`. Often it is the line right after the one asked about before (the linker asks in
    // document order): then one forward search finds its end, and its start is known. (Searching backward for the
    // start first would cost more: lastIndexOf is a slow search, indexOf a fast native one.)
    const text = this.text;
    let s = pos > this.lineEnd ? this.lineEnd + 1 : 0;
    let e = text.indexOf('\n', s);
    if (e >= 0 && e < pos) {
      s = text.lastIndexOf('\n', pos - 1) + 1;
      e = text.indexOf('\n', pos);
    }
    if (e < 0) e = text.length;
    this.lineStart = s;
    this.lineEnd = e;
    this.value = e - s <= MAX_HEADLINE && titleCase(text, s, e);
    return this.value;
  }
}

/** At least three words that count, and all of them capitalised but one in ten (small words may stay lowercase). */
function titleCase(text: string, from: number, to: number): boolean {
  let counted = 0;
  let capitalised = 0;
  let i = from;
  while (i < to && CHAR_CLASS[text.charCodeAt(i)] < WORD) i++;
  const first = i;
  while (i < to) {
    const k = CHAR_CLASS[text.charCodeAt(i)];
    if (k < WORD) {
      i++;
      continue;
    }
    const start = i;
    i = Math.min(wordEnd(text, i), to);
    if (start === first) {
      // the first word is capitalised in any case
    } else if (k === UPPER) {
      counted++;
      capitalised++;
    } else if (k === LOWER && !(i - start <= 4 && SMALL_WORDS.hasWord(text, start, i))) {
      counted++;
    }
    // a hyphenated compound ("Far-right") counts once: skip the rest of it
    while (i < to && CHAR_CLASS[text.charCodeAt(i)] === HYPHEN && i + 1 < to && CHAR_CLASS[text.charCodeAt(i + 1)] >= WORD) {
      i = Math.min(wordEnd(text, i + 1), to);
    }
  }
  return counted >= 3 && capitalised >= counted - Math.floor(counted / 10);
}
