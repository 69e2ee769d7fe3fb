export default defineBackground(() => {
  // Filled in by the archive and messaging work.
});
