// Search over the archive's Pagefind index: one document per interview page,
// one anchored heading per answer (see the build's search.py).
//
// - Pagefind proposes pages; query.js checks every answer against the page's
//   indexed words: every pair of a Chinese phrase at consecutive positions,
//   every Latin word (precision), scores it (ranking) and cuts its excerpt.
// - Results are ranked across the interviews loaded so far, grouped by
//   interview; every hit links to its answer (#s02-q1). A page whose title or
//   abstract alone matches shows the abstract, linking to the interview.
// - A theme filter alone, or a query that names a theme in any language
//   (talent, 人才), lists the theme's answers from a small JSON file per theme
//   written by the build, without loading the word index.
// - Batches are never empty: the next batch is found before More is offered.
// - Nothing runs while an input method composition is open (pinyin).
// - The state lives in the URL (?q=…&theme=…), so searches can be linked.
import {
  excerpt, fill, fold, loadFolding, matchAnswer, pagefindTerm, parseQuery, plural, readable, spanMarks,
} from "./query.js";

const data = JSON.parse(document.getElementById("search-data").textContent);
const t = JSON.parse(document.getElementById("search-strings").textContent);
const input = document.getElementById("search-input");
const statusEl = document.getElementById("search-status");
const resultsEl = document.getElementById("search-results");
const filtersEl = document.getElementById("search-filters");
const FILTER_KEYS = ["theme", "interviewee", "organisation"];
const BATCH = 20;        // answers shown per batch
const FIRST_PAGES = 20;  // pages ranked together before the first batch is shown
const SENTENCE_GAP = data.lang === "zh" ? "" : " ";
const themeInfo = Object.fromEntries(data.themes.map((th) => [th.key, th]));
const selected = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Set()]));

// The page's location decides the site root, so the site works under any sub-path.
const root = new URL("../../", location.href);
let pagefind;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function segmentsToNodes(segments) {
  const out = document.createDocumentFragment();
  for (const { text, mark } of segments) out.append(mark ? el("mark", {}, text) : text);
  return out;
}

// Records stay root-relative (/en/interviews/x/#s02-q1); resolve them against
// this site's root so links work under any sub-path.
function link(url) {
  return new URL(url.replace(/^\//, ""), root).href;
}

function themesNamedBy(query) {
  const q = fold(query).trim().replace(/\s+/g, " ");
  if (!q) return [];
  // The build writes the keywords folded, one space between words.
  return data.themes.filter((th) => th.keywords.includes(q)).map((th) => th.key);
}

function pagefindFilters() {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const values = [...selected[key]];
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

// ---- Sources: each pull() gives the items of one more page (or list), or null when done.

// The answers (and, failing those, the title or abstract) of the pages Pagefind proposes.
function textSource(query, parsed) {
  const term = parsed ? pagefindTerm(query) : null;
  let results = null;
  let next = 0;
  return {
    ranked: true,  // worth loading several pages before showing the best
    async pull() {
      results ??= (await pagefind.search(term, { filters: pagefindFilters() }))?.results ?? [];
      if (next >= results.length) return null;
      // One at a time: Pagefind hands back one data object per page; use it before the next.
      return itemsOfPage(await results[next++].data(), parsed);
    },
  };
}

function itemsOfPage(record, parsed) {
  const words = record.content.trim().split(/\s+/);
  const answers = new Map(JSON.parse(record.meta.answers || "[]").map((a) => [a.id, a]));
  const anchors = (record.anchors || []).filter((a) => answers.has(a.id)).sort((a, b) => a.location - b.location);
  const title = record.meta.title || record.url;
  const items = [];
  const intro = [0, anchors.length ? anchors[0].location : words.length];
  if (!parsed) {  // a page chosen by a filter: the interview, with the start of its abstract
    return [{ url: record.url, title, id: null, score: 0, excerpt: excerpt(readable(words, intro[0], intro[1])) }];
  }
  anchors.forEach((anchor, i) => {
    const answer = answers.get(anchor.id);
    if (![...selected.theme].every((key) => answer.t.includes(key))) return;
    const headLength = anchor.text.trim().split(/\s+/).filter(Boolean).length;
    const question = [anchor.location, anchor.location + headLength];
    const body = [question[1], i + 1 < anchors.length ? anchors[i + 1].location : words.length];
    const m = matchAnswer(words, parsed, question, body);
    if (!m) return;
    const chars = readable(words, body[0], body[1], spanMarks(m.spans));
    items.push({ url: record.url, title, id: answer.id, q: answer.q, score: m.score, excerpt: excerpt(chars) });
  });
  if (!items.length && !selected.theme.size) {
    // The title or abstract (the words before the first answer) may hold what was asked.
    const m = matchAnswer(words, parsed, [0, 0], intro);
    if (m) {
      const chars = readable(words, intro[0], intro[1], spanMarks(m.spans));
      items.push({ url: record.url, title, id: null, score: -1, excerpt: excerpt(chars) });
    }
  }
  return items;
}

// Pages selected by the interviewee or organisation filter alone: the interviews themselves.
function pageSource() {
  return textSource(null, null);
}

// Every answer on all of `keys` (and on the selected people), from the build's JSON
// parts of the theme with the fewest answers, one part per pull. The total is
// known at once for one theme, and once every part is in otherwise.
function themeSource(keys) {
  const smallest = [...keys].sort((a, b) => themeInfo[a].answers - themeInfo[b].answers)[0];
  const parts = themeInfo[smallest].json;
  const people = [...selected.interviewee, ...selected.organisation];
  const counted = { answers: 0, interviews: new Set() };
  let next = 0;
  const source = {
    total: keys.size === 1 && !people.length
      ? { answers: themeInfo[smallest].answers, interviews: themeInfo[smallest].interviews } : null,
    async pull() {
      if (next >= parts.length) {
        source.total ??= { answers: counted.answers, interviews: counted.interviews.size };
        return null;
      }
      const response = await fetch(new URL(parts[next++], root));
      if (!response.ok) throw new Error(`${response.status} ${response.url}`);
      const items = [];
      for (const group of (await response.json()).interviews) {
        if (people.length && !people.some((p) => group.people.includes(p))) continue;
        for (const [id, q, x, themes] of group.answers) {
          if (![...keys].every((key) => themes.includes(key))) continue;
          items.push({ url: group.url, title: group.title, id, q, score: -2, excerpt: [{ text: x, mark: false }] });
          counted.answers += 1;
          counted.interviews.add(group.url);
        }
      }
      if (next >= parts.length) source.total ??= { answers: counted.answers, interviews: counted.interviews.size };
      return items;
    },
  };
  return source;
}

// ---- One search: its sources, the items found but not shown yet, and what is shown.

let generation = 0;
let state = null;

function newState(query, named, sources) {
  return { query, named, sources, current: 0, buffer: [], seen: new Set(), order: 0,
           shown: { answers: 0, interviews: new Set() }, groups: new Map(), list: null };
}

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
  await loadFolding(query);  // the blocks of the Traditional table this query's characters need
  if (mine !== generation) return;
  const parsed = parseQuery(query);
  const named = themesNamedBy(query);
  const sources = [];
  if (parsed.phrases.length) {
    sources.push(textSource(query, parsed));
    for (const key of named) sources.push(themeSource(new Set([key, ...selected.theme])));
  } else if (selected.theme.size) {
    sources.push(themeSource(new Set(selected.theme)));
  } else if (selected.interviewee.size || selected.organisation.size) {
    sources.push(pageSource());
  }
  state = newState(query, named, sources);
  if (!sources.length) {
    statusEl.textContent = "";
    resultsEl.replaceChildren();
    return;
  }
  if (!(await fillBuffer(mine, FIRST_PAGES))) return;
  state.list = el("ol", { class: "search-results" });
  resultsEl.replaceChildren(state.list);
  showBatch(false);
}

// Pull from the sources until more than a batch is waiting (so More is only
// offered when something follows), or everything is in.
async function fillBuffer(mine, minPages = 0) {
  let pages = 0;
  const s = state;
  while (s.current < s.sources.length
         && (s.buffer.length <= BATCH || (pages < minPages && s.sources[s.current].ranked))) {
    const items = await s.sources[s.current].pull();
    if (mine !== generation) return false;
    if (items === null) { s.current += 1; continue; }
    pages += 1;
    for (const item of items) {
      const key = `${item.url}#${item.id ?? ""}`;
      if (s.seen.has(key)) continue;
      s.seen.add(key);
      s.buffer.push({ ...item, source: s.current, order: s.order++ });
    }
  }
  return true;
}

function showBatch(focus) {
  const s = state;
  s.buffer.sort((a, b) => a.source - b.source || b.score - a.score || a.order - b.order);
  const batch = s.buffer.splice(0, BATCH);
  let first = null;
  for (const item of batch) {
    let group = s.groups.get(item.url);
    if (!group) {
      group = el("ul", { class: "answers" });
      s.groups.set(item.url, group);
      s.list.append(el("li", { class: "search-group" },
        el("h2", {}, el("a", { href: link(item.url) }, item.title)), group));
    }
    const hit = item.id
      ? el("li", { class: "search-hit" }, el("a", { class: "question", href: link(`${item.url}#${item.id}`) }, item.q),
        el("p", {}, segmentsToNodes(item.excerpt)))
      : el("li", { class: "search-page" }, el("a", { class: "question", href: link(item.url) }, t.search_abstract),
        el("p", {}, segmentsToNodes(item.excerpt)));
    group.append(hit);
    first ??= hit.querySelector("a");
    if (item.id) s.shown.answers += 1;
    s.shown.interviews.add(item.url);
  }
  resultsEl.querySelector("button.more")?.remove();
  if (s.buffer.length) {
    const more = el("button", { type: "button", class: "more" }, t.more_results);
    more.addEventListener("click", () => loadMore(more).catch((error) => {
      statusEl.textContent = t.search_failed;
      console.error(error);
    }));
    resultsEl.append(more);
  }
  writeStatus();
  if (focus && first) first.focus();
}

async function loadMore(button) {
  const mine = generation;
  button.disabled = true;
  if (!(await fillBuffer(mine))) return;
  showBatch(true);
}

function writeStatus() {
  const s = state;
  const more = s.buffer.length > 0;
  // Totals are known when every answer comes from the themes' lists.
  const known = s.sources.every((src) => src.total) && s.sources.length === 1 ? s.sources[0].total : null;
  const answers = known ? known.answers : s.shown.answers;
  const interviews = known ? known.interviews : s.shown.interviews.size;
  const values = { answers: plural(t.n_answers, answers), interviews: plural(t.n_interviews, interviews) };
  let sentence;
  if (!s.shown.interviews.size) sentence = t.search_none;
  else if (!answers) sentence = fill(t.search_found_pages, values);
  else sentence = fill(more && !known ? t.search_found_more : t.search_found, values);
  const sentences = [sentence, ...s.named.map((key) => fill(t.theme_match, { label: themeInfo[key]?.label ?? key }))];
  statusEl.textContent = sentences.join(SENTENCE_GAP);
}

// ---- Filters and start-up.

// The filters and their counts come from the build (no filter index to download): themes with
// their answers, and the interviewees and organisations when there are few enough to list.
function buildFilters() {
  const counts = {
    theme: Object.fromEntries(data.themes.filter((x) => x.answers).map((x) => [x.key, x.answers])),
    ...data.people,
  };
  const params = new URLSearchParams(location.search);
  for (const key of FILTER_KEYS) {
    const order = (v) => data.themes.findIndex((x) => x.key === v);
    const values = Object.keys(counts[key] || {}).sort((a, b) =>
      key === "theme" ? order(a) - order(b) : a.localeCompare(b));
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
      // Themes count answers (known at build time); the other filters count interviews.
      const count = key === "theme" ? plural(t.n_answers, themeInfo[value]?.answers ?? 0)
        : plural(t.n_interviews, counts[key][value]);
      box.append(el("label", { for: id }, check, " ", key === "theme" ? themeInfo[value]?.label ?? value : value,
        el("span", { class: "count" }, fill(t.filter_count, { count }))));
    }
    filtersEl.append(box);
  }
}

async function start() {
  if (!data.bundle) {  // no interview has a text in this language yet
    statusEl.textContent = t.search_none;
    document.documentElement.dataset.searchReady = "true";
    return;
  }
  statusEl.textContent = t.search_loading;
  try {
    pagefind = await import(new URL(data.bundle, root).href);
    await pagefind.options({ baseUrl: "/" });
    await pagefind.init();
    buildFilters();
  } catch (error) {
    statusEl.textContent = t.search_failed;
    console.error(error);
    return;
  }
  statusEl.textContent = "";
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  let timer;
  let composing = false;  // an input method (pinyin) is composing: the text is not the query yet
  const later = () => { clearTimeout(timer); timer = setTimeout(run, 150); };
  input.addEventListener("compositionstart", () => { composing = true; clearTimeout(timer); });
  input.addEventListener("compositionend", () => { composing = false; later(); });
  input.addEventListener("input", (event) => { if (!composing && !event.isComposing) later(); });
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!composing) { clearTimeout(timer); run(); }
  });
  await run();
}

start();
