// `backstory archive build|stats`: compiles data/ (plus external JSONL archives) into the files the extension
// ships, or reports on a compiled archive. File I/O lives here; the compiler itself is pure (engine/archive).
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from '../cli.ts';
import {
  ARCHIVE_FILES,
  buildArchive,
  formatProblem,
  readSources,
  writeArchive,
  type ArchiveFileName,
  type ArchiveOutput,
  type ArchiveStats,
} from '../../engine/archive/index.ts';
import { ENTITY_TYPES } from '../../engine/types.ts';
import { readArchiveSources } from '../archive-files.ts';

const usage = `Usage:
  backstory archive build [--add FILE.jsonl]... [--license TEXT] [--data DIR] [--out DIR]
  backstory archive stats [--archive DIR]

build   compiles the catalog (DIR/catalog/*.jsonl) and articles (DIR/articles/*.md), plus each --add JSONL archive
        (one article per line: id, title, date, source, url, language, license, text), into matcher.json,
        details.json, articles.json, credits.json and stats.json. On bad input it lists every problem as
        file:line and leaves the previous output untouched.
          --add FILE     an external JSONL archive (repeatable)
          --license TEXT license for --add lines that state none (Wikinews lines default to CC BY 2.5)
          --data DIR     source directory (default data/)
          --out DIR      output directory (default .archive)
stats   prints articles, entities by type, catalog vs discovered, file sizes and the top discovered figures.
          --archive DIR  a compiled archive (default .archive)`;

interface Options {
  add: string[];
  license?: string;
  data: string;
  out: string;
  archive: string;
}

function parseOptions(args: string[]): Options {
  const options: Options = { add: [], data: 'data', out: '.archive', archive: '.archive' };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (!['--add', '--license', '--data', '--out', '--archive'].includes(flag)) throw new Error(`unknown option ${flag}\n\n${usage}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === '--add') options.add.push(value);
    else if (flag === '--license') options.license = value;
    else options[flag.slice(2) as 'data' | 'out' | 'archive'] = value;
  }
  return options;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Writes the files into a fresh directory beside `out`, then swaps it in, so a failure leaves the old output. */
function writeAtomically(out: string, output: ArchiveOutput): void {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(dirname(target), `.${basename(target)}.tmp-${stamp}`);
  const old = join(dirname(target), `.${basename(target)}.old-${stamp}`);
  mkdirSync(temp);
  const open = new Map<ArchiveFileName, number>();
  try {
    writeArchive(output, (file, chunk) => {
      let fd = open.get(file);
      if (fd === undefined) {
        fd = openSync(join(temp, file), 'w');
        open.set(file, fd);
      }
      if (typeof chunk === 'string') writeSync(fd, chunk);
      else writeSync(fd, chunk);
    });
    for (const fd of open.values()) closeSync(fd);
  } catch (error) {
    for (const fd of open.values()) closeSync(fd);
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

function entityLines(stats: ArchiveStats): string[] {
  const byType = ENTITY_TYPES.map((t) => `${t} ${stats.entities.byType[t]}`).join(', ');
  const discovered = ENTITY_TYPES.filter((t) => stats.entities.discoveredByType[t] > 0)
    .map((t) => `${t} ${stats.entities.discoveredByType[t]}`)
    .join(', ');
  return [
    `entities:  ${stats.entities.total} (${byType})`,
    `           ${stats.entities.catalog} from the catalog, ${stats.entities.discovered} discovered${discovered ? ` (${discovered})` : ''}`,
  ];
}

function articleLine(stats: ArchiveStats): string {
  const range = stats.firstDate ? `, ${stats.firstDate} to ${stats.lastDate}` : '';
  return `articles:  ${stats.articles} (${stats.datedArticles} dated${range}), ${stats.mentions} mentions`;
}

function sizeLines(sizes: Record<string, number>): string[] {
  const total = Object.values(sizes).reduce((sum, n) => sum + n, 0);
  return [
    'sizes:',
    ...Object.entries(sizes).map(([name, bytes]) => `  ${name.padEnd(14)} ${formatBytes(bytes).padStart(10)}`),
    `  ${'total'.padEnd(14)} ${formatBytes(total).padStart(10)}`,
  ];
}

/** Reads and checks the sources; the raw file texts are dropped on return, before the build needs the memory. */
function readInputs(options: Options) {
  return readSources(readArchiveSources(options.data, options.add, options.license));
}

async function build(options: Options): Promise<number> {
  const started = performance.now();
  const { catalog, articles, problems } = readInputs(options);
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(`backstory archive: ${problems.length} problem(s); ${options.out} left unchanged`);
    return 1;
  }
  const output = buildArchive({ catalog, articles });
  const buildMs = Math.round(performance.now() - started);
  output.stats.buildMs = buildMs;
  writeAtomically(options.out, output);
  const totalMs = Math.round(performance.now() - started);
  const { stats } = output;
  console.log(
    [
      `archive written to ${options.out}`,
      articleLine(stats),
      ...entityLines(stats),
      ...sizeLines({ ...stats.sizes, 'stats.json': statSync(join(options.out, 'stats.json')).size }),
      `time:      ${(buildMs / 1000).toFixed(2)} s to compile, ${(totalMs / 1000).toFixed(2)} s in all`,
    ].join('\n'),
  );
  return 0;
}

async function stats(options: Options): Promise<number> {
  const statsPath = join(options.archive, 'stats.json');
  if (!existsSync(statsPath)) {
    console.error(`backstory archive: no archive at ${options.archive} (run \`backstory archive build\` first)`);
    return 1;
  }
  const stats = JSON.parse(readFileSync(statsPath, 'utf8')) as ArchiveStats;
  const sizes: Record<string, number> = {};
  for (const name of ARCHIVE_FILES) {
    const path = join(options.archive, name);
    if (existsSync(path)) sizes[name] = statSync(path).size;
  }
  const top = stats.topDiscovered.map(
    (d, i) => `  ${String(i + 1).padStart(2)}. ${d.name} (${d.type}): ${d.articles} articles, ${d.mentions} mentions`,
  );
  console.log(
    [
      `archive ${options.archive}`,
      articleLine(stats),
      ...entityLines(stats),
      ...sizeLines(sizes),
      ...(stats.buildMs !== undefined ? [`built in:  ${(stats.buildMs / 1000).toFixed(2)} s`] : []),
      top.length ? 'top discovered figures:' : 'no discovered figures',
      ...top,
    ].join('\n'),
  );
  return 0;
}

const command: Command = {
  summary: 'build the bundled archive from data/ (and your JSONL files), or show its stats',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'build') return build(parseOptions(rest));
    if (sub === 'stats') return stats(parseOptions(rest));
    console.error(usage);
    return 2;
  },
};

export default command;
