// Types of the compiled archive files the options page and explorer import (details and matcher: lib/page/archive-json.d.ts).
declare module '@archive/stats.json' {
  const stats: import('../engine/archive/shapes').ArchiveStats;
  export default stats;
}
declare module '@archive/credits.json' {
  const credits: import('../engine/archive/shapes').ArchiveCredits;
  export default credits;
}
declare module '@archive/articles.json' {
  const articles: import('../engine/archive/shapes').ArchiveArticles;
  export default articles;
}
