// Archive compiler benchmark: build time, peak memory (RSS) and output sizes for the default archive, the default
// archive plus the Wikinews corpus, and (with --full) a synthetic 50,000-article archive made from the corpus. Each case runs
// in its own child process so its peak RSS is its own. Prints figures; asserts nothing (targets are in the notes).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArchiveStats } from '../engine/archive/index.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = resolve(REPO, '../shared/corpus/articles.jsonl');
const SYNTHETIC_ARTICLES = 50_000;

export interface ArchiveBenchResult {
  name: string;
  target: string;
  exitCode: number;
  articles: number;
  entities: number;
  discovered: number;
  wallMs: number; // the whole build command, reading and writing included
  cpuMs: number; // CPU time of the child (user + system), less sensitive than wall time to a busy machine
  buildMs: number; // compile only (from stats.json)
  peakRssMb: number;
  sizes: Record<string, number>; // bytes per output file
}

// Runs `backstory archive build` in a child and reports its peak RSS (process.resourceUsage().maxRSS, in kB).
const CHILD = `
import { register } from 'tsx/esm/api';
register();
const { main } = await import(process.env.BACKSTORY_CLI);
const started = performance.now();
const code = await main(JSON.parse(process.env.BACKSTORY_ARGS));
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stderr.write('BENCH ' + JSON.stringify({ code, ms: performance.now() - started, cpuMs, maxRssKb: usage.maxRSS }) + '\\n');
process.exit(code);
`;

function runBuild(name: string, target: string, args: string[], out: string): ArchiveBenchResult {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', '--input-type=module', '-e', CHILD], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      BACKSTORY_CLI: pathToFileURL(join(REPO, 'scripts/cli.ts')).href,
      BACKSTORY_ARGS: JSON.stringify(['archive', 'build', ...args, '--out', out]),
    },
  });
  const line = child.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  const figures = line ? JSON.parse(line.slice(6)) : { code: child.status ?? 1, ms: NaN, cpuMs: NaN, maxRssKb: NaN };
  if (figures.code !== 0) process.stderr.write(child.stderr);
  const statsPath = join(out, 'stats.json');
  const stats: ArchiveStats | null = figures.code === 0 && existsSync(statsPath) ? JSON.parse(readFileSync(statsPath, 'utf8')) : null;
  return {
    name,
    target,
    exitCode: figures.code,
    articles: stats?.articles ?? 0,
    entities: stats?.entities.total ?? 0,
    discovered: stats?.entities.discovered ?? 0,
    wallMs: Math.round(figures.ms),
    cpuMs: Math.round(figures.cpuMs),
    buildMs: stats?.buildMs ?? NaN,
    peakRssMb: Math.round(figures.maxRssKb / 1024),
    sizes: stats ? { ...stats.sizes, 'stats.json': Buffer.byteLength(readFileSync(statsPath)) } : {},
  };
}

/** The corpus repeated with new ids (and dates moved on by a week per copy) up to `count` articles. */
function writeSyntheticCorpus(path: string, count: number): void {
  const lines = readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const out: string[] = [];
  for (let copy = 0; out.length < count; copy++) {
    for (const line of lines) {
      if (out.length >= count) break;
      const article = JSON.parse(line);
      article.id = `${article.id}-copy${copy}`;
      article.url = article.url ? `${article.url}?copy=${copy}` : article.url;
      if (article.date) {
        const day = new Date(`${article.date}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() + 7 * copy);
        article.date = day.toISOString().slice(0, 10);
      }
      out.push(JSON.stringify(article));
    }
  }
  writeFileSync(path, out.join('\n') + '\n');
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function printResult(r: ArchiveBenchResult): void {
  const sizes = Object.entries(r.sizes)
    .map(([file, bytes]) => `${file} ${formatMb(bytes)}`)
    .join(', ');
  const total = Object.values(r.sizes).reduce((sum, n) => sum + n, 0);
  console.log(
    [
      `${r.name}${r.exitCode === 0 ? '' : `  FAILED (exit ${r.exitCode})`}`,
      `  ${r.articles} articles, ${r.entities} entities (${r.discovered} discovered)`,
      `  build ${(r.wallMs / 1000).toFixed(2)} s (compile ${(r.buildMs / 1000).toFixed(2)} s, CPU ${(r.cpuMs / 1000).toFixed(2)} s), ` +
        `peak RSS ${r.peakRssMb} MB   [target: ${r.target}]`,
      `  output ${formatMb(total)}: ${sizes}`,
    ].join('\n'),
  );
}

export async function runArchiveBench(options: { synthetic?: boolean } = {}): Promise<ArchiveBenchResult[]> {
  const work = mkdtempSync(join(tmpdir(), 'backstory-archive-bench-'));
  const results: ArchiveBenchResult[] = [];
  const run = (name: string, target: string, args: string[]) => {
    const result = runBuild(name, target, args, join(work, `out-${results.length}`));
    printResult(result);
    results.push(result);
  };
  try {
    console.log('archive compiler benchmark');
    run('default archive (data/)', 'none', []);
    if (!existsSync(CORPUS)) {
      console.log(`(skipping the corpus cases: ${CORPUS} not found)`);
      return results;
    }
    run('default + Wikinews corpus', '≤ 10 s', ['--add', CORPUS]);
    if (options.synthetic !== false) {
      const synthetic = join(work, 'synthetic.jsonl');
      writeSyntheticCorpus(synthetic, SYNTHETIC_ARTICLES);
      run(`default + synthetic ${SYNTHETIC_ARTICLES} articles`, '≤ 3 min, ≤ 2 GB', ['--add', synthetic]);
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // The 50,000-article build takes about half a minute on its own: only with --full (npm run bench -- archive --full).
  const synthetic = process.argv.includes('--full');
  await runArchiveBench({ synthetic });
  if (!synthetic) console.log(`(the synthetic ${SYNTHETIC_ARTICLES}-article build: npm run bench -- archive --full)`);
}
