// Entry point of the `backstory` command: parses the first word and hands the rest to that command's module.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Command {
  summary: string; // one line for --help
  usage: string; // full usage text for `backstory <command> --help`
  run(args: string[]): Promise<number>; // exit code
}

// Commands load lazily so `--help` and `--version` stay instant.
const commands: Record<string, () => Promise<Command>> = {
  annotate: async () => (await import('./commands/annotate.ts')).default,
  archive: async () => (await import('./commands/archive.ts')).default,
  eval: async () => (await import('./commands/eval.ts')).default,
  bench: async () => (await import('./commands/bench.ts')).default,
};

const summaries: Record<string, string> = {
  annotate: 'find the figures and topics mentioned in a text or HTML file',
  archive: 'build the bundled archive from data/ (and your JSONL files), or show its stats',
  eval: 'score the engine against the GUM gold mentions in ../shared/eval/gum',
  bench: 'run the speed and memory benchmarks',
};

export function packageVersion(): string {
  const pkgPath = fileURLToPath(new URL('../package.json', import.meta.url));
  return JSON.parse(readFileSync(pkgPath, 'utf8')).version;
}

export function helpText(): string {
  const width = Math.max(...Object.keys(summaries).map((name) => name.length));
  const lines = Object.entries(summaries).map(([name, text]) => `  ${name.padEnd(width)}  ${text}`);
  return [
    `backstory ${packageVersion()} — background on the figures and topics in the news`,
    '',
    'Usage: backstory <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --help, -h     show this help (or a command\'s help: backstory <command> --help)',
    '  --version, -v  print the version',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    console.log(helpText());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    console.log(packageVersion());
    return 0;
  }
  const load = commands[first];
  if (!load) {
    console.error(`backstory: unknown command "${first}"\n\n${helpText()}`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    console.error(`backstory ${first}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
