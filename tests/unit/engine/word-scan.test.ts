// spot's two word scanners, WebAssembly (word-scan.wat) and JavaScript, must give exactly the same result on any text;
// the committed WebAssembly must be that of word-scan.wat; without WebAssembly, spot must fall back to JavaScript.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMatcherData, forShipping, loadMatcher, type EntityInput, type Matcher } from '../../../engine/index';
import { setWordScanner, spot, wordScanner } from '../../../engine/matcher';
import { compileWordScan, OUTPUT_FILE, wordScanModuleText } from '../../../scripts/build-wasm';
import { compileFromFiles } from '../../../scripts/archive-files';
import { TEST_ENTITIES } from './fixtures';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/articles.jsonl', import.meta.url));

function corpusTexts(): string[] {
  if (!existsSync(CORPUS)) throw new Error(`the parity test reads the corpus at ${CORPUS}, which is missing`);
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/** spot's output with the given scanner, as one string (so that texts compare fast and differences print whole). */
function spotWith(scanner: 'wasm' | 'js', m: Matcher, text: string): string {
  setWordScanner(scanner);
  return JSON.stringify(spot(m, text));
}

/** The texts on which the two scanners differ (the first few, with both outputs), for a readable failure. */
function differences(m: Matcher, texts: string[]): { text: string; wasm: string; js: string }[] {
  const out: { text: string; wasm: string; js: string }[] = [];
  for (const text of texts) {
    const js = spotWith('js', m, text);
    const wasm = spotWith('wasm', m, text);
    if (wasm !== js) out.push({ text: text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text, wasm, js });
    if (out.length === 5) break;
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function entity(name: string, type: EntityInput['type'], aliases: string[] = []): EntityInput {
  return { id: name, name, type, aliases, prominence: 1, description: '', asOf: null, wikipedia: null };
}

// Aliases of the shapes the scanners decide differently about: lowercase first words of one, two and three or more
// letters (some with an initial's period), first letters outside ASCII or outside the BMP, digits, combining marks,
// U+FFFD (which a lone surrogate of a text becomes in UTF-8), and long names whose later words may be misspelt.
const EDGE_ENTITIES: EntityInput[] = [
  entity('e. e. cummings', 'person', ['k.d. lang', 'bell hooks']),
  entity('War in Gaza', 'event', ['war in Gaza', 'ab initio talks', 'de facto regime', 'el Niño', 'la Niña']),
  entity('Émile Zola', 'person', ['émile zola', 'señor presidente', 'deÉcole group', 'ωmega point', 'Ωmega', 'Élysée', 'ǅemal Bijedić']),
  entity('Jean-Marie Le Pen', 'person', ['J. M. Le Pen', 'U.S. envoy', 'p. m. office']),
  entity('\ud83d\ude00 Foundation', 'organization', ['a\ud83d\ude00b group', '\ud83c\uddeb\ud83c\uddf7 team']),
  entity('G7 summit', 'event', ['3M', '7-Eleven', 'x\u0301yz corp', 'Mac\u00adRon Ltd']),
  entity('Zorg\ufffdbert Longname', 'person', ['Quux\ufffd', 'q\ufffd band']),
  entity('Aleksandr Solzhenitsyn', 'person', ['Александр Солженицын']),
];

const archive = compileFromFiles().matcher;
const shipped = forShipping(archive);
const matchers: [string, Matcher][] = [
  ['the default archive, shipped tables', loadMatcher(shipped.data, shipped.index)],
  ['the test entities', loadMatcher(buildMatcherData(TEST_ENTITIES))],
  ['edge-case aliases', loadMatcher(buildMatcherData(EDGE_ENTITIES))],
];
const defaultMatcher = matchers[0][1];

// Bits of text the fuzz strings are made of: names, lowercase words (some start lowercase aliases: "war in …"),
// letters with and without case, typographic punctuation, invisible characters, astral characters, lone surrogates.
const NAMES = [
  ...archive.entities.map((e) => e.name),
  ...EDGE_ENTITIES.flatMap((e) => [e.name, ...e.aliases]).flatMap((name) => [name, name.toLowerCase(), name.toUpperCase()]),
  'Zorg\ud800bert Longnane', 'Zorg\ufffdbert Longnane', 'Quux\ud800', 'q\udfff band', 'Emile Zolla', 'e. e. cumings',
];
const PIECES = [
  ...['war', 'in', 'de', 'the', 'of', 'a', 'an', 'and', 'le', 'pen', 'al', 'new', 'state', 'court', 'co', 're', 'p', 's', 'x', 'ab'],
  ...['Marine', 'Le', 'Pen', 'Marin', 'Macron', 'NATO', 'Nato', 'EU', 'US', 'The', 'J.', 'K.', 'Rowling', 'U.S.', 'p.m.', 'e.g.'],
  ...['é', 'É', 'Élysée', 'café', 'Zoë', 'Ω', 'ω', 'Путин', 'путин', 'Ж', 'ß', 'İ', 'ı', 'ﬁ', 'Ａ', 'ａ', '中文', 'नरेंद्र'],
  ...['’', '‘', '“', '”', '—', '–', '-', '‐', "'", '`', '´', '.', ',', ';', '(', ')', '"', '!', '?', '…', '/', '&'],
  ...[' ', ' ', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u202f', '\u3000', '\u2028', '\ufeff', '\0'],
  ...['\u00ad', '\u0301', 'e\u0301', '\u200b', '\u200d', '\u2060', '\ufffd', 'x\ufffd'],
  ...['\ud83d\ude00', '\ud83c\uddeb\ud83c\uddf7', '𝐀', 'a\ud83d\ude00', '\ud800', '\udc00', 'a\ud800b', '\udfff\ud800'],
  ...['1', '19', '2024', '3.5', "O'Brien", 'Putin’s', 'Jean-Marie', 'iPhone', 'eBay', 'McDonald'],
];

function fuzzText(rnd: (n: number) => number, texts: string[]): string {
  let text = '';
  const parts = 1 + rnd(30);
  for (let k = 0; k < parts; k++) {
    const kind = rnd(10);
    if (kind < 4) text += PIECES[rnd(PIECES.length)];
    else if (kind < 7) text += NAMES[rnd(NAMES.length)];
    else if (kind < 9) text += ' ';
    else {
      // a slice of a real text, cut anywhere (inside a word, or between the halves of a surrogate pair)
      const source = texts[rnd(texts.length)];
      const at = rnd(source.length);
      text += source.slice(at, at + rnd(200));
    }
  }
  return text;
}

afterEach(() => setWordScanner('wasm'));

describe('word scanners', () => {
  it('the committed word-scan-wasm.ts is word-scan.wat compiled (npm run build:wasm)', async () => {
    expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(wordScanModuleText(await compileWordScan()));
  });

  it('spot uses WebAssembly here by default, JavaScript when asked', () => {
    expect(wordScanner()).toBe('wasm');
    setWordScanner('js');
    expect(wordScanner()).toBe('js');
  });

  it('give the same result on every text of the corpus, and on all of it as one text', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(100);
    for (const [name, m] of matchers) expect(differences(m, texts), name).toEqual([]);
    // (2.5 MB: many lists, many batches of records, memory growth)
    const all = texts.join('\n');
    expect(JSON.parse(spotWith('js', defaultMatcher, all)).length).toBeGreaterThan(5000);
    expect(differences(defaultMatcher, [all])).toEqual([]);
  });

  it('give the same result on 4,000 random texts mixing names, words, scripts, punctuation and surrogates', () => {
    const texts = corpusTexts();
    const rnd = random(20261128);
    const fuzz = Array.from({ length: 4000 }, () => fuzzText(rnd, texts));
    for (const [name, m] of matchers) expect(differences(m, fuzz), name).toEqual([]);
  });

  it('give the same result on long texts (past one list of words and one batch of records)', () => {
    const texts = corpusTexts();
    const rnd = random(7);
    const long = Array.from({ length: 4 }, () => {
      let text = '';
      while (text.length < 70_000 + rnd(100_000)) text += fuzzText(rnd, texts) + ' ';
      return text;
    });
    // nearly every word a name: more records than one batch holds
    long.push(Array.from({ length: 6000 }, (_, i) => NAMES[i % NAMES.length]).join(', '));
    for (const [name, m] of matchers) expect(differences(m, long), name).toEqual([]);
  });

  it('give the same result on words at every offset of a block, and on texts ending in short words', () => {
    const texts: string[] = [];
    const words = ['Élysée Palace', 'war in Gaza', 'de Gaulle', 'J. K. Rowling', 'U.S.', 'aé', 'éa', 'ab', 'a', 'p.', 'EU', 'de', 'Ωmega',
      '\ud83d\ude00NATO', 'N\ud83d\ude00', 'ab\ud83d\ude00', 'Le Pen', 'le pen', 'x\ud800y', '\u0301Macron', 'Mac\u00adron'];
    for (const word of words) {
      for (let pad = 0; pad < 70; pad++) {
        texts.push(' '.repeat(pad) + word, '’'.repeat(pad % 24) + ' '.repeat(pad) + word + ' end', `${'ab '.repeat(pad)}${word}`);
      }
    }
    texts.push('', ' ', 'a', 'A', 'ab', 'Ab', 'é', '\ud800', '\ud83d\ude00', '.', 'I', 'J.', 'Marine Le', 'Marine Le Pen', 'NATO.');
    for (const end of [' a', ' de', ' EU', ' p', ' J.', ' ab', ' é', ' éa', ' aé', ' al', ' US', ' u', '-a', ' a.']) {
      texts.push(`Marine Le Pen met the EU${end}`, `war in${end}`, `${end}`);
    }
    for (const [name, m] of matchers) expect(differences(m, texts), name).toEqual([]);
  });

  it('give the same result on words holding U+FFFD or a lone surrogate, with aliases that hold U+FFFD', () => {
    // TextEncoder writes a lone surrogate as U+FFFD: the WebAssembly scanner must not take it for one ("Longnane": a
    // misspelt later word, where the first word is not compared again)
    const m = matchers[2][1];
    const texts = ['Zorg\ufffdbert Longname', 'Zorg\ud800bert Longnane', 'Zorg\udc00bert Longname', 'met Quux\ufffd, Quux\ud800 and Quux\udbff.'];
    expect(differences(m, texts)).toEqual([]);
    setWordScanner('wasm');
    expect(spot(m, 'Zorg\ufffdbert Longname Quux\ufffd').length).toBe(2);
    expect(spot(m, 'Zorg\ud800bert Longnane Quux\udfff').length).toBe(0);
  });

  it('without WebAssembly (or where it is refused), spot scans in JavaScript', async () => {
    const { CompileError } = WebAssembly;
    vi.resetModules();
    vi.stubGlobal('WebAssembly', {
      Module: function () {
        throw new CompileError("WebAssembly.Module(): refused to compile: no 'wasm-unsafe-eval' in the CSP");
      },
    });
    try {
      const fresh = await import('../../../engine/matcher');
      expect(fresh.wordScanner()).toBe('js');
      const text = 'Marin Le Pen met Emmanuel Macron and NATO in Élysée Palace; the U.S. watched.';
      const m = fresh.loadMatcher(buildMatcherData(TEST_ENTITIES));
      expect(JSON.stringify(fresh.spot(m, text))).toBe(spotWith('js', m, text));
      expect(fresh.spot(m, text).length).toBeGreaterThan(4);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
