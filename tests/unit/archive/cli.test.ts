// `backstory archive build|stats`: writes the five files, reports bad input as file:line and then leaves the
// previous output exactly as it was.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import archive from '../../../scripts/commands/archive';

const FIXTURES = fileURLToPath(new URL('../../fixtures/archive/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'backstory-archive-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs the command, returning its exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts) => void err.push(parts.join(' ')));
  const code = await archive.run(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

describe('backstory archive', () => {
  const out = join(work, 'archive');

  it('builds the six files and prints a summary', async () => {
    const external = join(FIXTURES, 'external.jsonl');
    const result = await run(['build', '--data', FIXTURES, '--add', external, '--out', out]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['articles.json', 'credits.json', 'details.json', 'matcher-index.bin', 'matcher.json', 'stats.json']);
    expect(result.out).toContain('articles:  6 (5 dated, 2019-03-01 to 2024-06-01)');
    expect(result.out).toContain('7 from the catalog, 3 discovered (person 1, organization 1, place 1)');
    expect(JSON.parse(readFileSync(join(out, 'articles.json'), 'utf8')).articles).toHaveLength(6);
    // Only the output directory is left beside it: no temporary or old copies.
    expect(readdirSync(work)).toEqual(['archive']);
  });

  it('shows the stats of a built archive, with its discovered figures', async () => {
    const result = await run(['stats', '--archive', out]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('entities:  10 (person 4, organization 3, place 3, event 0, topic 0)');
    expect(result.out).toMatch(/Tomas Verhoeven \(person\): 3 articles, 6 mentions/);
    expect(result.out).toMatch(/matcher\.json\s+\d/);
  });

  it('lists every problem in bad sources and leaves the previous output untouched', async () => {
    const before = snapshot(out);
    const bad = join(work, 'bad-data');
    mkdirSync(join(bad, 'catalog'), { recursive: true });
    cpSync(join(FIXTURES, 'articles'), join(bad, 'articles'), { recursive: true });
    cpSync(join(FIXTURES, 'bad/catalog.jsonl'), join(bad, 'catalog/people.jsonl'));
    const result = await run(['build', '--data', bad, '--add', join(FIXTURES, 'bad/articles.jsonl'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/catalog\/people\.jsonl:3: field "aliases" must be an array of strings/);
    expect(result.err).toMatch(/bad\/articles\.jsonl:3: field "date" must be a real day/);
    expect(result.err.split('\n').filter((line) => /\.jsonl:\d+: /.test(line))).toHaveLength(15);
    expect(snapshot(out)).toEqual(before);
    rmSync(bad, { recursive: true });
    expect(readdirSync(work)).toEqual(['archive']);
  });

  it('rejects unknown options and reports a missing archive', async () => {
    await expect(run(['build', '--bogus', 'x'])).rejects.toThrow(/unknown option --bogus/);
    const result = await run(['stats', '--archive', join(work, 'nothing-here')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no archive at/);
  });
});
