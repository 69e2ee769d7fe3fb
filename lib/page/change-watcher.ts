// Follows the page after the first scan (infinite scroll, live articles, single-page-app navigation) with ONE
// MutationObserver. Records are batched; each batch names the smallest set of regions to rescan.
import { blockOf, isBlock } from './text-collector';

export const BATCH_DELAY_MS = 150;

export interface ChangeBatch {
  /** connected regions whose text changed or was added, none inside another */
  roots: Node[];
  /** nodes were removed somewhere (stored mentions may be stale) */
  removed: boolean;
  /** location.href changed since the last batch (SPA navigation) */
  navigated: boolean;
}

export class ChangeWatcher {
  private observer: MutationObserver;
  private pending = new Set<Node>();
  private removed = false;
  private timer = 0;
  private href = location.href;

  constructor(
    private onBatch: (batch: ChangeBatch) => void,
    private ignore: (node: Node) => boolean,
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  start(): void {
    if (document.body) this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    window.addEventListener('popstate', this.onPopState);
  }

  stop(): void {
    this.observer.disconnect();
    window.removeEventListener('popstate', this.onPopState);
    clearTimeout(this.timer);
    this.timer = 0;
    this.pending.clear();
  }

  private onPopState = () => this.schedule();

  private collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        const block = blockOf(r.target);
        if (block) this.pending.add(block);
        continue;
      }
      if (r.removedNodes.length) this.removed = true;
      for (const node of r.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && isBlock(node as Element)) this.pending.add(node);
        else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) {
          // inline content joins the text around it: rescan its block
          const block = blockOf(r.target);
          if (block) this.pending.add(block);
        }
      }
    }
    this.schedule();
  }

  private schedule(): void {
    // not debounced: a page that changes constantly is still followed, at most every BATCH_DELAY_MS
    if (!this.timer) this.timer = window.setTimeout(() => this.flush(), BATCH_DELAY_MS);
  }

  private flush(): void {
    this.timer = 0;
    const navigated = location.href !== this.href;
    this.href = location.href;
    const candidates = [...this.pending].filter((n) => n.isConnected && !this.ignore(n));
    this.pending.clear();
    const removed = this.removed;
    this.removed = false;
    // keep only outermost regions
    const roots = candidates.filter((n) => !candidates.some((other) => other !== n && other.contains(n)));
    if (roots.length || removed || navigated) this.onBatch({ roots, removed, navigated });
  }
}
