// One page's Backstory: scan, marks, card, pointer and keyboard behaviour, change tracking, and the answers to the
// popup. Created when the extension is active on the page, stopped (leaving no trace) when the site is turned off.
import type { MatcherEntity } from '../../engine/matcher';
import { siteOf, type Settings } from '../../engine/settings';
import type { EntityType } from '../../engine/types';
import { summarize } from '../../engine/summary';
import type { AnnotateReply, EntityDetailsReply, PageEntity, PageSummaryReply, ResolvedDetails, RevealEntityReply } from '../messages';
import { createPageUiHost, type PageUiHost } from '../page-ui-host';
import { CardController, mentionRect, type CardTarget } from './card-controller';
import { ChangeWatcher, type ChangeBatch } from './change-watcher';
import { Highlighter } from './highlighter';
import { HoverController } from './hover';
import { attachKeyboard, KEYBOARD_HELP } from './keyboard';
import { mainFromParagraphs, markedArticleBody } from './main-content';
import { MentionStore, type PageMention } from './mention-store';
import { firstIndexWhere, readRun, runText, scanRegion, splitRun, type PageReader } from './scanner';
import { TimeSlicer } from './slicer';
import { collectText, isReadable, NOTHING_EXCLUDED, type TextRun } from './text-collector';

export interface SessionDeps {
  /** the engine's reading of a text (done by the background worker) */
  annotate(text: string): Promise<AnnotateReply>;
  css: string;
  requestDetails(ids: string[]): Promise<EntityDetailsReply>;
  explorerUrl(articleId: string): string;
}

/** Names read before a rescanned region so its surnames link as in the article. */
const MAX_CONTEXT_NAMES = 60;
/** When to look again at a page that was hidden on the first scan (ms after the previous look). */
const HIDDEN_RETRIES = [500, 1000, 2000, 4000, 8000];

/** Some pages hide their whole body until their scripts run. */
const bodyHidden = () =>
  document.body?.checkVisibility?.({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions) === false;
/** Above this many changed regions in one batch, the whole page is read again. */
const MAX_BATCH_ROOTS = 300;

export class PageSession {
  readonly store = new MentionStore();
  private ui: PageUiHost | null = null;
  private highlighter: Highlighter;
  private card: CardController | null = null;
  private hover: HoverController | null = null;
  private detachKeyboard: (() => void) | null = null;
  private watcher: ChangeWatcher;
  private details = new Map<string, ResolvedDetails>();
  /** the entities met on this page (mentions and cards refer to them by index) */
  private entities: MatcherEntity[] = [];
  private entityIndex = new Map<string, number>();
  private reader: PageReader = {
    annotate: (text) => this.deps.annotate(text),
    register: (entity) => this.register(entity),
  };
  private requested = new Set<string>();
  private main: Element | null = null;
  private mainText = '';
  private flatMainText: string | null = null; // mainText with whitespace collapsed, made on demand
  private scanning: Promise<void> = Promise.resolve();
  private stopped = false;
  private scannedHidden = false; // the last full scan found the body hidden (an anti-flicker style): try again later
  private cardByKeyboard = false;
  private cardWarmed = false;
  private abort = new AbortController();
  private darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  /** figures for the benchmark and tests */
  private metrics = { scans: 0, busyMs: 0, longestSliceMs: 0, firstScanMs: 0, textNodes: 0, chars: 0, errors: 0, phases: {} as Record<string, number> };

  constructor(
    private settings: Settings,
    private deps: SessionDeps,
  ) {
    this.highlighter = new Highlighter(settings.highlightStyle);
    this.watcher = new ChangeWatcher(
      (batch) => this.enqueue(() => this.rescan(batch)),
      (node) => !isReadable(node, this.ui?.host ?? null),
    );
  }

  async start(): Promise<void> {
    this.highlighter.install();
    // Changes made while the first scan runs are queued behind it.
    this.watcher.start();
    await afterNextPaint(); // layout is then up to date: reading visibility costs no forced layout
    await this.enqueue(() => this.fullScan());
    if (this.stopped) return;
    this.mountUi();
    this.retryIfHidden(0);
  }

  /** The page's index for an entity (the first reply that names it adds it). */
  private register(entity: MatcherEntity): number {
    let index = this.entityIndex.get(entity.id);
    if (index === undefined) {
      index = this.entities.push(entity) - 1;
      this.entityIndex.set(entity.id, index);
    }
    return index;
  }

  /** Some pages hide their body until their scripts run (anti-flicker styles): read them again once shown. */
  private retryIfHidden(attempt: number): void {
    if (attempt >= HIDDEN_RETRIES.length || !this.scannedHidden || (document.body?.textContent?.length ?? 0) < 500) return;
    window.setTimeout(() => {
      if (this.stopped) return;
      if (!bodyHidden()) void this.enqueue(() => this.fullScan());
      this.retryIfHidden(attempt + 1);
    }, HIDDEN_RETRIES[attempt]);
  }

  stop(): void {
    this.stopped = true;
    this.watcher.stop();
    this.hover?.detach();
    this.detachKeyboard?.();
    this.abort.abort();
    this.card?.close();
    this.highlighter.uninstall();
    this.ui?.remove();
    this.ui = null;
    this.store.clear();
  }

  applySettings(settings: Settings): void {
    const repaint = settings.types.join() !== this.settings.types.join() || settings.firstMentionOnly !== this.settings.firstMentionOnly;
    this.settings = settings;
    this.highlighter.setStyle(settings.highlightStyle);
    if (this.hover) {
      this.hover.delayMs = settings.showDelayMs;
      this.hover.modifier = settings.modifierKey;
    }
    if (repaint) {
      this.paint();
      if (this.card?.current?.mention && !this.card.current.mention.marked) this.card.close();
    }
    this.updateRoot();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Scanning

  /** Scans run one after another (a change batch waits for the scan before it). */
  private enqueue(job: () => Promise<void>): Promise<void> {
    this.scanning = this.scanning
      .then(() => (this.stopped ? undefined : job()))
      .catch((error) => {
        this.metrics.errors++;
        console.warn('Backstory: scan failed', error);
      });
    return this.scanning;
  }

  private async fullScan(): Promise<void> {
    this.scannedHidden = bodyHidden();
    const slicer = new TimeSlicer();
    const t0 = performance.now();
    slicer.begin();
    this.store.clear();
    this.main = null;
    this.mainText = '';
    const body = document.body;
    if (body) {
      // One walk reads the page and counts its paragraphs' text; the article is then read first, and the rest after
      // it with the article's names as context.
      slicer.setPhase('main-content');
      const marked = markedArticleBody();
      const paragraphs = marked ? undefined : new Map<Element, number>();
      slicer.setPhase('collect');
      const run = await collectText(body, NOTHING_EXCLUDED, slicer, paragraphs);
      this.count(run);
      slicer.setPhase('main-content');
      const main = marked ?? mainFromParagraphs(paragraphs!);
      let parts = main?.isConnected ? splitRun(run, main) : null;
      // (an article the walk does not read, in a hidden part or an editor, is no article)
      if (parts && parts.main.textNodes === 0) parts = null;
      this.main = parts ? main : null;
      if (parts) {
        this.store.insertBlock(await readRun(this.reader, parts.main, slicer, { inMain: true }));
        this.mainText = runText(parts.main);
      }
      // (when the article is the whole body, there is no rest: splitRun leaves it empty)
      const rest = parts?.rest ?? run;
      this.insertAroundMain(await readRun(this.reader, rest, slicer, { inMain: false, context: this.contextNames() }));
      if (!parts) this.mainText = runText(rest);
    }
    this.finishScan(slicer, t0, 'backstory:scan');
    if (this.metrics.scans === 1) this.metrics.firstScanMs = performance.now() - t0;
  }

  /** The rest of the page's mentions lie before and after the article: two contiguous blocks. */
  private insertAroundMain(mentions: PageMention[]): void {
    const main = this.main;
    if (!main || mentions.length === 0) {
      this.store.insertBlock(mentions);
      return;
    }
    // (in document order: the first one after the article)
    const split = firstIndexWhere(mentions.length, (i) => !!(main.compareDocumentPosition(mentions[i].startNode) & Node.DOCUMENT_POSITION_FOLLOWING));
    this.store.insertBlock(mentions.slice(0, split));
    this.store.insertBlock(mentions.slice(split));
  }

  private async rescan(batch: ChangeBatch): Promise<void> {
    if (batch.navigated || batch.roots.length > MAX_BATCH_ROOTS || (this.main && !this.main.isConnected)) {
      this.card?.close();
      return this.fullScan();
    }
    const slicer = new TimeSlicer();
    const t0 = performance.now();
    slicer.begin();
    // Mentions whose text left the page, or that lie in a region read again, go first.
    const roots = batch.roots;
    const rootSet = new Set<Node>(roots);
    const inRoot = (node: Node) => {
      for (let n: Node | null = node; n; n = n.parentNode) if (rootSet.has(n)) return true;
      return false;
    };
    const dropped = this.store.removeWhere((m) => !m.startNode.isConnected || !m.endNode.isConnected || inRoot(m.startNode));
    if (roots.length === 0 && dropped === 0) return; // the page removed something that held none of our marks
    const context = this.contextNames();
    for (const root of roots) {
      if (!root.isConnected) continue;
      const inMain = !!this.main?.contains(root);
      const region = await scanRegion(this.reader, root, new Set(), slicer, { inMain, context });
      this.count(region.run);
      // the region may have been removed while we read it
      this.store.insertBlock(region.mentions.filter((m) => m.startNode.isConnected));
      if (inMain && region.mentions.length) this.mainText += '\n\n' + runText(region.run);
    }
    this.finishScan(slicer, t0, 'backstory:rescan');
    const open = this.card?.current?.mention;
    if (open && !open.startNode.isConnected) this.card?.close();
  }

  private count(run: TextRun): void {
    this.metrics.textNodes += run.textNodes;
    this.metrics.chars += run.chars;
  }

  private contextNames(): string[] {
    const entities = this.entities;
    const names = new Set<string>();
    for (const m of this.store.all) {
      if (m.inMain) names.add(entities[m.entity].name);
      if (names.size >= MAX_CONTEXT_NAMES) break;
    }
    return [...names];
  }

  /** Marks what the scan found and ends its last slice (painting is part of the scan's cost). */
  private finishScan(slicer: TimeSlicer, t0: number, name: string): void {
    slicer.setPhase('paint');
    this.paint();
    slicer.end();
    this.flatMainText = null;
    this.metrics.scans++;
    this.metrics.busyMs += slicer.busyMs;
    this.metrics.longestSliceMs = Math.max(this.metrics.longestSliceMs, slicer.longestSliceMs);
    for (const [phase, ms] of Object.entries(slicer.phases)) this.metrics.phases[phase] = (this.metrics.phases[phase] ?? 0) + ms;
    try {
      performance.measure(name, { start: t0, end: performance.now() });
    } catch {
      // an old browser without measure options: the figures are on the root anyway
    }
    this.updateRoot();
    void this.fetchDetails();
  }

  /** Which mentions are marked: their type is on and, with firstMentionOnly, they come first for their entity. */
  private paint(): void {
    const types = new Set<EntityType>(this.settings.types);
    const entities = this.entities;
    const seen = new Set<number>();
    const marks: { range: AbstractRange; type: EntityType }[] = [];
    for (const m of this.store.all) {
      const type = entities[m.entity].type;
      m.marked = types.has(type) && !(this.settings.firstMentionOnly && seen.has(m.entity));
      seen.add(m.entity);
      if (m.marked) marks.push({ range: m.range, type });
    }
    this.highlighter.paint(marks);
  }

  private async fetchDetails(): Promise<void> {
    const entities = this.entities;
    const ids = [...new Set(this.store.all.map((m) => entities[m.entity].id))].filter((id) => !this.requested.has(id));
    if (ids.length === 0) return;
    for (const id of ids) this.requested.add(id);
    await this.loadDetails(ids);
  }

  private async loadDetails(ids: string[]): Promise<void> {
    try {
      const reply = await this.deps.requestDetails(ids);
      for (const entity of Object.values(reply.entities)) this.register(entity);
      for (const [id, d] of Object.entries(reply.details)) this.details.set(id, d);
      if (this.ui) this.ui.root.dataset.details = String(this.details.size);
      this.card?.refresh();
    } catch (error) {
      for (const id of ids) this.requested.delete(id); // try again after the next scan
      console.warn('Backstory: entity details unavailable', error);
    }
  }

  /**
   * Once per page, when the pointer first comes to rest on a mention: a card rendered out of sight during the show
   * delay, so that the first card the reader sees is quick. (Not after every scan: most pages are never hovered.)
   */
  private warmUpCard(entity: number): void {
    const card = this.card;
    if (this.cardWarmed || !card || !this.details.has(this.entities[entity].id)) return;
    this.cardWarmed = true;
    void card.warmUp(entity).catch(() => undefined);
  }

  // -------------------------------------------------------------------------------------------------------------
  // UI

  private mountUi(): void {
    const ui = createPageUiHost(this.deps.css);
    this.ui = ui;
    ui.root.dataset.status = 'ready';
    ui.root.dataset.keys = KEYBOARD_HELP;
    const card = new CardController(ui.root, {
      entities: () => this.entities,
      details: (id) => this.cardDetails(id),
      mentionsOf: (entity) => this.markedMentionsOf(entity),
      explorerUrl: this.deps.explorerUrl,
      onStep: (entity, from, step) => this.stepEntity(entity, from, step),
      onEntity: (id) => void this.openEntity(id),
      onChange: (target) => this.onCardChange(target),
      onPointerInside: (inside) => this.hover?.pointerInCard(inside),
    });
    this.card = card;
    const hover = new HoverController({
      store: this.store,
      open: (mention, box) => {
        this.cardByKeyboard = false;
        card.open({ entity: mention.entity, mention, anchor: box, focus: false });
      },
      close: () => card.close(),
      hoverCard: () => (card.isOpen && !card.pinned && !this.cardByKeyboard ? card.current?.mention ?? null : null),
      isOverUi: (target) => target === ui.host,
      arrived: (mention) => this.warmUpCard(mention.entity),
    });
    hover.delayMs = this.settings.showDelayMs;
    hover.modifier = this.settings.modifierKey;
    hover.attach();
    this.hover = hover;
    this.detachKeyboard = attachKeyboard({
      step: (direction) => this.stepPage(direction),
      escape: () => {
        if (!card.isOpen) return false;
        card.close();
        return true;
      },
      isInUi: (target) => target === ui.host,
    });
    const follow = () => card.follow();
    window.addEventListener('scroll', follow, { capture: true, passive: true, signal: this.abort.signal });
    window.addEventListener('resize', follow, { passive: true, signal: this.abort.signal });
    this.darkQuery.addEventListener('change', () => this.updateRoot(), { signal: this.abort.signal });
    this.updateRoot();
  }

  private onCardChange(target: CardTarget | null): void {
    this.highlighter.setActive(target?.mention?.range ?? null);
    if (!target) this.cardByKeyboard = false;
    if (!this.ui) return;
    const root = this.ui.root;
    root.dataset.card = target ? 'open' : 'closed';
    if (target) root.dataset.cardEntity = this.entities[target.entity]?.id ?? '';
    else delete root.dataset.cardEntity;
  }

  private updateRoot(): void {
    if (!this.ui) return;
    const root = this.ui.root;
    const entities = this.entities;
    const marked = this.store.all.filter((m) => m.marked);
    const ids = [...new Set(marked.map((m) => entities[m.entity].id))];
    const theme = this.settings.theme === 'auto' ? (this.darkQuery.matches ? 'dark' : 'light') : this.settings.theme;
    Object.assign(root.dataset, {
      status: 'ready',
      highlightStyle: this.settings.highlightStyle,
      theme,
      mentions: String(marked.length),
      entities: String(ids.length),
      marked: JSON.stringify(ids),
      scans: String(this.metrics.scans),
      busyMs: this.metrics.busyMs.toFixed(2),
      longestSliceMs: this.metrics.longestSliceMs.toFixed(2),
      firstScanMs: this.metrics.firstScanMs.toFixed(2),
      textNodes: String(this.metrics.textNodes),
      chars: String(this.metrics.chars),
      errors: String(this.metrics.errors),
      phases: JSON.stringify(this.metrics.phases, (_key, value) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value)),
    });
  }

  /** An entity's details for its card, without background sentences the reader has in front of them. */
  private cardDetails(id: string): ResolvedDetails | null {
    const d = this.details.get(id);
    if (!d) return null;
    const onPage = (this.flatMainText ??= this.mainText.replace(/\s+/g, ' '));
    const background = d.background.filter((b) => !onPage.includes(b.text.replace(/\s+/g, ' ')));
    return background.length === d.background.length ? d : { ...d, background };
  }

  private markedMentionsOf(entity: number): PageMention[] {
    return this.store.all.filter((m) => m.marked && m.entity === entity);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Navigation

  /** Keyboard: the next / previous marked mention after the open card's (or from the top of the viewport). */
  private stepPage(direction: 1 | -1): void {
    const list = this.store.all.filter((m) => m.marked);
    if (list.length === 0) return;
    const current = this.card?.current?.mention;
    let index = current ? list.indexOf(current) : -1;
    if (index >= 0) index += direction;
    else {
      // first mention below the top of the viewport (or last above its bottom, going back)
      const rects = list.map((m) => mentionRect(m));
      if (direction === 1) index = rects.findIndex((r) => r !== null && r.bottom > 0);
      else index = rects.findLastIndex((r) => r !== null && r.top < window.innerHeight);
      if (index < 0) index = direction === 1 ? 0 : list.length - 1;
    }
    index = (index + list.length) % list.length;
    this.showMention(list[index], true);
  }

  /** The card's previous / next buttons: the entity's neighbouring mention. */
  private stepEntity(entity: number, from: PageMention | null, step: 1 | -1): void {
    const list = this.markedMentionsOf(entity);
    if (list.length === 0) return;
    const index = from ? list.indexOf(from) : -1;
    const next = list[(index + step + list.length) % list.length];
    this.showMention(next, this.cardByKeyboard);
  }

  /** Scrolls a mention into view and opens its card there. */
  showMention(m: PageMention, focus: boolean): void {
    scrollToMention(m);
    const rect = mentionRect(m);
    this.cardByKeyboard = focus || this.cardByKeyboard;
    const pinned = this.card?.pinned ?? false;
    this.card?.open({ entity: m.entity, mention: m, anchor: rect, focus });
    if (pinned && this.card && !this.card.pinned) this.card.togglePin();
  }

  /** A "mentioned with" chip: that entity's first mention on the page, or its card in place of this one. */
  private async openEntity(id: string): Promise<void> {
    if (!this.details.has(id) && !this.requested.has(id)) {
      this.requested.add(id);
      const loading = this.loadDetails([id]);
      if (!this.entityIndex.has(id)) await loading; // an entity this page does not mention: its record comes with them
    }
    const index = this.entityIndex.get(id);
    if (index === undefined || !this.card) return;
    const onPage = this.markedMentionsOf(index);
    if (onPage.length) {
      this.showMention(onPage[0], this.cardByKeyboard);
      return;
    }
    this.card.open({ entity: index, mention: null, anchor: null, focus: this.cardByKeyboard });
  }

  // -------------------------------------------------------------------------------------------------------------
  // The popup's questions

  async summary(): Promise<PageSummaryReply> {
    await this.scanning;
    const entities = this.entities;
    const counts = new Map<number, { main: number; all: number; first: number }>();
    this.store.all.forEach((m, i) => {
      if (!m.marked) return;
      const c = counts.get(m.entity) ?? { main: 0, all: 0, first: i };
      c.all++;
      if (m.inMain) c.main++;
      counts.set(m.entity, c);
    });
    // prominence on the page: mentions in the article first, then anywhere, then who comes first
    const ranked = [...counts.entries()].sort(([, a], [, b]) => b.main - a.main || b.all - a.all || a.first - b.first);
    const list: PageEntity[] = ranked.map(([index, c]) => {
      const e = entities[index];
      return { id: e.id, name: e.name, type: e.type, description: e.description, mentions: c.all };
    });
    return { status: 'ready', site: siteOf(location.href), entities: list, summary: summarize(this.mainText) };
  }

  async reveal(id: string): Promise<RevealEntityReply> {
    await this.scanning;
    const index = this.entityIndex.get(id);
    const first = index === undefined ? undefined : this.markedMentionsOf(index)[0];
    if (!first) return { found: false };
    this.cardByKeyboard = true; // opened without the pointer: it stays until closed
    this.showMention(first, false);
    this.highlighter.flash(first.range);
    return { found: true };
  }
}

function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Brings a mention into view: its scroll containers first, then the window, leaving it in the upper third. */
function scrollToMention(m: PageMention): void {
  const el = m.startNode.parentElement;
  if (!el) return;
  let rect = mentionRect(m);
  if (rect && rect.top >= 40 && rect.bottom <= window.innerHeight - 40) return;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
  rect = mentionRect(m);
  if (rect && (rect.top < 40 || rect.bottom > window.innerHeight - 40)) {
    window.scrollBy({ top: rect.top - window.innerHeight * 0.35, behavior: 'instant' as ScrollBehavior });
  }
}

