// The one element Backstory adds to a page: <backstory-ui>, holding all our UI in an open shadow root so the page's
// styles cannot reach in and ours cannot leak out.
export const HOST_TAG = 'backstory-ui';

export interface PageUiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  root: HTMLElement; // where the UI renders; carries data-* state the tests and the popup can read
  remove(): void;
}

export function createPageUiHost(css: string): PageUiHost {
  const host = document.createElement(HOST_TAG);
  // Out of the page's flow and stacking: it takes no space and sits above everything.
  host.style.cssText = 'all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const root = document.createElement('div');
  root.dataset.testid = 'backstory-root';
  shadow.append(style, root);
  document.documentElement.append(host);
  return { host, shadow, root, remove: () => host.remove() };
}
