// Search over the Pagefind index, one record per answer.
//
// - Results are grouped by interview; every hit links to its answer (#s02-q1).
// - Filters (theme, interviewee, organisation) apply to answers, not pages.
// - A query that names a theme in any language (talent, 人才, MoE, 混合专家)
//   also brings every answer of that theme, so a Chinese reader typing
//   "talent" finds the 人才 answers without reading any English.
// - Chinese is indexed as overlapping character pairs (data.pairs), and the
//   query is turned into pairs the same way, so any phrase of two or more
//   characters is found; excerpts are cut here from the record's text.
// - The state lives in the URL (?q=…&theme=…), so searches can be linked.
const data = JSON.parse(document.getElementById("search-data").textContent);
const t = JSON.parse(document.getElementById("search-strings").textContent);
const input = document.getElementById("search-input");
const statusEl = document.getElementById("search-status");
const resultsEl = document.getElementById("search-results");
const filtersEl = document.getElementById("search-filters");
const FILTER_KEYS = ["theme", "interviewee", "organisation"];
const MAX_RESULTS = 60;
const themeLabel = Object.fromEntries(data.themes.map((th) => [th.key, th.label]));
const selected = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Set()]));

// The page's location decides the site root, so the site works under any sub-path.
const root = new URL("../../", location.href);
let pagefind;
const HAN_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+/g;

// The same transformation as the build's search.pairs(): 至关重要 -> "至关 关重 重要".
function pairs(text) {
  return text.replace(HAN_RUNS, (run) => {
    if (run.length === 1) return ` ${run} `;
    const out = [];
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    return ` ${out.join(" ")} `;
  }).replace(/\s+/g, " ").trim();
}

// The excerpt of a pair-indexed hit, cut from its readable text around the query.
function pairExcerpt(text, query) {
  const terms = query.split(/\s+/).filter(Boolean);
  const at = Math.max(0, ...terms.map((t) => text.indexOf(t)).filter((i) => i >= 0).slice(0, 1));
  const start = Math.max(0, at - 40);
  const slice = (start ? "…" : "") + text.slice(start, start + 120) + (start + 120 < text.length ? "…" : "");
  const out = document.createDocumentFragment();
  let rest = slice;
  while (rest) {
    const hits = terms.map((t) => [rest.indexOf(t), t]).filter(([i]) => i >= 0).sort((a, b) => a[0] - b[0]);
    if (!hits.length) { out.append(rest); break; }
    const [i, term] = hits[0];
    out.append(rest.slice(0, i), el("mark", {}, term));
    rest = rest.slice(i + term.length);
  }
  return out;
}

// "{n} answer|{n} answers" -> the form for n (the same rule as i18n.plural in the build).
function plural(forms, n) {
  const [one, many] = forms.split("|");
  return (n === 1 || !many ? one : many).replaceAll("{n}", n);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

// Pagefind's excerpt marks the matched words with <mark>; keep only those marks
// and show everything else as text (a <template> parses without running anything).
function safeExcerpt(html) {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of tpl.content.childNodes) {
    out.append(node.nodeName === "MARK" ? el("mark", {}, node.textContent) : node.textContent);
  }
  return out;
}

function themesNamedBy(query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return data.themes.filter((th) => th.keywords.some((kw) => kw.toLowerCase() === q)).map((th) => th.key);
}

function activeFilters(extraTheme) {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const values = [...selected[key]];
    if (key === "theme" && extraTheme) values.push(extraTheme);
    if (values.length) filters[key] = key === "theme" ? values : { any: values };
  }
  return filters;
}

function writeUrl(query) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const key of FILTER_KEYS) for (const v of selected[key]) params.append(key, v);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

let generation = 0;
async function run() {
  try {
    await search();
  } catch (error) {
    statusEl.textContent = t.search_failed;
    console.error(error);
  }
  document.documentElement.dataset.searchReady = "true";
}

async function search() {
  const query = input.value.trim();
  const mine = ++generation;
  writeUrl(query);
  const anyFilter = FILTER_KEYS.some((k) => selected[k].size);
  if (!query && !anyFilter) {
    statusEl.textContent = "";
    resultsEl.replaceChildren();
    return;
  }
  const term = data.pairs ? pairs(query) : query;
  const searches = [pagefind.search(term || null, { filters: activeFilters() })];
  const themes = themesNamedBy(query);
  for (const key of themes) searches.push(pagefind.search(null, { filters: activeFilters(key) }));
  const responses = await Promise.all(searches);
  if (mine !== generation) return;
  // Text hits first (ranked by Pagefind), then what only a theme found; one entry per answer.
  const records = [];
  const seen = new Set();
  for (const response of responses) {
    for (const result of response?.results ?? []) {
      if (records.length >= MAX_RESULTS) break;
      const record = await result.data();
      if (mine !== generation) return;
      if (seen.has(record.url)) continue;
      seen.add(record.url);
      if (record.meta.text) record.pairExcerpt = pairExcerpt(record.meta.text, query);
      records.push(record);
    }
  }
  show(records, themes);
}

function show(records, themes) {
  const groups = new Map();
  for (const record of records) {
    const page = record.meta.page || record.url.split("#")[0];
    if (!groups.has(page)) groups.set(page, { title: record.meta.interview, items: [] });
    groups.get(page).items.push(record);
  }
  const answers = records.filter((r) => r.url.includes("#")).length;
  statusEl.textContent = records.length
    ? t.search_results.replace("{answers}", plural(t.n_answers, answers))
      .replace("{interviews}", plural(t.n_interviews, groups.size))
    : t.search_none;
  if (themes.length) {
    statusEl.append(" ", ...themes.map((k) => t.theme_match.replace("{label}", themeLabel[k] || k)));
  }
  const list = el("ol", { class: "search-results" });
  for (const [page, group] of groups) {
    const items = el("ul", { class: "answers" });
    for (const record of group.items) {
      if (!record.url.includes("#")) continue;
      const excerpt = record.pairExcerpt || (record.excerpt ? safeExcerpt(record.excerpt) : record.meta.excerpt || "");
      items.append(el("li", { class: "search-hit" },
        el("a", { class: "question", href: link(record.url) }, record.meta.title || ""),
        el("p", {}, excerpt)));
    }
    list.append(el("li", { class: "search-group" },
      el("h2", {}, el("a", { href: link(page) }, group.title || page)),
      items));
  }
  resultsEl.replaceChildren(list);
}

// Records store root-relative URLs (/en/interviews/x/#s02-q1); resolve them
// against this site's root so links work under any sub-path.
function link(url) {
  return new URL(url.replace(/^\//, ""), root).href;
}

async function buildFilters() {
  const counts = await pagefind.filters();
  const params = new URLSearchParams(location.search);
  for (const key of FILTER_KEYS) {
    const values = Object.keys(counts[key] || {}).sort((a, b) =>
      key === "theme" ? data.themes.findIndex((x) => x.key === a) - data.themes.findIndex((x) => x.key === b)
        : a.localeCompare(b));
    for (const v of params.getAll(key)) if (values.includes(v)) selected[key].add(v);
    if (!values.length) continue;
    const box = el("fieldset", { class: "filter", "data-filter": key }, el("legend", {}, t[`filter_${key}`]));
    for (const value of values) {
      const id = `f-${key}-${value}`.replace(/[^\w-]/g, "_");
      const check = el("input", { type: "checkbox", id, value, name: key });
      check.checked = selected[key].has(value);
      check.addEventListener("change", () => {
        check.checked ? selected[key].add(value) : selected[key].delete(value);
        run();
      });
      box.append(el("label", { for: id }, check, " ", key === "theme" ? themeLabel[value] || value : value,
        el("span", { class: "count" }, ` ${counts[key][value]}`)));
    }
    filtersEl.append(box);
  }
}

async function start() {
  try {
    pagefind = await import(new URL(data.bundle, root).href);
    await pagefind.options({ baseUrl: "/" });
    await pagefind.init();
    await buildFilters();
  } catch (error) {
    statusEl.textContent = t.search_failed;
    console.error(error);
    return;
  }
  statusEl.textContent = "";
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  let timer;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  document.getElementById("search-form").addEventListener("submit", (e) => { e.preventDefault(); run(); });
  await run();
}

start();
