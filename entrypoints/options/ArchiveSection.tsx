// The archive: what it holds, who wrote it (credits and licenses), and the user's own imports.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import bundledStats from '@archive/stats.json';
import bundledCredits from '@archive/credits.json';
import type { ArchiveCredits, ArchiveStats } from '../../engine/archive/shapes';
import type { SourceProblem } from '../../engine/archive/problems';
import { listImports, removeImport, type ImportedArchiveMeta } from '../../lib/imported-archive';
import { plural } from '../../components/entity-types';
import { Credits } from '../../components/Credits';
import { MATCHER_DATA_VERSION } from '../../engine/matcher';
import type { ImportProgress } from './import-compile';
import type { ImportWorkerMessage } from './import-worker';
import ImportWorker from './import-worker.ts?worker';

const stats = bundledStats as ArchiveStats;
const credits = bundledCredits as ArchiveCredits;

type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; file: string; progress: ImportProgress | null }
  | { phase: 'stored'; meta: ImportedArchiveMeta; articles: number }
  | { phase: 'rejected'; file: string; problems: SourceProblem[]; total: number }
  | { phase: 'failed'; file: string; message: string };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const totalSize = (s: ArchiveStats) => Object.values(s.sizes).reduce((sum, n) => sum + (n ?? 0), 0);

function StatsLine({ s }: { s: ArchiveStats }) {
  const range = s.firstDate && s.lastDate ? `, dated ${s.firstDate} to ${s.lastDate}` : '';
  return (
    <p>
      {plural(s.articles, 'article')}
      {range}; {s.entities.total.toLocaleString('en')} figures and topics known ({s.entities.catalog.toLocaleString('en')} from
      our catalog, {s.entities.discovered.toLocaleString('en')} found in the articles); {plural(s.mentions, 'mention')};{' '}
      {formatBytes(totalSize(s))}.
    </p>
  );
}

export function ArchiveSection() {
  const [imports, setImports] = useState<ImportedArchiveMeta[] | null>(null);
  const [listError, setListError] = useState('');
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = () =>
    listImports()
      .then((list) => {
        setImports(list);
        setListError('');
      })
      .catch((error) => setListError(String(error)));

  useEffect(() => {
    refresh();
    return () => worker.current?.terminate();
  }, []);

  const archiveChanged = async () => {
    await refresh();
    await browser.runtime.sendMessage({ type: 'archive-changed' }).catch(() => {});
  };

  const startImport = (file: File) => {
    worker.current?.terminate();
    const w = new ImportWorker();
    worker.current = w;
    setState({ phase: 'running', file: file.name, progress: null });
    w.onmessage = async (event: MessageEvent<ImportWorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') {
        setState({ phase: 'running', file: file.name, progress: message.progress });
        return;
      }
      w.terminate();
      if (message.kind === 'stored') {
        await archiveChanged();
        setState({ phase: 'stored', meta: message.meta, articles: message.articles });
      } else if (message.kind === 'rejected') {
        setState({ phase: 'rejected', file: file.name, problems: message.problems, total: message.total });
      } else {
        setState({ phase: 'failed', file: file.name, message: message.message });
      }
      if (fileInput.current) fileInput.current.value = '';
    };
    w.onerror = (event) => {
      w.terminate();
      setState({ phase: 'failed', file: file.name, message: event.message || 'the import stopped unexpectedly' });
    };
    w.postMessage({ file });
  };

  const remove = async (meta: ImportedArchiveMeta) => {
    await removeImport(meta.id);
    await archiveChanged();
    if (state.phase === 'stored' && state.meta.id === meta.id) setState({ phase: 'idle' });
  };

  const importedArticles = (imports ?? []).reduce((sum, m) => sum + m.stats.articles, 0);

  return (
    <section class="card-panel archive" aria-labelledby="archive-heading" data-testid="archive-section">
      <h2 id="archive-heading">Archive</h2>
      <p data-testid="archive-total">
        Backstory draws on {plural(stats.articles + importedArticles, 'article')} kept on this device
        {importedArticles > 0 ? ` (${stats.articles.toLocaleString('en')} bundled, ${importedArticles.toLocaleString('en')} imported by you)` : ''}.{' '}
        <a href="/explorer.html">Explore the archive</a>
      </p>

      <h3>Bundled with Backstory</h3>
      <StatsLine s={stats} />
      <Credits credits={credits} />

      <h3>Your imports</h3>
      {listError && <p class="error-text">The imports could not be read: {listError}</p>}
      {imports && imports.length === 0 && <p class="muted">None yet.</p>}
      {imports && imports.length > 0 && (
        <ul class="imports" data-testid="imports">
          {imports.map((meta) => (
            <li key={meta.id} class="import-row">
              <div class="import-head">
                <strong>{meta.name}</strong>
                <span class="muted small"> imported {new Date(meta.importedAt).toLocaleString()}</span>
                <button type="button" class="danger" onClick={() => remove(meta)} aria-label={`Remove the import ${meta.name}`}>
                  Remove
                </button>
              </div>
              {meta.matcherVersion !== MATCHER_DATA_VERSION && (
                <p class="notice error small">
                  Compiled by an older version of Backstory, so it is not in use. Import the file again to use it.
                </p>
              )}
              <StatsLine s={meta.stats} />
              <Credits credits={meta.credits} />
            </li>
          ))}
        </ul>
      )}

      <h3>Import articles</h3>
      <p class="muted small" id="import-help">
        A JSONL file: one article per line with id, title, date, source, url, language, license and text. It is checked line by
        line, compiled on this device and kept here; nothing is uploaded.
      </p>
      <div class="field">
        <label for="import-file">Archive file to import</label>
        <input
          ref={fileInput}
          id="import-file"
          name="importFile"
          type="file"
          accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson,application/json,text/plain"
          aria-describedby="import-help"
          disabled={state.phase === 'running'}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) startImport(file);
          }}
        />
      </div>
      <ImportStatus state={state} />
    </section>
  );
}

const STAGE_LABEL = { parsing: 'Checking lines', compiling: 'Finding figures and topics', storing: 'Saving' } as const;

function ImportStatus({ state }: { state: ImportState }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'running') {
    const p = state.progress;
    // Parsing is measured line by line; the compile step is one block, shown as its share of the bar.
    const value = !p ? 0 : p.stage === 'parsing' ? Math.round((p.done / Math.max(1, p.total)) * 30) : p.stage === 'compiling' ? 35 : 95;
    const label = p ? `${STAGE_LABEL[p.stage]}${p.stage === 'parsing' ? ` (line ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')})` : '…'}` : 'Reading the file…';
    return (
      <div class="import-progress" data-testid="import-progress" aria-live="polite">
        <label for="import-progress-bar">
          Importing {state.file}: {label}
        </label>
        <progress id="import-progress-bar" max={100} value={value}>
          {value}%
        </progress>
      </div>
    );
  }
  if (state.phase === 'stored') {
    return (
      <p class="notice" role="status" data-testid="import-result">
        Imported {state.meta.name}: {plural(state.articles, 'article')}, {plural(state.meta.stats.entities.discovered, 'new name')} found.
      </p>
    );
  }
  if (state.phase === 'rejected') {
    return (
      <div class="notice error" role="alert" data-testid="import-problems">
        <strong>
          {state.file} was not imported: {plural(state.total, 'problem')}. Your archive is unchanged.
        </strong>
        <ul>
          {state.problems.map((p, i) => (
            <li key={i}>
              Line {p.line}: {p.message}
            </li>
          ))}
        </ul>
        {state.total > state.problems.length && <p class="small">…and {state.total - state.problems.length} more.</p>}
      </div>
    );
  }
  return (
    <p class="notice error" role="alert" data-testid="import-problems">
      {state.file} was not imported ({state.message}). Your archive is unchanged.
    </p>
  );
}
