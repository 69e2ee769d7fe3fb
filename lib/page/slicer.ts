// Cooperative time slicing: long page work runs in slices of at most ~8 ms and yields to the browser between
// them, so that no long task (> 50 ms) is ours. It also keeps the figures the benchmark reads.

export const SLICE_BUDGET_MS = 8;

type SchedulerWithYield = { yield?: () => Promise<void> };

function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class TimeSlicer {
  /** main-thread time spent in slices so far */
  busyMs = 0;
  /** longest single slice */
  longestSliceMs = 0;
  slices = 0;
  private sliceStart = performance.now();

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  /** Starts timing a slice (call when work resumes). */
  begin(): void {
    this.sliceStart = performance.now();
  }

  /** True when the current slice has used its budget. */
  get expired(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Ends the current slice. */
  end(): void {
    const took = performance.now() - this.sliceStart;
    this.busyMs += took;
    if (took > this.longestSliceMs) this.longestSliceMs = took;
    this.slices++;
  }

  /** Ends the slice, lets the browser run, starts the next slice. */
  async pause(): Promise<void> {
    this.end();
    await yieldToBrowser();
    this.begin();
  }

  /** Pauses only if the budget is used up. */
  async maybePause(): Promise<void> {
    if (this.expired) await this.pause();
  }
}
