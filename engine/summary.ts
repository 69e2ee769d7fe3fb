// Extractive summary: picks up to three sentences of a page's article text that best cover its recurring words,
// favouring the opening (news is written top-down). Pure and small: it runs in the content script on demand.

const STOPWORDS = new Set(
  (
    'a an the and or but if then than so of in on at to for from by with about as into over after before under ' +
    'between through during without within is are was were be been being am has have had do does did will would ' +
    'shall should can could may might must not no nor it its it\'s this that these those there here he she they ' +
    'them his her their we us our you your i me my who whom whose which what when where why how all any each ' +
    'some such more most other also only just very said says say one two new up out off again'
  ).split(/\s+/),
);

// Words a period after does not end a sentence ("Mr. Macron", "U.S. officials").
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'st', 'jr', 'sr', 'vs', 'no', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'etc', 'approx']);

const MIN_WORDS = 6;
const MAX_WORDS = 60;

/** Splits text into sentences (trimmed, in order); a blank line always ends a sentence. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const paragraph = block.replace(/\s+/g, ' '); // markup indentation and single line breaks are not boundaries
    let start = 0;
    // a candidate end: . ! ? (and closing quotes/brackets) followed by space and an opening capital, digit or quote
    const boundary = /[.!?]+["'”’)\]]*\s+(?=["“‘'(\[]?[\p{Lu}\d])/gu;
    for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
      const end = m.index + m[0].trimEnd().length;
      const before = paragraph.slice(start, m.index);
      const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
      // "J." (an initial), "U.S." (dotted acronym) and known abbreviations do not end a sentence
      if (m[0].startsWith('.') && (lastWord.length === 1 || /\p{L}\.\p{L}$/u.test(lastWord) || ABBREVIATIONS.has(lastWord.toLowerCase()))) continue;
      const sentence = paragraph.slice(start, end).trim();
      if (sentence) out.push(sentence);
      start = m.index + m[0].length;
    }
    const rest = paragraph.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

function contentWords(sentence: string): string[] {
  return (sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).filter((w) => w.length > 2 && !STOPWORDS.has(w));
}

/**
 * Up to `max` sentences of `text`, in their original order. A sentence scores by how frequent its content words are
 * in the whole text (averaged, so long sentences gain nothing by length) plus a bonus for coming early.
 */
export function summarize(text: string, max = 3): string[] {
  const sentences = splitSentences(text);
  const words = sentences.map(contentWords);
  const frequency = new Map<string, number>();
  for (const list of words) for (const w of new Set(list)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const scored: { index: number; score: number }[] = [];
  sentences.forEach((sentence, index) => {
    const wordCount = sentence.split(/\s+/).length;
    if (wordCount < MIN_WORDS || wordCount > MAX_WORDS || !/[.!?"”’]$/.test(sentence)) return; // headings, captions, run-ons
    const list = words[index];
    if (list.length === 0) return;
    let sum = 0;
    for (const w of list) sum += (frequency.get(w) ?? 1) - 1; // a word seen only here adds nothing
    const coverage = sum / Math.sqrt(list.length);
    const lead = 1 / (1 + index / 3); // 1 for the first sentence, 0.5 for the fourth, ...
    scored.push({ index, score: coverage + 2 * lead });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored
    .slice(0, Math.max(0, max))
    .sort((a, b) => a.index - b.index)
    .map((s) => sentences[s.index]);
}
