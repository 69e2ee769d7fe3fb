// `backstory bench [engine|archive|pages|ner]...`: runs the benchmarks, each in its own Node process (so its heap
// and peak memory are its own), after printing the machine they ran on. Figures only: nothing here asserts a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Command } from '../cli.ts';
import { PROJECT_ROOT } from '../archive-files.ts';

const parts: Record<string, { script: string; what: string }> = {
  engine: { script: 'scripts/bench-engine.ts', what: 'spot+link throughput, matcher load time and heap, growth with aliases' },
  ner: { script: 'scripts/bench-ner.ts', what: 'compromise NER over the same corpus text, beside our engine' },
  archive: { script: 'scripts/bench-archive.ts', what: 'archive build time, peak memory and output sizes' },
  pages: { script: 'scripts/bench-pages.ts', what: 'content script cost on the 70 saved news pages in Chromium' },
};

const usage = `Usage: backstory bench [${Object.keys(parts).join('|')}]... [--full]

Runs the named benchmarks (all by default) and prints their figures beside baselines measured in the same run.
By default the whole run takes under two minutes here; --full adds the 50,000-article archive build, four hovers
per page and the heap of every page (about six minutes).
${Object.entries(parts).map(([name, p]) => `  ${name.padEnd(8)} ${p.what}`).join('\n')}`;

function machine(): string {
  const cpu = cpus();
  let chromium = 'not installed';
  try {
    chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as not installed
  }
  return [
    `machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `node ${process.version}, ${chromium}`,
    `date: ${new Date().toISOString()}`,
  ].join('\n');
}

const command: Command = {
  summary: 'run the speed and memory benchmarks',
  usage,
  async run(args) {
    const full = args.includes('--full');
    const names = args.filter((a) => a !== '--full');
    const wanted = names.length > 0 ? names : Object.keys(parts);
    const unknown = wanted.filter((name) => !(name in parts));
    if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}\n\n${usage}`);
    console.log(machine());
    let failed = 0;
    for (const name of wanted) {
      console.log(`\n=== ${name}: ${parts[name].what}`);
      if (name === 'pages' && process.env.SKIP_BUILD !== '1') {
        // the extension as the code stands now (SKIP_BUILD=1 measures the last build)
        const build = spawnSync('npm', ['run', 'build:chrome', '--silent'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
        if (build.status !== 0) {
          console.error('benchmark pages: the build failed');
          failed++;
          continue;
        }
      }
      const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(PROJECT_ROOT, parts[name].script), ...(full ? ['--full'] : [])], {
        cwd: PROJECT_ROOT,
        stdio: 'inherit',
      });
      if (result.status !== 0) {
        console.error(`benchmark ${name} failed (exit ${result.status})`);
        failed++;
      }
    }
    return failed === 0 ? 0 : 1;
  },
};

export default command;
