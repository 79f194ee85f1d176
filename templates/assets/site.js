// The language switch keeps the reader's place: the Q&A ids (#s02-q1) and the
// search query are the same in every language, so carry them across.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-lang-switch]");
  if (!link) return;
  const target = new URL(link.href, location.href);
  if (location.hash && !target.hash) target.hash = location.hash;
  if (location.search && !target.search) target.search = location.search;
  link.href = target.href;
});
