// Sentence splitting for background snippets. Simple and linear: a sentence ends at . ! ? (plus closing quotes or
// brackets) followed by a space and a capital, digit or opening quote, or at a line break; common abbreviations and
// initials ("Mr.", "U.S.", "J. K.") do not end one.

import { CHAR_CLASS, DIGIT, UPPER } from '../normalize';

export interface SentenceSpan {
  start: number;
  end: number; // exclusive, after the closing punctuation
}

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st sr jr gen col lt sgt capt cmdr gov sen rep rev hon pres vs etc inc ltd co corp no ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx est dept univ').split(' '),
);

const CLOSERS = '"\'”’)]»';
const OPENERS = '"\'“‘([«';

function isUpperOrDigit(ch: string): boolean {
  const cls = CHAR_CLASS[ch.charCodeAt(0)];
  return cls === UPPER || cls === DIGIT;
}

/** Does the word just before position `dot` make this period an abbreviation rather than a sentence end? */
function isAbbreviation(text: string, dot: number, following: string): boolean {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i])) i--;
  const word = text.slice(i + 1, dot);
  if (word.length === 1 && isUpperOrDigit(word)) return true; // an initial: "J. K. Rowling"
  if (word.includes('.')) return true; // "U.S." "a.m."
  const lower = word.toLowerCase();
  if (lower === 'no') return following >= '0' && following <= '9'; // "No. 10", but "said no. Then"
  return ABBREVIATIONS.has(lower);
}

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && text.charCodeAt(s) <= 32) s++;
    let e = end;
    while (e > s && text.charCodeAt(e - 1) <= 32) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 /* \n */) {
      push(i);
      start = i + 1;
      continue;
    }
    if (code !== 46 /* . */ && code !== 33 /* ! */ && code !== 63 /* ? */) continue;
    let end = i + 1;
    while (end < n && (CLOSERS.includes(text[end]) || text[end] === '.')) end++;
    if (end >= n) continue;
    if (text[end] !== ' ' && text[end] !== '\t') continue;
    let next = end;
    while (next < n && (text[next] === ' ' || text[next] === '\t')) next++;
    if (next >= n) continue;
    const following = text[next];
    if (!isUpperOrDigit(following) && !OPENERS.includes(following)) continue;
    // A period right before the space may be an abbreviation's ("Mr. Smith"); one before a closing quote is not.
    if (code === 46 && end === i + 1 && isAbbreviation(text, i, following)) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(n);
  return spans;
}

/** Word count (runs of non-space characters). */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
