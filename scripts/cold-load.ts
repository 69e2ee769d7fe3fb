// One cold load of a compiled matcher, in a process of its own (run by bench-engine.ts): JSON.parse and loadMatcher
// timed the first time they run, as when the background worker starts, and the heap the loaded matcher holds.
//   node --expose-gc --import tsx scripts/cold-load.ts path/to/matcher.json [--no-index]
import { readFileSync } from 'node:fs';
import { loadMatcher, type MatcherData } from '../engine/matcher';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const data = JSON.parse(text) as MatcherData;
const t1 = performance.now();
if (process.argv.includes('--no-index')) delete data.index; // the baseline: build the trie from the alias rows
const t2 = performance.now();
const matcher = loadMatcher(data);
const t3 = performance.now();
gc?.();
const heapMB = gc ? (process.memoryUsage().heapUsed - heapBefore) / 1e6 : null;
console.log(JSON.stringify({ parseMs: t1 - t0, loadMs: t3 - t2, heapMB, entities: matcher.entities.length }));
