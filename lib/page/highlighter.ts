// Marks mentions with the CSS Custom Highlight API: the page's DOM is untouched. The ::highlight() rules must live in
// the page's own style scope, so they go in a constructed stylesheet appended to document.adoptedStyleSheets.
import type { EntityType } from '../../engine/types';
import { ENTITY_TYPES } from '../../engine/types';
import type { HighlightStyle } from '../../engine/settings';

export const HIGHLIGHT_PREFIX = 'backstory';
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-active`;
export const FLASH_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-flash`;

/** Mid-tone colours: an underline or a translucent tint in these reads on light and dark pages alike. */
const TYPE_RGB: Record<EntityType, string> = {
  person: '59 130 246', // blue
  organization: '234 88 12', // orange
  place: '22 163 74', // green
  event: '219 39 119', // pink
  topic: '139 92 246', // violet
};

export const highlightName = (type: EntityType) => `${HIGHLIGHT_PREFIX}-${type}`;

function stylesFor(style: HighlightStyle): string {
  const rules: string[] = [];
  for (const type of ENTITY_TYPES) {
    const rgb = TYPE_RGB[type];
    if (style === 'underline') {
      rules.push(
        `::highlight(${highlightName(type)}) { text-decoration-line: underline; text-decoration-style: solid; ` +
          `text-decoration-thickness: 2px; text-decoration-color: rgb(${rgb} / 0.85); }`,
      );
    } else if (style === 'tint') {
      rules.push(`::highlight(${highlightName(type)}) { background-color: rgb(${rgb} / 0.22); }`);
    }
  }
  // The mention whose card is open, and a brief flash when the popup reveals one: shown whatever the style.
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgb(250 204 21 / 0.45); }`);
  rules.push(`::highlight(${FLASH_HIGHLIGHT}) { background-color: rgb(250 204 21 / 0.8); }`);
  return rules.join('\n');
}

export const highlightsSupported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export class Highlighter {
  private sheet: CSSStyleSheet | null = null;
  private byType = new Map<EntityType, Highlight>();
  private active = new Highlight();
  private flashing = new Highlight();
  private flashTimer = 0;

  constructor(private style: HighlightStyle) {
    this.active.priority = 1;
    this.flashing.priority = 2;
  }

  install(): void {
    if (!highlightsSupported()) return;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(stylesFor(this.style));
      document.adoptedStyleSheets.push(sheet); // appended: the page's own sheets stay
      this.sheet = sheet;
    } catch (error) {
      // (a browser that refuses a content script's sheet: cards still work, marks are unstyled)
      console.warn('Backstory: highlight styles unavailable', error);
    }
    for (const type of ENTITY_TYPES) {
      const h = new Highlight();
      this.byType.set(type, h);
      CSS.highlights.set(highlightName(type), h);
    }
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
    CSS.highlights.set(FLASH_HIGHLIGHT, this.flashing);
  }

  setStyle(style: HighlightStyle): void {
    this.style = style;
    this.sheet?.replaceSync(stylesFor(style));
  }

  /** Replaces all marks with these ranges. */
  paint(marks: Iterable<{ range: AbstractRange; type: EntityType }>): void {
    for (const h of this.byType.values()) h.clear();
    for (const { range, type } of marks) this.byType.get(type)?.add(range);
  }

  setActive(range: AbstractRange | null): void {
    this.active.clear();
    if (range) this.active.add(range);
  }

  flash(range: AbstractRange, ms = 1500): void {
    this.flashing.clear();
    this.flashing.add(range);
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => this.flashing.clear(), ms);
  }

  /** Removes every mark and our stylesheet. */
  uninstall(): void {
    clearTimeout(this.flashTimer);
    for (const type of ENTITY_TYPES) CSS.highlights?.delete(highlightName(type));
    CSS.highlights?.delete(ACTIVE_HIGHLIGHT);
    CSS.highlights?.delete(FLASH_HIGHLIGHT);
    this.byType.clear();
    if (this.sheet) {
      const sheets = document.adoptedStyleSheets;
      const i = sheets.indexOf(this.sheet);
      if (i >= 0) sheets.splice(i, 1);
      this.sheet = null;
    }
  }
}
