// `backstory eval`: scores the engine against the GUM gold mentions (../shared/eval/gum/gold.jsonl), once with the
// default archive and once with the default archive plus ../shared/corpus, then runs the seed article.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../cli.ts';
import { loadMatcher, type Matcher } from '../../engine/index.ts';
import { compileFromFiles, PROJECT_ROOT } from '../archive-files.ts';
import { annotateText, type AnnotatedMention } from './annotate.ts';

const SHARED = join(PROJECT_ROOT, '..', 'shared');
const GOLD = join(SHARED, 'eval/gum/gold.jsonl');
const CORPUS = join(SHARED, 'corpus/articles.jsonl');
const SEED = join(SHARED, 'seed/le-pen-nato-russia.txt');

const usage = `Usage: backstory eval [--gold FILE] [--corpus FILE]

Scores spotting (named mentions) and linking (Wikipedia titles) on the GUM gold standard with two archives: the
default one, and the default one plus the corpus. Spans count as found when they overlap a gold mention's head word
("lenient") or match it exactly ("exact").`;

interface GoldMention {
  start: number;
  end: number;
  surface: string;
  type: string;
  wikipedia: string | null;
  named: boolean;
  head_start?: number;
  head_end?: number;
}
interface GoldDoc {
  doc: string;
  text: string;
  mentions: GoldMention[];
}

/** Wikipedia titles compared the way Wikipedia does: underscores are spaces, the first letter's case is free. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (t: string) => {
    const spaced = t.replace(/_/g, ' ').trim();
    return spaced.charAt(0).toUpperCase() + spaced.slice(1);
  };
  return norm(a) === norm(b);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const head = (g: GoldMention) => ({ start: g.head_start ?? g.start, end: g.head_end ?? g.end });

export interface Scores {
  predicted: number;
  gold: number;
  spotPrecision: number; // predicted mentions that overlap a gold named mention
  spotRecallLenient: number; // gold named mentions whose head a prediction overlaps
  spotRecallExact: number; // gold named mentions a prediction matches exactly
  linkPredicted: number;
  linkGold: number;
  linkPrecision: number; // predicted titles that equal the gold title of the mention they overlap
  linkRecall: number; // gold linked mentions found with the right title
  linkRecallInArchive: number; // the same, counting only gold titles the archive knows
}

/** Scores predicted mentions against the gold, summed over documents. */
export function score(docs: GoldDoc[], predict: (text: string) => AnnotatedMention[], archiveTitles: Set<string>): Scores {
  let predicted = 0, spotHits = 0, gold = 0, lenient = 0, exact = 0;
  let linkPredicted = 0, linkHits = 0, linkGold = 0, linkFound = 0, inArchiveGold = 0, inArchiveFound = 0;
  const normTitle = (t: string) => t.replace(/_/g, ' ');
  for (const doc of docs) {
    const named = doc.mentions.filter((m) => m.named);
    const predictions = predict(doc.text);
    predicted += predictions.length;
    for (const p of predictions) {
      const hits = named.filter((g) => overlaps(p, g));
      if (hits.length > 0) spotHits++;
      if (p.entity.wikipedia) {
        linkPredicted++;
        if (hits.some((g) => g.wikipedia && sameTitle(g.wikipedia, p.entity.wikipedia!))) linkHits++;
      }
    }
    for (const g of named) {
      gold++;
      const found = predictions.filter((p) => overlaps(p, head(g)));
      if (found.length > 0) lenient++;
      if (predictions.some((p) => p.start === g.start && p.end === g.end)) exact++;
      if (!g.wikipedia) continue;
      linkGold++;
      const right = found.some((p) => p.entity.wikipedia && sameTitle(p.entity.wikipedia, g.wikipedia!));
      if (right) linkFound++;
      if (archiveTitles.has(normTitle(g.wikipedia))) {
        inArchiveGold++;
        if (right) inArchiveFound++;
      }
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    predicted,
    gold,
    spotPrecision: ratio(spotHits, predicted),
    spotRecallLenient: ratio(lenient, gold),
    spotRecallExact: ratio(exact, gold),
    linkPredicted,
    linkGold,
    linkPrecision: ratio(linkHits, linkPredicted),
    linkRecall: ratio(linkFound, linkGold),
    linkRecallInArchive: ratio(inArchiveFound, inArchiveGold),
  };
}

function titlesOf(matcher: Matcher): Set<string> {
  return new Set(matcher.entities.flatMap((e) => (e.wikipedia ? [e.wikipedia.replace(/_/g, ' ')] : [])));
}

function table(rows: [string, Scores][]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const header = ['archive', 'predicted', 'spot P', 'spot R (head)', 'spot R (exact)', 'link P', 'link R', 'link R (titles in archive)'];
  const lines = rows.map(([name, s]) => [
    name,
    String(s.predicted),
    pct(s.spotPrecision),
    pct(s.spotRecallLenient),
    pct(s.spotRecallExact),
    pct(s.linkPrecision),
    pct(s.linkRecall),
    pct(s.linkRecallInArchive),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

const command: Command = {
  summary: 'score the engine against the GUM gold mentions in ../shared/eval/gum',
  usage,
  async run(args) {
    const gold = args.includes('--gold') ? args[args.indexOf('--gold') + 1] : GOLD;
    const corpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : CORPUS;
    for (const file of [gold, corpus]) if (!existsSync(file)) throw new Error(`missing ${file} (../shared must sit beside the repo)`);
    const docs = readFileSync(gold, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as GoldDoc);
    const named = docs.reduce((n, d) => n + d.mentions.filter((m) => m.named).length, 0);
    console.log(`GUM gold: ${docs.length} documents, ${named} named mentions\n`);

    const rows: [string, Scores][] = [];
    let defaultMatcher: Matcher | undefined;
    for (const [name, extra] of [['default', []], ['default + corpus', [corpus]]] as [string, string[]][]) {
      const started = performance.now();
      const matcher = loadMatcher(compileFromFiles(extra).matcher);
      defaultMatcher ??= matcher;
      rows.push([`${name} (${matcher.entities.length} entities)`, score(docs, (text) => annotateText(matcher, text), titlesOf(matcher))]);
      console.error(`  ${name}: compiled and scored in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    console.log(table(rows));
    console.log('\nNote: the corpus contains the 43 GUM articles, so the second row\'s discovered figures come partly from the evaluated texts.');

    const seed = annotateText(defaultMatcher!, readFileSync(SEED, 'utf8'));
    const byEntity = new Map<string, { name: string; type: string; surfaces: Set<string>; count: number }>();
    for (const m of seed) {
      const entry = byEntity.get(m.entity.id) ?? { name: m.entity.name, type: m.entity.type, surfaces: new Set(), count: 0 };
      entry.surfaces.add(m.surface);
      entry.count++;
      byEntity.set(m.entity.id, entry);
    }
    console.log(`\nSeed article (${SEED.replace(`${SHARED}/`, '../shared/')}): ${seed.length} mentions of ${byEntity.size} entities`);
    for (const e of [...byEntity.values()].sort((a, b) => b.count - a.count)) {
      console.log(`  ${String(e.count).padStart(3)}  ${e.name} (${e.type}) ← ${[...e.surfaces].map((s) => `"${s}"`).join(', ')}`);
    }
    return 0;
  },
};

export default command;
