// The explorer's pages live in the URL hash: #entity=<id>, #article=<id>, #q=<search>, or nothing (home).
export type Route = { page: 'home'; query: string } | { page: 'entity'; id: string } | { page: 'article'; id: string };

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const entity = params.get('entity');
  if (entity) return { page: 'entity', id: entity };
  const article = params.get('article');
  if (article) return { page: 'article', id: article };
  return { page: 'home', query: params.get('q') ?? '' };
}

export const entityHref = (id: string) => `#entity=${encodeURIComponent(id)}`;
export const articleHref = (id: string) => `#article=${encodeURIComponent(id)}`;
export const searchHref = (query: string) => (query ? `#q=${encodeURIComponent(query)}` : '#');
