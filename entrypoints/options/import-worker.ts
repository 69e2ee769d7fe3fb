// Runs an import off the options page's main thread: reads the file, compiles it (import-compile.ts) and stores
// it (lib/imported-archive.ts, one transaction). Talks to the page with ImportWorkerMessage posts.
import { compileImport, type ImportProgress } from './import-compile';
import { saveImport, type ImportedArchiveMeta } from '../../lib/imported-archive';
import type { SourceProblem } from '../../engine/archive/problems';

export type ImportWorkerMessage =
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'rejected'; problems: SourceProblem[]; total: number }
  | { kind: 'stored'; meta: ImportedArchiveMeta; articles: number }
  | { kind: 'failed'; message: string };

/** Problems beyond this many are counted, not listed. */
const MAX_PROBLEMS_SHOWN = 200;

// The catalog the bundled archive was compiled from, as raw text (bundled into this worker only).
const catalogFiles = Object.entries(
  import.meta.glob('../../data/catalog/*.jsonl', { query: '?raw', import: 'default', eager: true }) as Record<string, string>,
).map(([name, text]) => ({ name: name.replace(/^.*\/data\//, 'data/'), text }));

const post = (message: ImportWorkerMessage) => (self as unknown as Worker).postMessage(message);
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

self.addEventListener('message', async (event: MessageEvent<{ file: File }>) => {
  try {
    const { file } = event.data;
    const text = await file.text();
    const result = await compileImport({ name: file.name, text }, catalogFiles, async (progress) => {
      post({ kind: 'progress', progress });
      await nextTask(); // let each progress post go out before the next batch
    });
    if (!result.ok) {
      post({ kind: 'rejected', problems: result.problems.slice(0, MAX_PROBLEMS_SHOWN), total: result.problems.length });
      return;
    }
    post({ kind: 'progress', progress: { stage: 'storing', done: 0, total: 0 } });
    const meta = await saveImport(file.name, result.output);
    post({ kind: 'stored', meta, articles: result.articles });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
