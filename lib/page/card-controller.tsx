// Shows one card at a time in our shadow root, placed beside its mention with floating-ui (flips and shifts at the
// viewport's edges, never over the word), and follows it on scroll; closes when the mention scrolls away.
import { render } from 'preact';
import { computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { Card } from '../../components/card/Card';
import type { MatcherEntity } from '../../engine/matcher';
import type { ResolvedDetails } from '../messages';
import type { PageMention } from './mention-store';
import { liveRange } from './hit-test';

export interface CardTarget {
  entity: number;
  mention: PageMention | null;
  /** where the card points; when null the previous anchor is kept (e.g. a "mentioned with" chip) */
  anchor: DOMRect | null;
  /** opened from the keyboard: focus moves into the card and returns on close */
  focus: boolean;
}

export interface CardDeps {
  entities: () => MatcherEntity[];
  details: (id: string) => ResolvedDetails | null;
  /** mentions of an entity on the page, in order (marked ones) */
  mentionsOf: (entity: number) => PageMention[];
  explorerUrl: (articleId: string) => string;
  onStep: (entity: number, from: PageMention | null, step: 1 | -1) => void;
  onEntity: (id: string) => void;
  onChange: (target: CardTarget | null) => void;
  onPointerInside: (inside: boolean) => void;
}

const isVisibleRect = (r: DOMRect) =>
  r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth && (r.width > 0 || r.height > 0);

export class CardController {
  private container: HTMLDivElement;
  private target: CardTarget | null = null;
  private anchor: DOMRect | null = null;
  private previousFocus: Element | null = null;
  private frame = 0;
  pinned = false;

  constructor(
    root: HTMLElement,
    private deps: CardDeps,
  ) {
    this.container = document.createElement('div');
    this.container.className = 'card-layer';
    this.container.addEventListener('pointerenter', () => deps.onPointerInside(true));
    this.container.addEventListener('pointerleave', () => deps.onPointerInside(false));
    root.append(this.container);
  }

  get current(): CardTarget | null {
    return this.target;
  }

  get isOpen(): boolean {
    return this.target !== null;
  }

  /** Whether an event target is inside the card. */
  contains(node: EventTarget | null): boolean {
    return node instanceof Node && this.container.contains(node);
  }

  open(target: CardTarget): void {
    const wasOpen = this.isOpen;
    if (target.focus && !this.previousFocus) {
      const active = document.activeElement;
      this.previousFocus = active && active !== document.body && !this.contains(active) && active.localName !== 'backstory-ui' ? active : null;
    }
    this.target = target;
    if (target.anchor) this.anchor = target.anchor;
    if (!wasOpen) this.pinned = false;
    this.render();
    this.deps.onChange(target);
    void this.position().then(() => {
      if (target.focus && this.target === target) this.cardElement()?.focus({ preventScroll: true });
    });
  }

  close(): void {
    if (!this.target) return;
    const focused = (this.container.getRootNode() as ShadowRoot | Document).activeElement;
    const hadFocus = !!focused && this.container.contains(focused);
    this.target = null;
    this.pinned = false;
    cancelAnimationFrame(this.frame);
    render(null, this.container);
    this.deps.onChange(null);
    // Focus goes back where it was before the card took it (or simply leaves our UI).
    const back = this.previousFocus as HTMLElement | null;
    this.previousFocus = null;
    if (back?.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
    else if (hadFocus) (document.activeElement as HTMLElement | null)?.blur?.();
  }

  togglePin(): void {
    this.pinned = !this.pinned;
    this.render();
  }

  /** Re-renders with fresh details (they may arrive after the card opened). */
  refresh(): void {
    if (this.target) this.render();
  }

  /** Follows the mention after a scroll or resize; closes the card when its mention has left the viewport. */
  follow(): void {
    if (!this.target) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const m = this.target?.mention;
      if (!this.target || !m) return;
      const rect = mentionRect(m);
      if (!rect || !isVisibleRect(rect)) {
        if (!this.pinned) this.close();
        return;
      }
      this.anchor = rect;
      void this.position();
    });
  }

  private cardElement(): HTMLElement | null {
    return this.container.querySelector<HTMLElement>('.card');
  }

  private render(): void {
    const target = this.target;
    const card = target && this.cardFor(target);
    if (card) render(card, this.container);
  }

  /**
   * Renders a card once into an element that is never attached (nothing on the page or in our UI changes) and
   * places it: the first card the reader opens then finds its code compiled (that first card was the slowest to
   * show). For idle time.
   */
  async warmUp(entity: number): Promise<void> {
    if (this.target) return;
    const card = this.cardFor({ entity, mention: null, anchor: null, focus: false });
    if (!card) return;
    const scratch = document.createElement('div');
    try {
      render(card, scratch);
      const floating = scratch.querySelector<HTMLElement>('.card');
      if (floating) await placeCard({ getBoundingClientRect: () => new DOMRect(0, 0, 40, 16) }, floating, false);
    } finally {
      render(null, scratch);
    }
  }

  private cardFor(target: CardTarget) {
    const entity = this.deps.entities()[target.entity];
    if (!entity) return null;
    const onPage = this.deps.mentionsOf(target.entity);
    const pageIndex = target.mention ? onPage.indexOf(target.mention) : -1;
    return (
      <Card
        entity={entity}
        details={this.deps.details(entity.id)}
        pageCount={onPage.length}
        pageIndex={pageIndex}
        pinned={this.pinned}
        dir={directionOf(target.mention)}
        explorerUrl={this.deps.explorerUrl}
        onPin={() => this.togglePin()}
        onClose={() => this.close()}
        onPrevious={() => this.deps.onStep(target.entity, target.mention, -1)}
        onNext={() => this.deps.onStep(target.entity, target.mention, 1)}
        onEntity={(id) => this.deps.onEntity(id)}
      />
    );
  }

  private async position(): Promise<void> {
    const floating = this.cardElement();
    const anchor = this.anchor;
    if (!floating || !anchor) return;
    await placeCard({ getBoundingClientRect: () => anchor }, floating, directionOf(this.target?.mention ?? null) === 'rtl');
  }
}

/** Places a card beside its mention: below it, flipped above at the viewport's bottom, never over the word. */
async function placeCard(reference: VirtualElement, floating: HTMLElement, rtl: boolean): Promise<void> {
  const { x, y, placement } = await computePosition(reference, floating, {
    strategy: 'fixed',
    placement: rtl ? 'bottom-end' : 'bottom-start',
    middleware: [
      offset(8), // clear of the word and its underline
      flip({ padding: 8 }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight, elements }) {
          elements.floating.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
        },
      }),
    ],
  });
  floating.style.left = `${Math.round(x)}px`;
  floating.style.top = `${Math.round(y)}px`;
  floating.dataset.placement = placement;
}

export function mentionRect(m: PageMention): DOMRect | null {
  const r = liveRange(m);
  if (!r) return null;
  const rects = r.getClientRects();
  return rects.length ? rects[0] : r.getBoundingClientRect();
}

function directionOf(m: PageMention | null): 'ltr' | 'rtl' {
  const el = m?.startNode.parentElement;
  if (!el) return document.dir === 'rtl' ? 'rtl' : 'ltr';
  return getComputedStyle(el).direction === 'rtl' ? 'rtl' : 'ltr';
}
