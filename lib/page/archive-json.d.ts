// Types of the compiled archive files the build aliases as @archive/* (see wxt.config.ts).
declare module '@archive/details.json' {
  const details: import('../../engine/archive/shapes').ArchiveDetails;
  export default details;
}
declare module '@archive/matcher.json' {
  const matcher: import('../../engine/matcher').MatcherData;
  export default matcher;
}
