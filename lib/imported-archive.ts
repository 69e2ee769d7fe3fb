// The user's imported archives, kept in IndexedDB (shared by the options page, the explorer and the background
// worker: one extension origin). Each import is split over four stores so the background can read the matcher
// without loading every article text. A new import is written in ONE transaction: if anything fails, IndexedDB
// rolls the whole write back and the previous imports stay as they were.
import type { ArchiveArticles, ArchiveCredits, ArchiveDetails, ArchiveOutput, ArchiveStats } from '../engine/archive/shapes';
import type { MatcherData } from '../engine/matcher';

const DB_NAME = 'backstory-archive';
const DB_VERSION = 1;
const META = 'imports';
const PARTS = ['matcher', 'details', 'articles'] as const;
type PartName = (typeof PARTS)[number];

export interface ImportedArchiveMeta {
  id: string;
  name: string; // the file name the user picked
  importedAt: string; // ISO timestamp
  stats: ArchiveStats;
  credits: ArchiveCredits;
  matcherVersion?: number; // MATCHER_DATA_VERSION it was compiled with; other versions are not used
}

export interface ImportParts {
  matcher: MatcherData;
  details: ArchiveDetails;
  articles: ArchiveArticles;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'id' });
      for (const part of PARTS) if (!db.objectStoreNames.contains(part)) db.createObjectStore(part);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('cannot open the archive database'));
    request.onblocked = () => reject(new Error('the archive database is busy in another page'));
  });
}

/** Runs `work` in one transaction; resolves with its result once the transaction has committed. */
async function inTransaction<T>(mode: IDBTransactionMode, work: (tx: IDBTransaction) => T | Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction([META, ...PARTS], mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('the archive database transaction was aborted'));
      tx.onerror = () => reject(tx.error ?? new Error('the archive database transaction failed'));
    });
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already finished
      }
      done.catch(() => {});
      throw error;
    }
    await done;
    return result;
  } finally {
    db.close();
  }
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function newId(): string {
  return `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Stores a compiled import. Imports with the same file name are replaced, in the same transaction (so re-importing
 * an updated file never leaves two copies, and a failure leaves the old copy in place).
 */
export async function saveImport(name: string, output: ArchiveOutput): Promise<ImportedArchiveMeta> {
  const meta: ImportedArchiveMeta = {
    id: newId(),
    name,
    importedAt: new Date().toISOString(),
    stats: output.stats,
    credits: output.credits,
    matcherVersion: output.matcher.version,
  };
  return inTransaction('readwrite', async (tx) => {
    const metaStore = tx.objectStore(META);
    const existing = (await requestResult(metaStore.getAll())) as ImportedArchiveMeta[];
    for (const old of existing.filter((m) => m.name === name)) {
      metaStore.delete(old.id);
      for (const part of PARTS) tx.objectStore(part).delete(old.id);
    }
    metaStore.put(meta);
    tx.objectStore('matcher').put(output.matcher, meta.id);
    tx.objectStore('details').put(output.details, meta.id);
    tx.objectStore('articles').put(output.articles, meta.id);
    return meta;
  });
}

/** Every import, oldest first. */
export async function listImports(): Promise<ImportedArchiveMeta[]> {
  const all = await inTransaction('readonly', (tx) => requestResult(tx.objectStore(META).getAll()));
  return (all as ImportedArchiveMeta[]).sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0));
}

export async function removeImport(id: string): Promise<void> {
  await inTransaction('readwrite', (tx) => {
    tx.objectStore(META).delete(id);
    for (const part of PARTS) tx.objectStore(part).delete(id);
  });
}

/** One part of every import, oldest import first. */
export async function readImportPart<K extends PartName>(part: K): Promise<{ meta: ImportedArchiveMeta; data: ImportParts[K] }[]> {
  return inTransaction('readonly', async (tx) => {
    const metas = ((await requestResult(tx.objectStore(META).getAll())) as ImportedArchiveMeta[]).sort((a, b) =>
      a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0,
    );
    const store = tx.objectStore(part);
    const rows = await Promise.all(metas.map((meta) => requestResult(store.get(meta.id))));
    return metas
      .map((meta, i) => ({ meta, data: rows[i] as ImportParts[K] }))
      .filter((row) => row.data !== undefined);
  });
}
