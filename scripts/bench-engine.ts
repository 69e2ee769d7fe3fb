// Engine benchmark: spot+link throughput over the Wikinews corpus, against a RegExp of the same aliases and a bare
// charCodeAt loop; matcher load time and heap; growth with the number of aliases. Prints figures, asserts nothing.
//
//   node --expose-gc --import tsx scripts/bench-engine.ts [path/to/matcher.json]
//   (npx tsx scripts/bench-engine.ts works too; heap figures are then less exact)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { annotate, buildMatcherData, forShipping, loadMatcher, mergeMatcherData } from '../engine/index';
import { aliasRows, setWordScanner, wordScanner, type Matcher, type MatcherData } from '../engine/matcher';
import type { EntityInput } from '../engine/types';
import { compileFromFiles } from './archive-files';

export interface EngineBenchOptions {
  /** JSONL corpus with a `text` field per line (default ../shared/corpus/articles.jsonl) */
  corpus?: string;
  /** a compiled matcher.json to measure instead of data/catalog or the synthetic list */
  matcher?: string;
  /** timed rounds per measurement (best is reported) */
  rounds?: number;
  /** alias counts for the growth table */
  growth?: number[];
  /** fresh processes for the cold-load figure (median reported) */
  coldRuns?: number;
  /** skip the (slow) RegExp baseline */
  noRegExp?: boolean;
  /** time budget of each RegExp baseline (it runs over part of the corpus if slow) */
  regExpBudgetMs?: number;
  log?: (line: string) => void;
}

export interface EngineBenchResult {
  corpusMB: number;
  bareLoopMBs: number;
  /** spot's word scanner in the rows without `scanner: 'js'` (WebAssembly where available) */
  scanner: 'wasm' | 'js';
  rows: {
    label: string;
    /** the JavaScript word scan, for comparison (the same matcher as the row before it; no load figures) */
    scanner?: 'js';
    aliases: number;
    mbs: number;
    ratio: number;
    mentions: number;
    loadMs: number;
    warmLoadMs: number;
    heapMB: number | null;
  }[];
  regexp: { label: string; aliases: number; mbs: number; matches: number } [];
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
/** The JavaScript heap and typed arrays' memory (a matcher's tables are typed arrays), after collecting. */
function heapUsed(): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function readCorpus(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Capitalised word pairs of the corpus ("Marine Le" would not qualify; "European Union" would), most frequent first. */
function capitalisedPairs(texts: string[]): string[] {
  const counts = new Map<string, number>();
  const re = /\b(\p{Lu}\p{Ll}{2,}) (\p{Lu}\p{Ll}{2,})\b/gu;
  for (const t of texts) for (const m of t.matchAll(re)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

/** `count` distinct two-word names: corpus pairs first, then made-up combinations of corpus capitalised words. */
function syntheticNames(pairs: string[], count: number): string[] {
  const names = pairs.slice(0, count);
  if (names.length < count) {
    const words = [...new Set(pairs.flatMap((p) => p.split(' ')))];
    const seen = new Set(names);
    let a = 0;
    let b = 1;
    while (names.length < count) {
      const n = `${words[a % words.length]} ${words[(a * 7 + b) % words.length]}x`; // suffix: keep them rare in text
      if (!seen.has(n)) {
        seen.add(n);
        names.push(n);
      }
      b++;
      if (b > 50) {
        b = 1;
        a++;
      }
    }
  }
  return names;
}

function namesToEntities(names: string[], type: EntityInput['type']): EntityInput[] {
  return names.map((name, i) => ({
    id: `synthetic-${i}`,
    name,
    type,
    aliases: [],
    description: '',
    asOf: null,
    wikipedia: null,
    prominence: names.length - i,
  }));
}

/** Entities of data/catalog/*.jsonl, if the catalog exists. */
function catalogEntities(): EntityInput[] | null {
  const dir = join(ROOT, 'data/catalog');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  const out: EntityInput[] = [];
  for (const f of files) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line);
        out.push({ ...e, prominence: e.prominence ?? 1, asOf: e.asOf ?? null });
      } catch {
        // a half-written line while others edit the catalog
      }
    }
  }
  return out.length ? out : null;
}

/** The default archive as the extension ships it (catalog + data/articles, with prominence from the articles). */
function defaultArchive(): { label: string; data: MatcherData } | null {
  try {
    const data = compileFromFiles().matcher;
    return { label: `default archive (${data.entities.length} entities)`, data };
  } catch {
    return null; // a half-edited catalog: fall back to the raw catalog
  }
}

function fallbackEntities(pairs: string[]): { label: string; data: MatcherData } {
  const catalog = catalogEntities();
  return catalog
    ? { label: `catalog (${catalog.length} entities)`, data: buildMatcherData(catalog) }
    : { label: 'synthetic 500 persons', data: buildMatcherData(namesToEntities(syntheticNames(pairs, 500), 'person')) };
}

/** CPU milliseconds of this process since `since` (steadier than wall time on a busy machine). */
function cpuMs(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

function bareLoop(t: string): number {
  let x = 0;
  for (let i = 0; i < t.length; i++) x = (x + t.charCodeAt(i)) | 0;
  return x & 1;
}

interface MatcherRow {
  label: string;
  /** the JavaScript word scan, for comparison (the same matcher as the row before it; no load figures) */
  scanner?: 'js';
  aliases: number;
  matcher: Matcher;
  loadMs: number;
  warmLoadMs: number;
  heapMB: number | null;
  jsonMB: number;
}

/** Load figures of a matcher; with `alsoJs`, a second row: the same matcher with spot's JavaScript word scan. */
function loadRows(label: string, data: MatcherData, alsoJs = false): MatcherRow[] {
  const json = JSON.stringify(data);
  let t0 = performance.now();
  loadMatcher(JSON.parse(json) as MatcherData); // includes JSON.parse, as at start-up
  const loadMs = performance.now() - t0;
  let warmLoadMs = Infinity;
  for (let k = 0; k < 5; k++) {
    t0 = performance.now();
    loadMatcher(JSON.parse(json) as MatcherData);
    warmLoadMs = Math.min(warmLoadMs, performance.now() - t0);
  }
  // The heap a matcher keeps, taken around one more load: after the first, whose one-time costs come and go (the
  // collector dropping other code's bytecode made this figure negative at times)
  const before = heapUsed();
  const matcher = loadMatcher(JSON.parse(json) as MatcherData);
  const heap = (globalThis as { gc?: unknown }).gc ? (heapUsed() - before) / 1e6 : null;
  const row: MatcherRow = { label, aliases: data.aliases.rule.length, matcher, loadMs, warmLoadMs, heapMB: heap, jsonMB: json.length / 1e6 };
  return alsoJs && wordScanner() === 'wasm' ? [row, { ...row, scanner: 'js' }] : [row];
}

/**
 * Best round (CPU ms) of the bare loop and of spot+link with each row's matcher, over all the texts. The runs take
 * turns round by round: on a shared machine other processes only ever add time, and here slow spells last seconds,
 * so taking turns gives every run the same spells, and each run's best round is its steady figure.
 */
function interleaved(texts: string[], rounds: number, rows: MatcherRow[]): { bareMs: number; bestMs: number[]; mentions: number[] } {
  let bareMs = Infinity;
  const bestMs = rows.map(() => Infinity);
  const mentions = rows.map(() => 0);
  const warmTexts = Math.ceil(texts.length / 20);
  for (let r = 0; r <= rounds; r++) {
    const c0 = process.cpuUsage();
    for (const t of texts) bareLoop(t);
    if (r > 0) bareMs = Math.min(bareMs, cpuMs(c0)); // (round 0 warms up)
    rows.forEach((row, k) => {
      setWordScanner(row.scanner ?? 'wasm');
      // (the row before left its own tables in the caches: a few texts first bring this row's back)
      for (let i = 0; i < warmTexts; i++) annotate(row.matcher, texts[i]);
      const c1 = process.cpuUsage();
      let count = 0;
      for (const t of texts) count += annotate(row.matcher, t).length;
      const ms = cpuMs(c1);
      if (r > 0) bestMs[k] = Math.min(bestMs[k], ms);
      mentions[k] = count;
    });
  }
  setWordScanner('wasm');
  return { bareMs, bestMs, mentions };
}

/**
 * Median cold JSON.parse + loadMatcher over `runs` fresh processes (see cold-load.ts), with or without shipped
 * tables. cold-load.ts is bundled to plain JavaScript once, in `dir`: a process then starts in a tenth of the time
 * it takes through tsx.
 */
function coldLoad(dir: string, files: string[], runs: number): { parseMs: number; loadMs: number; heapMB: number | null } {
  const script = join(dir, 'cold-load.mjs');
  if (!existsSync(script)) {
    buildSync({ entryPoints: [join(ROOT, 'scripts/cold-load.ts')], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'error' });
  }
  const samples: { parseMs: number; loadMs: number; heapMB: number | null }[] = [];
  for (let r = 0; r < runs; r++) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['--expose-gc', script, ...files], { cwd: ROOT, encoding: 'utf8' })));
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return {
    parseMs: mid(samples.map((s) => s.parseMs)),
    loadMs: mid(samples.map((s) => s.loadMs)),
    heapMB: samples[0].heapMB === null ? null : mid(samples.map((s) => s.heapMB!)),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function runEngineBench(opts: EngineBenchOptions = {}): EngineBenchResult {
  const log = opts.log ?? console.log;
  const rounds = opts.rounds ?? 12;
  const corpusPath = opts.corpus ?? resolve(ROOT, '../shared/corpus/articles.jsonl');
  const texts = readCorpus(corpusPath);
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
  log(`corpus: ${texts.length} texts, ${(bytes / 1e6).toFixed(2)} MB (UTF-8), ${rounds} rounds, best reported; times are CPU time`);
  log('the bare loop and every row take turns round by round, so that slow spells of the machine fall on all of them');
  log("×bare: the bare loop's best round over the row's best round (other processes only ever add time)");
  const scanner = wordScanner();
  log(`spot's word scan: ${scanner === 'wasm' ? 'WebAssembly (rows "JS scan": the JavaScript one, for comparison)' : 'JavaScript (no WebAssembly here)'}`);
  log('load ms = JSON.parse + loadMatcher building the trie, the first time in this process (not cold: see below)');
  log('heap MB = what a loaded matcher keeps: JavaScript heap and typed arrays (its tables)');
  if (!(globalThis as { gc?: unknown }).gc) log('(run node with --expose-gc for heap figures)');

  // (a) the real entity list: a compiled matcher, the catalog, or a synthetic stand-in
  const pairs = capitalisedPairs(texts);
  let a: { label: string; data: MatcherData };
  if (opts.matcher) {
    a = { label: `matcher ${opts.matcher}`, data: JSON.parse(readFileSync(opts.matcher, 'utf8')) };
  } else {
    a = defaultArchive() ?? fallbackEntities(pairs);
  }
  const rows = loadRows(a.label, a.data, true);
  // (b) 20k aliases from the corpus's capitalised pairs
  const names20k = syntheticNames(pairs, 20000);
  rows.push(...loadRows('synthetic 20k aliases', buildMatcherData(namesToEntities(names20k, 'topic')), true));
  const growth = (opts.growth ?? [1000, 10000, 100000]).flatMap((n) =>
    loadRows(`growth ${n}`, buildMatcherData(namesToEntities(syntheticNames(pairs, n), 'topic'))),
  );
  const timed = interleaved(texts, rounds, [...rows, ...growth]);

  const regexp: EngineBenchResult['regexp'] = [];
  if (!opts.noRegExp) {
    const aAliases = [...new Set(aliasRows(a.data).map((r) => r[0]))];
    const variants: [string, string[], string][] = [
      [`RegExp, aliases of (a), case-insensitive`, aAliases, 'gi'],
      [`RegExp, 20k aliases, case-insensitive`, names20k, 'gi'],
    ];
    for (const [label, aliases, flags] of variants) {
      const sorted = [...aliases].sort((x, y) => y.length - x.length).map((s) => escapeRegExp(s).replace(/ /g, '\\s+'));
      const re = new RegExp(`\\b(?:${sorted.join('|')})\\b`, flags);
      // A big alternation is slow: run it over as much of the corpus as fits in a few seconds.
      const c0 = process.cpuUsage();
      let done = 0;
      let matches = 0;
      let used = 0;
      for (const t of texts) {
        re.lastIndex = 0;
        while (re.exec(t)) matches++;
        done += Buffer.byteLength(t, 'utf8');
        used++;
        if (cpuMs(c0) > (opts.regExpBudgetMs ?? 2000)) break;
      }
      const mbs = done / 1e6 / (cpuMs(c0) / 1000);
      const part = used < texts.length ? ` (${used} of ${texts.length} texts)` : '';
      regexp.push({ label: label + part, aliases: aliases.length, mbs, matches }); // (CPU time, no bare pairing)
    }
  }

  // Cold start as the background worker sees it: the compiled matcher and its shipped tables, in fresh processes;
  // the baseline builds the trie from the same rows (with the word hashes the builder reads).
  const cold: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const shipped = forShipping(a.data);
  const files = { json: join(dir, 'matcher.json'), index: join(dir, 'matcher-index.bin'), rows: join(dir, 'rows.json') };
  writeFileSync(files.json, JSON.stringify(shipped.data));
  writeFileSync(files.index, shipped.index);
  const noRows: MatcherData = { version: a.data.version, entities: [], prominence: [], aliases: { norms: '', rule: [], entity: [], kind: [] } };
  writeFileSync(files.rows, JSON.stringify(mergeMatcherData(a.data, noRows))); // (mergeMatcherData adds the word hashes)
  for (const withTables of [true, false]) {
    const c = coldLoad(dir, withTables ? [files.json, files.index] : [files.rows], opts.coldRuns ?? 7);
    cold.push(
      `${(withTables ? 'with its shipped tables' : 'building the trie (baseline)').padEnd(30)} JSON.parse ${c.parseMs.toFixed(2)} ms + ` +
        `loadMatcher ${c.loadMs.toFixed(2)} ms = ${(c.parseMs + c.loadMs).toFixed(2)} ms; heap ${c.heapMB === null ? '-' : c.heapMB.toFixed(2)} MB`,
    );
  }
  cold.push(`(matcher.json ${(statSync(files.json).size / 1e6).toFixed(2)} MB, matcher-index.bin ${(shipped.index.length / 1e6).toFixed(2)} MB)`);
  rmSync(dir, { recursive: true, force: true });

  // MB/s from each row's best round; ×bare against the bare loop's best round
  const bareMBs = bytes / 1e3 / timed.bareMs;
  const measured = [...rows, ...growth].map(({ matcher: _m, ...r }, k) => ({
    ...r,
    mentions: timed.mentions[k],
    mbs: bytes / 1e3 / timed.bestMs[k],
    ratio: timed.bareMs / timed.bestMs[k],
  }));
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number, d = 1) => x.toFixed(d).padStart(8);
  log('');
  log(`${pad('what', 44)}${'aliases'.padStart(8)}${'MB/s'.padStart(8)}${'×bare'.padStart(8)}${'found'.padStart(8)}${'load ms'.padStart(9)}${'warm ms'.padStart(9)}${'heap MB'.padStart(9)}${'json MB'.padStart(9)}`);
  log(`${pad('bare charCodeAt loop', 44)}${''.padStart(8)}${num(bareMBs)}${num(1, 2)}`);
  for (const r of measured) {
    const what = `spot+link${'scanner' in r ? ', JS scan' : ''}: ${r.label}`;
    log(
      `${pad(what, 44)}${String(r.aliases).padStart(8)}${num(r.mbs)}${num(r.ratio, 2)}${String(r.mentions).padStart(8)}` +
        ('scanner' in r
          ? '' // (the same matcher as the row above)
          : `${num(r.loadMs, 2).padStart(9)}${num(r.warmLoadMs, 2).padStart(9)}${(r.heapMB === null ? '-' : r.heapMB.toFixed(2)).padStart(9)}${r.jsonMB.toFixed(2).padStart(9)}`),
    );
  }
  for (const r of regexp) log(`${pad(r.label, 44)}${String(r.aliases).padStart(8)}${num(r.mbs, 3)}${num(r.mbs / bareMBs, 4)}${String(r.matches).padStart(8)}`);
  log('');
  log(`cold load of (a) in a fresh process (median of ${opts.coldRuns ?? 7}; target ≤ 5 ms, ≤ 3 MB):`);
  for (const line of cold) log(`  ${line}`);
  log('');
  const [rowA, row20k] = measured.filter((r) => !('scanner' in r));
  log(`ratios: spot+link (a) / RegExp (a) = ${regexp[0] ? (rowA.mbs / regexp[0].mbs).toFixed(1) : '-'}×; ` +
    `spot+link 20k / RegExp 20k = ${regexp[1] ? (row20k.mbs / regexp[1].mbs).toFixed(1) : '-'}×`);
  return {
    corpusMB: bytes / 1e6,
    bareLoopMBs: bareMBs,
    scanner,
    rows: measured.map(({ jsonMB: _j, ...r }) => r),
    regexp,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const matcher = process.argv.slice(2).find((a) => !a.startsWith('--'));
  runEngineBench({ matcher, noRegExp: process.argv.includes('--no-regexp') });
}
