// Types of the compiled archive files the extension build aliases as @archive/* (see wxt.config.ts).
declare module '@archive/matcher.json' {
  const matcher: import('../engine/matcher').MatcherData;
  export default matcher;
}
declare module '@archive/details.json' {
  const details: import('../engine/archive/shapes').ArchiveDetails;
  export default details;
}
declare module '@archive/articles.json' {
  const articles: import('../engine/archive/shapes').ArchiveArticles;
  export default articles;
}
declare module '@archive/credits.json' {
  const credits: import('../engine/archive/shapes').ArchiveCredits;
  export default credits;
}
declare module '@archive/stats.json' {
  const stats: import('../engine/archive/shapes').ArchiveStats;
  export default stats;
}
