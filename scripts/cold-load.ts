// One cold load of a compiled matcher, in a process of its own (run by bench-engine.ts): JSON.parse and loadMatcher
// timed the first time they run, as when the background worker starts, and the heap the loaded matcher holds.
//   node --expose-gc --import tsx scripts/cold-load.ts path/to/matcher.json [path/to/matcher-index.bin]
//   (the bench runs it bundled to plain JavaScript, to start quickly)
// Without the index file, loadMatcher builds the trie (the baseline). File reads are not timed (the worker's are
// fetches of its own package).
import { readFileSync } from 'node:fs';
import { loadMatcher, type MatcherData } from '../engine/matcher';

const [file, indexFile] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;
// (the heap figure counts typed arrays' memory too: the loaded matcher keeps the index file as its tables)
const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
gc?.();
const heapBefore = memory();
const index = indexFile ? readFileSync(indexFile) : null;
const t0 = performance.now();
const data = JSON.parse(text) as MatcherData;
const t1 = performance.now();
const matcher = loadMatcher(data, index);
const t2 = performance.now();
gc?.();
const heapMB = gc ? (memory() - heapBefore) / 1e6 : null;
console.log(JSON.stringify({ parseMs: t1 - t0, loadMs: t2 - t1, heapMB, entities: matcher.entities.length }));
