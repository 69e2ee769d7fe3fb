// Pointer behaviour of the card: it opens after the pointer has rested on a mention for the show delay (not while
// the pointer sweeps across text), stays while the pointer travels into it, and closes a moment after it leaves.
// Hit-testing runs at most once per animation frame.
import type { ModifierKey } from '../../engine/settings';
import { mentionAt } from './hit-test';
import type { MentionStore, PageMention } from './mention-store';

/** Pointer speed above which we assume the reader is moving across text, not reading a name (px per ms). */
export const FAST_POINTER = 1.2;
/** How long the card waits for the pointer to arrive before closing. */
export const CLOSE_GRACE_MS = 300;

export interface HoverDeps {
  store: MentionStore;
  open(mention: PageMention, box: DOMRect): void;
  close(): void;
  /** the mention of the open card, if the card was opened by the pointer and is not pinned */
  hoverCard(): PageMention | null;
  isOverUi(target: EventTarget | null): boolean;
  /** the pointer came to rest on a mention: its card may open after the show delay (time to get ready) */
  arrived?(mention: PageMention): void;
}

export class HoverController {
  delayMs = 300;
  modifier: ModifierKey = 'none';
  private x = 0;
  private y = 0;
  private lastMove = 0;
  private speed = 0;
  private target: EventTarget | null = null;
  private modifierHeld = false;
  private frame = 0;
  private candidate: PageMention | null = null;
  private candidateBox: DOMRect | null = null;
  private showTimer = 0;
  private closeTimer = 0;
  private insideCard = false;
  private abort = new AbortController();

  constructor(private deps: HoverDeps) {}

  attach(): void {
    const opts = { capture: true, passive: true, signal: this.abort.signal };
    document.addEventListener('pointermove', (e) => this.onMove(e), opts);
    document.addEventListener('pointerdown', () => this.cancelShow(), opts);
    document.documentElement.addEventListener('pointerleave', () => this.leave(), opts);
    window.addEventListener('keydown', (e) => this.onModifier(e, true), opts);
    window.addEventListener('keyup', (e) => this.onModifier(e, false), opts);
  }

  detach(): void {
    this.abort.abort();
    this.abort = new AbortController();
    cancelAnimationFrame(this.frame);
    this.cancelShow();
    this.cancelClose();
  }

  /** The pointer entered or left the card. */
  pointerInCard(inside: boolean): void {
    this.insideCard = inside;
    if (inside) this.cancelClose();
    else this.scheduleClose();
  }

  private onMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    const now = e.timeStamp || performance.now();
    const dt = now - this.lastMove;
    const distance = Math.hypot(e.clientX - this.x, e.clientY - this.y);
    // smoothed speed; a long pause resets it
    this.speed = dt > 100 || dt <= 0 ? 0 : 0.5 * this.speed + 0.5 * (distance / dt);
    this.x = e.clientX;
    this.y = e.clientY;
    this.lastMove = now;
    this.target = e.target;
    this.modifierHeld = this.modifierDown(e);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.check());
  }

  private onModifier(e: KeyboardEvent, down: boolean): void {
    if (this.modifier === 'none' || e.key !== this.modifier) return;
    this.modifierHeld = down;
    if (down && this.candidate && this.candidateBox) this.deps.open(this.candidate, this.candidateBox);
  }

  private modifierDown(e: MouseEvent): boolean {
    switch (this.modifier) {
      case 'Alt':
        return e.altKey;
      case 'Control':
        return e.ctrlKey;
      case 'Shift':
        return e.shiftKey;
      case 'Meta':
        return e.metaKey;
      default:
        return true;
    }
  }

  private check(): void {
    this.frame = 0;
    if (this.deps.isOverUi(this.target)) {
      this.cancelClose();
      this.cancelShow();
      return;
    }
    const hit = mentionAt(this.deps.store, this.x, this.y);
    const open = this.deps.hoverCard();
    if (hit && hit.mention === open) {
      this.cancelClose();
      this.cancelShow();
      return;
    }
    if (!hit) {
      this.cancelShow();
      this.scheduleClose();
      return;
    }
    if (hit.mention !== this.candidate) {
      this.cancelShow();
      this.candidate = hit.mention;
      this.candidateBox = hit.box;
      this.showTimer = window.setTimeout(() => this.show(), this.delayMs);
      this.deps.arrived?.(hit.mention);
    }
  }

  private show(): void {
    const m = this.candidate;
    if (!m) return;
    // Still moving fast across the text: wait until the pointer slows down.
    if (performance.now() - this.lastMove < 80 && this.speed > FAST_POINTER) {
      this.showTimer = window.setTimeout(() => this.show(), 80);
      return;
    }
    const hit = mentionAt(this.deps.store, this.x, this.y);
    if (!hit || hit.mention !== m) {
      this.cancelShow();
      return;
    }
    if (!this.modifierHeld) return; // the card opens when the modifier key goes down (onModifier)
    this.cancelClose();
    this.deps.open(m, hit.box);
  }

  private cancelShow(): void {
    clearTimeout(this.showTimer);
    this.candidate = null;
    this.candidateBox = null;
  }

  private scheduleClose(): void {
    if (!this.deps.hoverCard() || this.insideCard || this.closeTimer) return; // (a pending close keeps its time)
    this.closeTimer = window.setTimeout(() => {
      this.closeTimer = 0;
      if (!this.insideCard && !this.deps.isOverUi(this.target)) this.deps.close();
    }, CLOSE_GRACE_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }

  private leave(): void {
    this.cancelShow();
    this.scheduleClose();
  }
}
