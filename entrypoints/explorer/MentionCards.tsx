// Hover and focus cards for the mentions inside `children` (links with data-entity-id), using the extension's card.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { Card } from '../../components/card/Card';
import type { MatcherEntity } from '../../engine/matcher';
import type { ResolvedArticle, ResolvedDetails } from '../../lib/messages';
import type { ArticleView, EntityView, ExplorerModel } from './model';
import { articleHref, entityHref } from './route';

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 300;

const resolved = (a: ArticleView): ResolvedArticle => ({ id: a.id, title: a.title, date: a.date, source: a.source, url: null });

/** The card's details for an explorer entity (links stay inside the explorer). */
export function cardDetails(e: EntityView): ResolvedDetails {
  return {
    id: e.id,
    mentions: e.mentions,
    articleCount: e.articles.length,
    articles: e.articles.slice(0, 10).map(resolved),
    background: e.background.slice(0, 5).map((b) => ({ text: b.text, article: resolved(b.article) })),
    mentionedWith: e.mentionedWith.map((c) => ({ id: c.entity.id, name: c.entity.name, type: c.entity.type, shared: c.shared })),
    perYear: e.perYear,
  };
}

const cardEntity = (e: EntityView): MatcherEntity => ({
  id: e.id,
  name: e.name,
  type: e.type,
  wikipedia: e.wikipedia,
  description: e.description,
  asOf: e.asOf,
});

function darkTheme(): boolean {
  const theme = document.documentElement.dataset.theme;
  return theme === 'dark' || (theme === undefined && matchMedia('(prefers-color-scheme: dark)').matches);
}

export function MentionCards({ model, children }: { model: ExplorerModel; children: ComponentChildren }) {
  const [open, setOpen] = useState<{ anchor: HTMLElement; id: string; pinned: boolean } | null>(null);
  const region = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const openTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clearTimers = () => {
    if (openTimer.current) clearTimeout(openTimer.current);
    if (closeTimer.current) clearTimeout(closeTimer.current);
    openTimer.current = closeTimer.current = null;
  };
  const mentionOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('a.mention') : null);
  const show = (anchor: HTMLElement) => setOpen({ anchor, id: anchor.dataset.entityId!, pinned: false });
  const scheduleClose = () => {
    if (closeTimer.current) clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => setOpen((o) => (o?.pinned ? o : null)), CLOSE_DELAY_MS);
  };

  // Place the card beside its mention.
  useEffect(() => {
    const card = layer.current?.querySelector<HTMLElement>('.card');
    if (!open || !card) return;
    computePosition(open.anchor, card, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(6), flip(), shift({ padding: 8 })] }).then(
      ({ x, y }) => Object.assign(card.style, { left: `${x}px`, top: `${y}px` }),
    );
  }, [open]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && open) {
        open.anchor.focus();
        setOpen(null);
      }
    };
    const onScroll = () => setOpen((o) => (o && !o.pinned ? null : o));
    document.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
    };
  }, [open]);

  useEffect(() => {
    // Keyboard users get the card when a mention takes focus (Preact has no onFocusIn prop).
    const onFocusIn = (e: FocusEvent) => {
      const anchor = mentionOf(e.target);
      if (anchor) {
        clearTimers();
        show(anchor);
      }
    };
    const node = region.current;
    node?.addEventListener('focusin', onFocusIn);
    return () => {
      node?.removeEventListener('focusin', onFocusIn);
      clearTimers();
    };
  }, []);

  const step = (direction: 1 | -1) => {
    if (!open || !region.current) return;
    const all = [...region.current.querySelectorAll<HTMLElement>(`a.mention[data-entity-id="${CSS.escape(open.id)}"]`)];
    const next = all[(all.indexOf(open.anchor) + direction + all.length) % all.length];
    if (next) {
      next.scrollIntoView({ block: 'center' });
      next.focus();
      setOpen({ anchor: next, id: open.id, pinned: open.pinned });
    }
  };

  const entity = open ? model.entities.get(open.id) : undefined;
  const sameEntity = open && region.current ? [...region.current.querySelectorAll<HTMLElement>(`a.mention[data-entity-id="${CSS.escape(open.id)}"]`)] : [];
  return (
    <div
      ref={region}
      onPointerOver={(e) => {
        const anchor = mentionOf(e.target);
        if (!anchor) return;
        clearTimers();
        openTimer.current = setTimeout(() => show(anchor), OPEN_DELAY_MS);
      }}
      onPointerOut={(e) => {
        if (!mentionOf(e.target)) return;
        if (openTimer.current) clearTimeout(openTimer.current);
        scheduleClose();
      }}
    >
      {children}
      <div
        ref={layer}
        class="card-layer"
        data-testid="backstory-root"
        data-theme={darkTheme() ? 'dark' : 'light'}
        onPointerEnter={() => clearTimers()}
        onPointerLeave={() => scheduleClose()}
      >
        {open && entity && (
          <Card
            entity={cardEntity(entity)}
            details={cardDetails(entity)}
            pageCount={sameEntity.length}
            pageIndex={sameEntity.indexOf(open.anchor)}
            pinned={open.pinned}
            dir="ltr"
            explorerUrl={(articleId) => articleHref(articleId)}
            onPin={() => setOpen({ ...open, pinned: !open.pinned })}
            onClose={() => {
              open.anchor.focus();
              setOpen(null);
            }}
            onPrevious={() => step(-1)}
            onNext={() => step(1)}
            onEntity={(id) => (location.hash = entityHref(id))}
          />
        )}
      </div>
    </div>
  );
}
