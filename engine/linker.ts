// Linking: decides which entity each spotted alias refers to, using the rest of the document.
// - A full name (or a catalog alias) anchors its entity; a later surname goes to the anchored entity.
// - An ambiguous alias with no anchor goes to the most prominent sense if it clearly dominates, else nowhere.
// - Aliases that are also common English words need more context (see COMMON_WORDS).

import type { Mention } from './types';
import type { Candidate, Matcher } from './matcher';
import { KIND_SURNAME, RULE_COMMON, rowWords } from './matcher';
import { APOS, CHAR_CLASS, DIGIT, FOLD, NEWLINE, SPACE, WORD, normalizePhrase } from './normalize';

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

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const DATE_WORDS = new Set(['in', 'since', 'until', 'till', 'by', 'from', 'to', 'during', 'early', 'late', 'mid', 'last', 'next', 'this', 'of', 'on', 'before', 'after', 'through', 'throughout', 'end', 'since']);

const PARTICLES = new Set(['le', 'la', 'de', 'du', 'des', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ben', 'mac', 'st', 'ter', 'zu']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v']);

/**
 * Short forms of a person's name: the name minus the first given name and any initials ("Jean-Marie Le Pen" → "Le Pen",
 * "George W. Bush" → "Bush"), starting at a particle if there is one ("Charles de Gaulle" → "de Gaulle"); also the last
 * word when there is no particle ("Ursula von der Leyen" keeps only "von der Leyen").
 */
export function deriveSurnames(name: string): string[] {
  let words = name.trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(normalizePhrase(words[words.length - 1]))) words = words.slice(0, -1);
  if (words.length < 2) return [];
  let rest = words.slice(1);
  const particle = rest.findIndex((w) => PARTICLES.has(normalizePhrase(w)));
  const out: string[] = [];
  if (particle >= 0 && particle < rest.length - 1) {
    out.push(rest.slice(particle).join(' '));
  } else {
    while (rest.length > 1 && normalizePhrase(rest[0]).length <= 1) rest = rest.slice(1); // initials
    out.push(rest.join(' '));
    const last = rest[rest.length - 1];
    if (rest.length > 1 && normalizePhrase(last).length >= 3) out.push(last);
  }
  return out.filter((s) => normalizePhrase(s).length >= 2);
}

/** Below this share of prominence an ambiguous alias without context stays unlinked. */
export const PROMINENCE_SHARE = 0.7;
/** Mentions below this confidence are dropped. */
export const MIN_CONFIDENCE = 0.5;

interface Resolution {
  entity: number;
  confidence: number;
  /** linked by prominence alone; may be revised once the whole document is read */
  guess: boolean;
}

/** Resolves candidates (in document order) to mentions. */
export function link(m: Matcher, text: string, candidates: Candidate[]): Mention[] {
  const anchors = new Map<number, number>(); // entity → mentions so far
  const results: (Resolution | null)[] = [];
  const pending: number[] = []; // candidates to revisit after the whole document is read
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci];
    const r = resolve(m, text, c, anchors);
    results.push(r);
    if (r === null || r.guess) pending.push(ci);
    if (r) anchors.set(r.entity, (anchors.get(r.entity) ?? 0) + 1);
  }
  // Second look: an ambiguous surname whose sense is named later in the document ("Le Pen ... Jean-Marie Le Pen").
  for (const ci of pending) {
    const c = candidates[ci];
    if (isRestricted(m, c)) continue; // common words need the name *before* them
    let best = -1;
    let bestCount = 0;
    for (const row of c.rows) {
      const e = m.rowEntity[row];
      const count = anchors.get(e) ?? 0;
      if (count > bestCount) {
        best = e;
        bestCount = count;
      }
    }
    const prior = results[ci];
    if (best >= 0 && (prior === null || (anchors.get(prior.entity) ?? 0) <= 1)) {
      results[ci] = { entity: best, confidence: 0.85, guess: false };
    }
  }
  const mentions: Mention[] = [];
  candidates.forEach((c, ci) => {
    const r = results[ci];
    if (!r || r.confidence < MIN_CONFIDENCE) return;
    mentions.push({ start: c.start, end: c.end, surface: text.slice(c.start, c.end), entity: r.entity, confidence: round(r.confidence) });
  });
  return mentions;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Every sense of the candidate is a single common word ("May", "Rally"). */
function isRestricted(m: Matcher, c: Candidate): boolean {
  return c.rows.every((row) => (m.rowRule[row] & RULE_COMMON) !== 0);
}

function resolve(m: Matcher, text: string, c: Candidate, anchors: Map<number, number>): Resolution | null {
  const rows = c.rows;
  if (c.fuzzy) return { entity: m.rowEntity[rows[0]], confidence: 0.8, guess: false };
  const restricted = isRestricted(m, c);
  if (restricted && MONTHS.has(rowWords(m, rows[0])) && inDateContext(text, c.start, c.end)) return null;
  // 1. A sense already named in this document (the most mentioned one).
  let anchored = -1;
  let anchoredCount = 0;
  for (const row of rows) {
    const count = anchors.get(m.rowEntity[row]) ?? 0;
    if (count > anchoredCount) {
      anchored = m.rowEntity[row];
      anchoredCount = count;
    }
  }
  if (anchored >= 0) return { entity: anchored, confidence: 0.95, guess: false };
  // 2. Common words need their entity named before them; and never at the start of a sentence.
  if (restricted) {
    if (rows.every((row) => m.rowKind[row] === KIND_SURNAME)) return null;
    if (sentenceInitial(text, c.start)) return null;
  }
  // 3. Full names and catalog aliases beat derived surnames ("Jordan" the country over Michael Jordan's surname).
  const strong = rows.filter((row) => m.rowKind[row] !== KIND_SURNAME);
  const pool = strong.length ? strong : rows;
  const senses = [...new Set(pool.map((row) => m.rowEntity[row]))];
  const base = strong.length ? (restricted ? 0.7 : 0.9) : 0.8;
  if (senses.length === 1) return { entity: senses[0], confidence: base, guess: false };
  // 4. Several senses, no context: the most prominent one if it clearly dominates.
  let total = 0;
  let top = -1;
  for (const e of senses) {
    const p = Math.max(0, m.prominence[e]);
    total += p;
    if (top < 0 || p > m.prominence[top]) top = e;
  }
  const share = total > 0 ? Math.max(0, m.prominence[top]) / total : 1 / senses.length;
  if (share < PROMINENCE_SHARE) return null;
  return { entity: top, confidence: base * share, guess: true };
}

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
function inDateContext(text: string, start: number, end: number): boolean {
  const before = wordBefore(text, start);
  const after = wordAfter(text, end);
  if (before !== null && (isNumber(before) || DATE_WORDS.has(before))) return true;
  return after !== null && isNumber(after);
}

function isNumber(word: string): boolean {
  const k = CHAR_CLASS[word.charCodeAt(0)];
  return k === DIGIT;
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

function foldWord(text: string, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f) s += String.fromCharCode(f);
  }
  return s;
}
