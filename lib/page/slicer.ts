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
  /** main-thread time by phase of the work (see setPhase), for the benchmark */
  readonly phases: Record<string, number> = {};
  private sliceStart = performance.now();
  private phase = 'other';
  private phaseStart = this.sliceStart;

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  /** Starts timing a slice (call when work resumes). */
  begin(): void {
    this.sliceStart = this.phaseStart = performance.now();
  }

  /** What the work from now on is (time until the next call is charged to it). */
  setPhase(name: string): void {
    this.charge(performance.now());
    this.phase = name;
  }

  private charge(now: number): void {
    this.phases[this.phase] = (this.phases[this.phase] ?? 0) + (now - this.phaseStart);
    this.phaseStart = now;
  }

  /** True when the current slice has used its budget. */
  get expired(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Ends the current slice. */
  end(): void {
    const now = performance.now();
    this.charge(now);
    const took = now - this.sliceStart;
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

  /** Ends the slice while waiting for work done elsewhere (the background worker), then starts the next one. */
  async wait<T>(work: Promise<T>): Promise<T> {
    this.end();
    try {
      return await work;
    } finally {
      this.begin();
    }
  }

  /** Pauses only if the budget is used up. */
  async maybePause(): Promise<void> {
    if (this.expired) await this.pause();
  }
}
