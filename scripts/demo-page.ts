// Renders the user's seed article as a realistic news page (masthead, headline, byline, body, sidebar of other
// headlines) for the demo and the browser tests. Text goes in escaped: it is data, never markup.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticleMarkdown } from '../engine/archive/articles';
import { ArchiveInputError, type SourceProblem } from '../engine/archive/problems';
import type { Article } from '../engine/types';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/articles');

export const SEED_FILE = path.join(DATA_DIR, '0001-seed-le-pen-nato-russia.md');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function readArticle(file: string): Article {
  const problems: SourceProblem[] = [];
  const record = parseArticleMarkdown(readFileSync(file, 'utf8'), path.relative(process.cwd(), file), problems);
  if (!record) throw new ArchiveInputError(problems);
  return record.article;
}

function longDate(iso: string | null): string {
  if (!iso) return '';
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The demo page's HTML. `extraBody` is trusted HTML a test may append (e.g. an editor). */
export function renderDemoPage(extraBody = ''): string {
  const seed = readArticle(SEED_FILE);
  const others = readdirSync(DATA_DIR)
    .filter((name) => name.startsWith('brief-'))
    .sort()
    .slice(0, 6)
    .map((name) => readArticle(path.join(DATA_DIR, name)));
  const paragraphs = seed.text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('\n        ');
  const sidebar = others
    .map((a) => `<li><a href="#${escapeHtml(a.id)}">${escapeHtml(a.title)}</a><time>${escapeHtml(longDate(a.date))}</time></li>`)
    .join('\n          ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(seed.title)} — The Daily Ledger</title>
  <style>
    :root { --ink: #1a1a1a; --muted: #5f6368; --rule: #d9d9d9; --accent: #a4161a; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fbfaf7; font: 18px/1.6 Georgia, 'Times New Roman', serif; }
    header.masthead { border-bottom: 3px double var(--ink); text-align: center; padding: 18px 12px 10px; background: #fff; }
    header.masthead .name { font: 700 44px/1 'Times New Roman', serif; letter-spacing: .02em; }
    header.masthead nav { margin-top: 10px; font: 600 13px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .08em; }
    header.masthead nav a { color: var(--ink); text-decoration: none; margin: 0 12px; }
    main { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 48px; max-width: 1080px; margin: 32px auto; padding: 0 24px; }
    .kicker { color: var(--accent); font: 700 13px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .1em; }
    h1 { font-size: 38px; line-height: 1.15; margin: 10px 0 8px; }
    .standfirst { color: var(--muted); font-size: 20px; margin: 0 0 16px; }
    .byline { font: 14px/1.4 system-ui, sans-serif; color: var(--muted); border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 8px 0; margin-bottom: 24px; }
    aside h2 { font: 700 14px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .08em; border-bottom: 2px solid var(--ink); padding-bottom: 8px; }
    aside ol { list-style: none; padding: 0; margin: 0; }
    aside li { padding: 12px 0; border-bottom: 1px solid var(--rule); font-size: 16px; line-height: 1.35; }
    aside li a { color: var(--ink); text-decoration: none; font-weight: 600; }
    aside li time { display: block; margin-top: 4px; font: 12px/1 system-ui, sans-serif; color: var(--muted); }
    footer { text-align: center; font: 13px/1.4 system-ui, sans-serif; color: var(--muted); padding: 32px; border-top: 1px solid var(--rule); }
    @media (max-width: 800px) { main { grid-template-columns: 1fr; } }
  </style>
</head>
<body>
  <header class="masthead">
    <div class="name">The Daily Ledger</div>
    <nav><a href="#">World</a><a href="#">Europe</a><a href="#">Politics</a><a href="#">Business</a><a href="#">Opinion</a></nav>
  </header>
  <main>
    <article id="story">
      <div class="kicker">World News</div>
      <h1>${escapeHtml(seed.title)}</h1>
      <p class="standfirst">Presidential elections in France in 2022</p>
      <div class="byline">By our Europe correspondent · <time datetime="${escapeHtml(seed.date ?? '')}">${escapeHtml(longDate(seed.date))}</time></div>
      <div class="story-body">
        ${paragraphs}
      </div>
      ${extraBody}
    </article>
    <aside>
      <h2>More from the archive</h2>
      <ol>
          ${sidebar}
      </ol>
    </aside>
  </main>
  <footer>The Daily Ledger is a demo page for Backstory. The article is the user's own seed article.</footer>
</body>
</html>`;
}
