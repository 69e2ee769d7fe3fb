// Linking: decides which entity each spotted alias refers to, using the rest of the document.
// - A full name (or a catalog alias) anchors its entity; a later surname goes to the anchored entity.
// - An ambiguous alias with no anchor goes to the most prominent sense if it clearly dominates, else nowhere.
// - Aliases that are also common English words need more context (see COMMON_WORDS).
// - A one-word alias glued to another capitalised word is part of a longer name ("Jack London") and links nowhere.
// - A bare surname links without its full name only for the archive's most prominent people (see prominentFrom).

import type { Mention } from './types';
import type { Candidate, Matcher } from './matcher';
import { KIND_SURNAME, RULE_COMMON, rowWords } from './matcher';
import { CHAR_CLASS, LOWER, UPPER, WORD, normalizePhrase } from './normalize';
import { GIVEN_NAMES, NAME_TITLES } from './names';
import { JOIN_HYPHEN, JOIN_INITIAL, JOIN_NONE, JOIN_OPENER, JOIN_SPACE, TitleCaseLines, WordSet, foldWord, inDateContext, isMonth, joinAfter, joinBefore, sentenceInitial } from './context';

export { COMMON_SURNAMES, deriveSurnames } from './names';
export { sentenceInitial } from './context';

/**
 * English words that are also names. As a person's surname they link only after the full name appeared in the
 * document; any such alias is ignored at the start of a sentence unless its entity is already named ("Rally
 * organisers said"), and month names are ignored next to a date ("in May 2019").
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'may march april june august will can mark bill rally chase reading nice bath green brown white black grey gray ' +
    'young king major rice rose grant hunt cook price long little hill wood rich hope joy faith grace star sun north ' +
    'south west east new house church law love page park bell lane field bishop baker mason miller ward cross gay ' +
    'fair swift sharp wise strong hard best last first next more most less still well even just so then today ' +
    'summer winter spring autumn fall day night love story block bond bush banks barber bolt booth bowman coffey ' +
    'cole cash chance clay cotton crane dale dean english fox frost gates glass gold golden hall hay heart holly ' +
    'hood horn lamb lord marsh may moon nash noble oak penny pike pool power reed rock ross sands shore silver ' +
    'snow stone street tower vale waters west wolf woods worth chancellor general justice speaker president ' +
    'trade labour labor liberal conservative union unity reform republic democrat democrats independent national ' +
    'federal royal central united who what when where why how this that these those it he she we they you here ' +
    'there now all some any one two three'
  )
    .split(/\s+/)
    .filter(Boolean),
);

/** Below this share of prominence an ambiguous alias without context stays unlinked. */
export const PROMINENCE_SHARE = 0.7;
/** Mentions below this confidence are dropped. */
export const MIN_CONFIDENCE = 0.5;

/** Resolves candidates (in document order) to mentions. */
export function link(m: Matcher, text: string, candidates: Candidate[]): Mention[] {
  const n = candidates.length;
  if (n === 0) return [];
  const anchors = ANCHORS; // entity → mentions so far
  anchors.reset(m.entities.length);
  const s = SCRATCH.forCandidates(n); // (scratch space: the engine is single-threaded)
  const glue = s.glue;
  // First, which candidates are one word of a longer name ("Jack London"); such a word links nowhere, whatever
  // else the document says. A capitalised sentence opener before an alias ("Environment Canada", "Afterwards
  // Trump") counts only if the pair also occurs mid-sentence.
  const titleCase = new TitleCaseLines(text);
  let openers = 0;
  let spacedPairs = 0; // candidates glued to the word before by a space, listed in s.spaced
  // And a place after a given name ("Valeska Paris") is that person's surname throughout the document. (Not a
  // person's surname: "Fred Trump" says nothing about a later bare "Trump"; nor a party: "Virginia Democrats".)
  let surnames: Set<string> | null = null;
  const given = givenNames(m);
  for (let ci = 0; ci < n; ci++) {
    const g = partOfLongerName(m, text, candidates, ci, titleCase, given);
    glue[ci] = g;
    if (g === GLUED_IF_SEEN) {
      openers++;
      s.prevStart[ci] = PREV.start;
      s.prevEnd[ci] = PREV.end;
    } else if (g === GLUED && LAST_JOIN.before === JOIN_SPACE) {
      s.spaced[spacedPairs++] = ci;
      s.prevStart[ci] = PREV.start;
      s.prevEnd[ci] = PREV.end;
      const c = candidates[ci];
      if (given.hasWord(text, PREV.start, PREV.end) && onlyPlaces(m, c)) (surnames ??= new Set()).add(surfaceKey(text, c));
    }
  }
  // (the pairs' strings are made only for the few documents with an opener pair to look up)
  if (openers > 0) {
    const seenPairs = new Set<string>();
    for (let k = 0; k < spacedPairs; k++) seenPairs.add(pairKey(text, s, candidates, s.spaced[k]));
    for (let ci = 0; ci < n; ci++) {
      if (glue[ci] === GLUED_IF_SEEN) glue[ci] = seenPairs.has(pairKey(text, s, candidates, ci)) ? GLUED : SEPARATE;
    }
  }
  DOCUMENT.candidates = candidates;
  DOCUMENT.glue = glue;
  DOCUMENT.countries = null;
  DOCUMENT.unplaced = rowsThatNeedTheirCountry(m);
  // Then each candidate's entity (NONE: no mention), in s.entity and s.confidence.
  let pending = 0; // candidates to revisit after the whole document is read, listed in s.pending
  for (let ci = 0; ci < n; ci++) {
    const c = candidates[ci];
    if (glue[ci] === GLUED || (surnames !== null && surnames.has(surfaceKey(text, c))) || currencyCode(text, c)) {
      s.entity[ci] = NONE; // final: a later full name does not make "Jack London" a mention of London
      continue;
    }
    let e = resolve(m, text, c, anchors);
    if (e !== NONE && !inItsCountry(m, c, e)) e = NONE;
    s.entity[ci] = e;
    s.confidence[ci] = RESOLVED.confidence;
    if (e === NONE || RESOLVED.guess) s.pending[pending++] = ci;
    if (e !== NONE) anchors.add(e);
  }
  // Second look: an ambiguous surname whose sense is named later in the document ("Le Pen ... Jean-Marie Le Pen").
  for (let k = 0; k < pending; k++) {
    const ci = s.pending[k];
    const c = candidates[ci];
    if (isRestricted(m, c)) continue; // common words need the name *before* them
    let best = -1;
    let bestCount = 0;
    for (const row of c.rows) {
      const e = m.rowEntity[row];
      const count = anchors.get(e);
      if (count > bestCount) {
        best = e;
        bestCount = count;
      }
    }
    const prior = s.entity[ci];
    if (best >= 0 && (prior === NONE || anchors.get(prior) <= 1)) {
      s.entity[ci] = best;
      s.confidence[ci] = 0.85;
    }
  }
  let count = 0;
  for (let ci = 0; ci < n; ci++) if (s.entity[ci] !== NONE && s.confidence[ci] >= MIN_CONFIDENCE) count++;
  const mentions: Mention[] = new Array(count); // (made at its size: cheaper than growing it)
  count = 0;
  for (let ci = 0; ci < n; ci++) {
    const entity = s.entity[ci];
    if (entity === NONE || s.confidence[ci] < MIN_CONFIDENCE) continue;
    const c = candidates[ci];
    mentions[count++] = { start: c.start, end: c.end, surface: text.slice(c.start, c.end), entity, confidence: round(s.confidence[ci]) };
  }
  DOCUMENT.candidates = []; // (not kept past the document)
  DOCUMENT.countries = null;
  return mentions;
}

/** No entity: resolve() found none, or the candidate is part of a longer name. */
const NONE = -1;

/**
 * The rest of resolve()'s answer (its entity is the return value): the confidence, and whether the entity was
 * picked by prominence alone (a guess, which may be revised once the whole document is read).
 */
const RESOLVED = { confidence: 0, guess: false };

function resolved(entity: number, confidence: number, guess: boolean): number {
  RESOLVED.confidence = confidence;
  RESOLVED.guess = guess;
  return entity;
}

/** resolve() for the most common case, one alias row: the same steps without the bookkeeping of several senses. */
function resolveOne(m: Matcher, text: string, c: Candidate, row: number, anchors: Anchors): number {
  const entity = m.rowEntity[row];
  const restricted = (m.rowRule[row] & RULE_COMMON) !== 0;
  const surname = m.rowKind[row] === KIND_SURNAME;
  if (restricted && isMonth(rowWords(m, row)) && inDateContext(text, c.start, c.end)) return NONE;
  if (anchors.get(entity) > 0) return resolved(entity, 0.95, false);
  if (restricted && (surname || sentenceInitial(text, c.start))) return NONE;
  if (surname && m.prominence[entity] < prominentSurnameThreshold(m)) return NONE;
  return resolved(entity, surname ? 0.8 : restricted ? 0.7 : 0.9, false);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Every sense of the candidate is a single common word ("May", "Rally"). */
function isRestricted(m: Matcher, c: Candidate): boolean {
  for (const row of c.rows) if ((m.rowRule[row] & RULE_COMMON) === 0) return false;
  return true;
}

/** Every sense of the candidate is a derived surname. */
function onlySurnames(m: Matcher, c: Candidate): boolean {
  for (const row of c.rows) if (m.rowKind[row] !== KIND_SURNAME) return false;
  return true;
}

/** The candidate's entity, or NONE; the confidence and guess flag in RESOLVED. */
function resolve(m: Matcher, text: string, c: Candidate, anchors: Anchors): number {
  const rows = c.rows;
  if (c.fuzzy) return resolved(m.rowEntity[rows[0]], 0.8, false);
  if (rows.length === 1) return resolveOne(m, text, c, rows[0], anchors);
  return resolveSenses(m, text, c, anchors);
}

/** resolve() for a candidate with several alias rows: the entity among their senses. */
function resolveSenses(m: Matcher, text: string, c: Candidate, anchors: Anchors): number {
  const rows = c.rows;
  const restricted = isRestricted(m, c);
  if (restricted && isMonth(rowWords(m, rows[0])) && inDateContext(text, c.start, c.end)) return NONE;
  // 1. A sense already named in this document (the most mentioned one).
  let anchored = -1;
  let anchoredCount = 0;
  for (const row of rows) {
    const count = anchors.get(m.rowEntity[row]);
    if (count > anchoredCount) {
      anchored = m.rowEntity[row];
      anchoredCount = count;
    }
  }
  if (anchored >= 0) return resolved(anchored, 0.95, false);
  // 2. Common words need their entity named before them; and never at the start of a sentence.
  const allSurnames = onlySurnames(m, c);
  if (restricted) {
    if (allSurnames) return NONE;
    if (sentenceInitial(text, c.start)) return NONE;
  }
  // 3. Full names and catalog aliases beat derived surnames ("Jordan" the country over Michael Jordan's surname).
  const strong = !allSurnames; // (then the senses are those of the strong rows only)
  // A bare surname without its full name: only the most prominent people are known by it alone ("Merkel", not "Dan").
  if (!strong) {
    const threshold = prominentSurnameThreshold(m);
    let known = false;
    for (const row of rows) if (m.prominence[m.rowEntity[row]] >= threshold) known = true;
    if (!known) return NONE;
  }
  // The senses: the distinct entities of those rows, in row order (a candidate has a few rows: a list will do).
  if (SENSES.length < rows.length) SENSES = new Int32Array(rows.length * 2);
  const senses = SENSES;
  let count = 0;
  for (const row of rows) {
    if (strong && m.rowKind[row] === KIND_SURNAME) continue;
    const e = m.rowEntity[row];
    if (!listed(senses, count, e)) senses[count++] = e;
  }
  const base = strong ? (restricted ? 0.7 : 0.9) : 0.8;
  if (count === 1) return resolved(senses[0], base, false);
  // 4. Senses of different countries ("Georgia", the country or the US state): the one whose country the rest of
  // the document names most.
  const local = senseOfDocumentCountry(m, senses, count);
  if (local >= 0) return resolved(local, base, false);
  // 5. Several senses, no context: the most prominent one if it clearly dominates.
  let total = 0;
  let top = -1;
  for (let k = 0; k < count; k++) {
    const e = senses[k];
    const p = Math.max(0, m.prominence[e]);
    total += p;
    if (top < 0 || p > m.prominence[top]) top = e;
  }
  const share = total > 0 ? Math.max(0, m.prominence[top]) / total : 1 / count;
  if (share < PROMINENCE_SHARE) return NONE;
  return resolved(top, base * share, true);
}

/** resolve()'s scratch list of a candidate's senses */
let SENSES = new Int32Array(16);

/** The document being linked, for what is asked of all of it (the countries it names, counted when first asked). */
const DOCUMENT = {
  candidates: [] as Candidate[],
  glue: new Uint8Array(0) as Uint8Array,
  countries: null as Map<string, number> | null,
  unplaced: new Uint8Array(0) as Uint8Array,
};

/** The country of an entity: the catalog's hint, or a place's own name (a country's entity has no hint). */
function countryOf(m: Matcher, e: number): string | undefined {
  const entity = m.entities[e];
  return entity.country ?? (entity.type === 'place' ? entity.name : undefined);
}

/**
 * Is a mention of entity e through the candidate's rows where the document names e's country? Asked only when every
 * row of e the candidate has is one of rowsThatNeedTheirCountry ("House of Commons", "Democratic Party"): other
 * countries have a House of Commons and a Democratic Party too, so without its country the name may be another's.
 */
function inItsCountry(m: Matcher, c: Candidate, e: number): boolean {
  for (const row of c.rows) if (m.rowEntity[row] === e && !DOCUMENT.unplaced[row]) return true;
  const country = countryOf(m, e);
  return country === undefined || (documentCountries(m).get(country) ?? 0) > 0;
}

const unplacedRows = new WeakMap<Matcher, Uint8Array>();

/**
 * 1 for each alias row that names an entity of one country without saying which country, where other countries have
 * one of the same name. Wikipedia's title says so, with the country as a qualifier ("Democratic Party (United
 * States)", "Georgia (U.S. state)": then every row that names no country) or around the name ("House of Commons of the
 * United Kingdom", "United States Senate": then the rows spelt as the title without the country). A country's names
 * are its own entity's name and aliases.
 */
function rowsThatNeedTheirCountry(m: Matcher): Uint8Array {
  let flags = unplacedRows.get(m);
  if (flags) return flags;
  const rows = m.rowEntity.length;
  flags = new Uint8Array(rows);
  const countryNames = new Map<string, string[]>(); // folded, from the rows of each country's own entity
  for (let row = 0; row < rows; row++) {
    const entity = m.entities[m.rowEntity[row]];
    if (entity.type !== 'place' || countryOf(m, m.rowEntity[row]) !== entity.name) continue;
    countryNames.set(entity.name, [...(countryNames.get(entity.name) ?? []), rowWords(m, row)]);
  }
  const holds = (words: string, name: string) => ` ${words} `.includes(` ${name} `);
  for (let row = 0; row < rows; row++) {
    const entity = m.entities[m.rowEntity[row]];
    const country = entity.country;
    // (not people: "Salman of Saudi Arabia" is no title other countries share)
    if (!country || entity.name === country || !entity.wikipedia || entity.type === 'person') continue;
    const names = countryNames.get(country) ?? [normalizePhrase(country)];
    const words = rowWords(m, row);
    const qualified = /^(.*) \(([^)]*)\)$/.exec(entity.wikipedia);
    if (qualified) {
      const qualifier = normalizePhrase(qualified[2]);
      if (names.some((name) => holds(qualifier, name)) && !names.some((name) => holds(words, name))) flags[row] = 1;
      continue;
    }
    const title = normalizePhrase(entity.wikipedia);
    for (const name of names) {
      if (!holds(title, name)) continue;
      const bare = ` ${title} `.replace(` ${name} `, ' ').replace(/ of the $| of $/, ' ').trim();
      if (bare === words) flags[row] = 1;
    }
  }
  unplacedRows.set(m, flags);
  return flags;
}

/**
 * The countries the document names: for each, the unambiguous mentions of its entities (candidates of a single
 * entity, not common words, not part of a longer name, not through a row that needs its country, which says nothing
 * of where the document is), counted when first asked.
 */
function documentCountries(m: Matcher): Map<string, number> {
  let countries = DOCUMENT.countries;
  if (!countries) {
    countries = DOCUMENT.countries = new Map();
    const { candidates, glue, unplaced } = DOCUMENT;
    for (let ci = 0; ci < candidates.length; ci++) {
      const c = candidates[ci];
      if (glue[ci] === GLUED || isRestricted(m, c)) continue;
      const e = m.rowEntity[c.rows[0]];
      if (!c.rows.every((row) => m.rowEntity[row] === e && !unplaced[row])) continue;
      const country = countryOf(m, e);
      if (country) countries.set(country, (countries.get(country) ?? 0) + 1);
    }
  }
  return countries;
}

/** Of `count` senses, the one whose country the document names most (documentCountries), if one does; else -1. */
function senseOfDocumentCountry(m: Matcher, senses: Int32Array, count: number): number {
  const countries = documentCountries(m);
  let best = -1;
  let bestCount = 0;
  let tied = false;
  for (let k = 0; k < count; k++) {
    const country = countryOf(m, senses[k]);
    const n = country ? (countries.get(country) ?? 0) : 0;
    if (n > bestCount) {
      best = senses[k];
      bestCount = n;
      tied = false;
    } else if (n === bestCount && n > 0) tied = true; // (two senses of the top country: it tells nothing)
  }
  return tied ? -1 : best;
}

/** Is `e` among the first `count` entries of `list`? */
function listed(list: Int32Array, count: number, e: number): boolean {
  for (let k = 0; k < count; k++) if (list[k] === e) return true;
  return false;
}

/** The linker's per-candidate scratch arrays, reused from document to document. */
class Scratch {
  /** partOfLongerName's answer */
  glue = new Uint8Array(0);
  /** the word before a glued candidate, where a pair key may be made of it */
  prevStart = new Int32Array(0);
  prevEnd = new Int32Array(0);
  /** candidates glued to the word before by a space */
  spaced = new Int32Array(0);
  /** resolved entity (or NONE) and confidence */
  entity = new Int32Array(0);
  confidence = new Float64Array(0);
  /** candidates for the second look */
  pending = new Int32Array(0);

  forCandidates(n: number): this {
    if (this.glue.length < n) {
      const size = Math.max(256, n * 2);
      this.glue = new Uint8Array(size);
      this.prevStart = new Int32Array(size);
      this.prevEnd = new Int32Array(size);
      this.spaced = new Int32Array(size);
      this.entity = new Int32Array(size);
      this.confidence = new Float64Array(size);
      this.pending = new Int32Array(size);
    }
    return this;
  }
}

const SCRATCH = new Scratch();

/**
 * Share of people, by prominence, whose bare surname links without their full name in the document. Prominence is
 * the number of archive articles naming someone (plus a constant for catalog entries), so its distribution is very
 * skewed: in the default archive most people are named in no article at all, and the top 5% are the heads of
 * government and candidates the news is about (Trump, Putin, Macron, Merkel …). Ties at the cut are all included.
 */
export const PROMINENT_SURNAME_SHARE = 0.05;

const thresholds = new WeakMap<Matcher, number>();

/** Smallest prominence that lets a bare surname link alone: the top PROMINENT_SURNAME_SHARE of people, above the median. */
export function prominentSurnameThreshold(m: Matcher): number {
  let t = thresholds.get(m);
  if (t === undefined) {
    const people: number[] = [];
    m.entities.forEach((e, i) => {
      if (e.type === 'person') people.push(m.prominence[i]);
    });
    t = prominentFrom(people);
    thresholds.set(m, t);
  }
  return t;
}

/**
 * The threshold for a list of prominences: the value at the top PROMINENT_SURNAME_SHARE, and in any case above the
 * median, so that a flat distribution (no information, e.g. the compiler's first pass) lets no bare surname link.
 */
export function prominentFrom(prominence: number[]): number {
  if (prominence.length === 0) return Infinity;
  const sorted = prominence.slice().sort((a, b) => a - b);
  const top = sorted[Math.floor((1 - PROMINENT_SURNAME_SHARE) * (sorted.length - 1))];
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (top > median) return top;
  const above = sorted.find((p) => p > median);
  return above ?? Infinity;
}

/**
 * Is the candidate one word of a longer proper name: a one-word alias or a bare surname right next to another
 * capitalised word ("Washington State University", "Dan Savage", "Jack London", "Hamza bin Laden", "Cyrus R. Vance")?
 * Not when the neighbour is a title, a function word or an acronym ("President Macron", "In Paris", "EU Brexit"), is
 * itself a known name joined by a hyphen or a known entity's full name ("Macron-Merkel", "Russia Ukraine"), or when
 * the whole line is in Title Case (a headline, where every word is capitalised).
 */
function partOfLongerName(m: Matcher, text: string, candidates: Candidate[], ci: number, titleCase: TitleCaseLines, given: WordSet): number {
  const c = candidates[ci];
  if (c.fuzzy || !subjectToNeighbours(m, text, c)) return SEPARATE;
  let glued = SEPARATE;
  let after = joinAfter(text, c.end, NEXT, given);
  // "Brexit-Abkommen": topics and events are not parts of double-barrelled names
  if (after === JOIN_HYPHEN && onlyTopics(m, c)) after = JOIN_NONE;
  if (after !== JOIN_NONE) {
    const next = candidates[ci + 1];
    if (!(next && next.start === NEXT.start && knownNeighbour(m, next, after))) glued = GLUED;
  }
  LAST_JOIN.before = JOIN_NONE;
  if (glued === SEPARATE) {
    const before = joinBefore(text, c.start, PREV, given);
    LAST_JOIN.before = before;
    if (before === JOIN_INITIAL) glued = GLUED;
    else if (before !== JOIN_NONE) {
      const prev = candidates[ci - 1];
      if (!(prev && prev.end === PREV.end && knownNeighbour(m, prev, before))) glued = before === JOIN_OPENER ? GLUED_IF_SEEN : GLUED;
    }
  }
  return glued !== SEPARATE && titleCase.at(c.start) ? SEPARATE : glued;
}

/** partOfLongerName's answers */
const SEPARATE = 0;
const GLUED = 1;
/** After a sentence's first word: glued only if the same word stands before the same alias mid-sentence too. */
const GLUED_IF_SEEN = 2;

function onlyPlaces(m: Matcher, c: Candidate): boolean {
  for (const row of c.rows) if (m.entities[m.rowEntity[row]].type !== 'place') return false;
  return true;
}

/** Every sense of the candidate is a topic or an event. */
function onlyTopics(m: Matcher, c: Candidate): boolean {
  for (const row of c.rows) if (!isTopic(m.entities[m.rowEntity[row]].type)) return false;
  return true;
}

function surfaceKey(text: string, c: Candidate): string {
  return foldWord(text, c.start, c.end);
}

/** "US$ 10 billion", "HK $5": a currency, not the country. */
function currencyCode(text: string, c: Candidate): boolean {
  let i = c.end;
  if (i < text.length && text.charCodeAt(i) === 0x20) i++;
  return i < text.length && text.charCodeAt(i) === 0x24 && CHAR_CLASS[text.charCodeAt(c.start + 1)] === UPPER;
}

/**
 * "environment canada": the folded word before a candidate (as partOfLongerName left it in the scratch arrays) and
 * the candidate's surface, to compare occurrences.
 */
function pairKey(text: string, s: Scratch, candidates: Candidate[], ci: number): string {
  const c = candidates[ci];
  return foldWord(text, s.prevStart[ci], s.prevEnd[ci]) + ' ' + foldWord(text, c.start, c.end);
}

function isTopic(type: string): boolean {
  return type === 'topic' || type === 'event';
}

const givenNameSets = new WeakMap<Matcher, WordSet>();

/** Common given names plus the first names of the archive's people ("Emmanuel", "Vladimir"). */
function givenNames(m: Matcher): WordSet {
  let set = givenNameSets.get(m);
  if (!set) {
    const names = new Set(GIVEN_NAMES);
    for (const e of m.entities) {
      if (e.type !== 'person') continue;
      const words = e.name.split(/\s+/);
      if (words.length < 2) continue;
      const first = foldWord(words[0], 0, words[0].length); // (a hyphenated "jean-marie" never equals a text word)
      if (!NAME_TITLES.has(first) && first.length > 1) names.add(first);
    }
    givenNameSets.set(m, (set = new WordSet(names)));
  }
  return set;
}

/**
 * Mentions so far of each entity in the document being linked. Typed arrays indexed by entity, reused from document
 * to document (a Map per document was the linker's largest single cost): an entry counts only if it carries the
 * current document's stamp, so nothing is cleared between documents.
 */
class Anchors {
  private count = new Int32Array(0);
  private stamp = new Int32Array(0);
  private current = 0;

  /** Starts a document, with entities numbered below `entities`. */
  reset(entities: number): void {
    if (this.count.length < entities) {
      this.count = new Int32Array(entities);
      this.stamp = new Int32Array(entities);
    }
    if (++this.current === 0x7fffffff) {
      this.stamp.fill(0);
      this.current = 1;
    }
  }

  get(entity: number): number {
    return this.stamp[entity] === this.current ? this.count[entity] : 0;
  }

  add(entity: number): void {
    if (this.stamp[entity] === this.current) this.count[entity]++;
    else {
      this.stamp[entity] = this.current;
      this.count[entity] = 1;
    }
  }
}

const ANCHORS = new Anchors();
const NEXT = { start: 0 };
const PREV = { start: 0, end: 0 };
/** how partOfLongerName's last answer was joined before (JOIN_NONE if it was decided by the word after) */
const LAST_JOIN = { before: 0 };

/** A neighbouring alias is a name of its own: any alias across a hyphen, a full name or catalog alias across a space. */
function knownNeighbour(m: Matcher, neighbour: Candidate, join: number): boolean {
  if (join === JOIN_HYPHEN) return true;
  return !onlySurnames(m, neighbour);
}

/** One-word aliases and bare surnames ("Le Pen"), but not acronyms ("NATO", "EU"): they stand alone next to names. */
function subjectToNeighbours(m: Matcher, text: string, c: Candidate): boolean {
  if (m.rowWordCount[c.rows[0]] !== 1 && !onlySurnames(m, c)) return false; // (first: it needs no look at the text)
  // an acronym: two or more capitals and no lowercase letter
  let uppers = 0;
  for (let i = c.start; i < c.end; i++) {
    const k = CHAR_CLASS[text.charCodeAt(i)];
    if (k === LOWER) return true;
    if (k === UPPER) uppers++;
  }
  return uppers < 2;
}
