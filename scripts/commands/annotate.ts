// `backstory annotate FILE|- [--archive DIR] [--json]`: the mentions the engine finds in a text or HTML file —
// the same engine, and so the same mentions, as the content script.
import { readFileSync } from 'node:fs';
import type { Command } from '../cli.ts';
import { annotate, htmlToText, type Matcher } from '../../engine/index.ts';
import { loadArchiveMatcher } from '../archive-files.ts';

const usage = `Usage: backstory annotate FILE|- [--archive DIR] [--json]

Reads plain text or HTML (its visible text, in reading order) from FILE, or standard input for "-", and lists the
figures and topics it mentions.
  --archive DIR  a compiled archive (default: the bundled one, built from data/)
  --json         print {"mentions":[{start,end,surface,entity:{id,name,type,wikipedia},confidence}]}
                 (UTF-16 offsets into the text that was annotated)`;

export interface AnnotatedMention {
  start: number;
  end: number;
  surface: string;
  entity: { id: string; name: string; type: string; wikipedia: string | null };
  confidence: number;
}

/** HTML is recognised by its first non-blank character or its file name. */
export function looksLikeHtml(text: string, name: string): boolean {
  return /\.x?html?$/i.test(name) || /^\s*</.test(text);
}

export function annotateText(matcher: Matcher, text: string): AnnotatedMention[] {
  return annotate(matcher, text).map((mention) => {
    const entity = matcher.entities[mention.entity];
    return {
      start: mention.start,
      end: mention.end,
      surface: mention.surface,
      entity: { id: entity.id, name: entity.name, type: entity.type, wikipedia: entity.wikipedia },
      confidence: Math.round(mention.confidence * 1000) / 1000,
    };
  });
}

function parseArgs(args: string[]): { file: string; archive?: string; json: boolean } {
  let file: string | undefined;
  let archive: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--archive') {
      archive = args[++i];
      if (archive === undefined) throw new Error('--archive needs a directory');
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n\n${usage}`);
    else if (file === undefined) file = arg;
    else throw new Error(`one input at a time (got "${file}" and "${arg}")`);
  }
  if (file === undefined) throw new Error(`no input given\n\n${usage}`);
  return { file, archive, json };
}

const command: Command = {
  summary: 'find the figures and topics mentioned in a text or HTML file',
  usage,
  async run(args) {
    const { file, archive, json } = parseArgs(args);
    const raw = readFileSync(file === '-' ? 0 : file, 'utf8');
    const text = looksLikeHtml(raw, file) ? htmlToText(raw) : raw;
    const mentions = annotateText(loadArchiveMatcher(archive), text);
    if (json) {
      console.log(JSON.stringify({ mentions }));
      return 0;
    }
    for (const m of mentions) {
      const link = m.entity.wikipedia ? `  [${m.entity.wikipedia}]` : '';
      console.log(`${String(m.start).padStart(6)}  ${m.surface.padEnd(24)} → ${m.entity.name} (${m.entity.type}, ${m.confidence.toFixed(2)})${link}`);
    }
    console.log(`${mentions.length} mentions of ${new Set(mentions.map((m) => m.entity.id)).size} figures and topics`);
    return 0;
  },
};

export default command;
