// Search over the archive's Pagefind index: one document per interview page,
// one sub-result per answer (see the build's search.py).
//
// - Results are grouped by interview; every hit links to its answer (#s02-q1).
// - Filters (theme, interviewee, organisation): Pagefind filters whole pages;
//   the theme filter is then applied to each answer with the themes the page's
//   metadata lists per answer, so only answers on the theme are shown.
// - A query that names a theme in any language (talent, 人才, MoE, 混合专家)
//   also brings every answer of that theme, so a Chinese reader typing
//   "talent" finds the 人才 answers without reading any English.
// - Chinese is indexed as overlapping character pairs (data.pairs), and the
//   query is turned into pairs the same way, so any phrase of two or more
//   characters is found; an answer counts only where the pairs are adjacent,
//   and its excerpt is joined back from pairs into text.
// - The state lives in the URL (?q=…&theme=…), so searches can be linked.
const data = JSON.parse(document.getElementById("search-data").textContent);
const t = JSON.parse(document.getElementById("search-strings").textContent);
const input = document.getElementById("search-input");
const statusEl = document.getElementById("search-status");
const resultsEl = document.getElementById("search-results");
const filtersEl = document.getElementById("search-filters");
const FILTER_KEYS = ["theme", "interviewee", "organisation"];
const PAGE_BATCH = 20;
const themeLabel = Object.fromEntries(data.themes.map((th) => [th.key, th.label]));
const themeAnswers = Object.fromEntries(data.themes.map((th) => [th.key, th.answers]));
const selected = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Set()]));

// The page's location decides the site root, so the site works under any sub-path.
const root = new URL("../../", location.href);
let pagefind;
const HAN = "\\u3400-\\u9fff\\uf900-\\ufaff";  // the same class as the build's model.HAN
const HAN_RUNS = new RegExp(`[${HAN}]+`, "g");
const HAN_CHAR = new RegExp(`[${HAN}]`);

// The same transformation as the build's search.pairs(): 至关重要 -> "至关 关重 重要".
function pairs(text) {
  return text.replace(HAN_RUNS, (run) => {
    if (run.length === 1) return ` ${run} `;
    const out = [];
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    return ` ${out.join(" ")} `;
  }).replace(/\s+/g, " ").trim();
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

// Pagefind matches each pair of a phrase anywhere in the page; an answer holds the
// phrase only where its pairs sit at consecutive word positions (Pagefind's locations).
function holdsPhrases(locations, query) {
  const at = new Set(locations);
  return (query.match(HAN_RUNS) || []).every((run) => {
    const length = Math.max(1, run.length - 1);  // a run of n characters is n - 1 pairs
    return locations.some((start) => {
      for (let k = 1; k < length; k++) if (!at.has(start + k)) return false;
      return true;
    });
  });
}

// Pagefind's excerpt of a pair-indexed answer reads "至关 关重 重要"; join overlapping
// pairs back into text ("至关重要"), marking every character a marked pair covers.
function pairedExcerpt(html) {
  const tpl = document.createElement("template");
  tpl.innerHTML = html;
  const chars = [];  // [character, marked]
  let previous = "";
  const isHan = (c) => HAN_CHAR.test(c || "");
  const isPair = (w) => w.length === 2 && isHan(w[0]) && isHan(w[1]);
  const isLatin = (c) => /[A-Za-z0-9]/.test(c || "");
  for (const node of tpl.content.childNodes) {
    const marked = node.nodeName === "MARK";
    for (const word of node.textContent.split(/\s+/).filter(Boolean)) {
      if (isPair(previous) && isPair(word) && previous[1] === word[0]) {
        chars[chars.length - 1][1] ||= marked;  // the shared character
        chars.push([word[1], marked]);
      } else {
        const last = chars.length ? chars[chars.length - 1][0] : "";
        // Chinese takes no spaces; Latin words keep theirs, also next to Chinese.
        if (last && ((!isHan(last) && !isHan(word[0])) || (isLatin(last) && isHan(word[0]))
            || (isHan(last) && isLatin(word[0])))) chars.push([" ", false]);
        for (const c of word) chars.push([c, marked]);
      }
      previous = word;
    }
  }
  const out = document.createDocumentFragment();
  for (const [c, marked] of chars) {
    const last = out.lastChild;
    if (marked && last?.nodeName === "MARK") last.append(c);
    else if (!marked && last && last.nodeType === Node.TEXT_NODE) last.appendData(c);
    else out.append(marked ? el("mark", {}, c) : c);
  }
  return out;
}

// An excerpt cut from an answer's readable text around the first query word, words marked.
function cutExcerpt(text, query) {
  const terms = query.split(/\s+/).filter(Boolean);
  const lower = text.toLowerCase();
  const found = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((i) => i >= 0);
  const start = found.length ? Math.max(0, Math.min(...found) - 40) : 0;
  const slice = (start ? "…" : "") + text.slice(start, start + 140) + (start + 140 < text.length ? "…" : "");
  const out = document.createDocumentFragment();
  let rest = slice;
  while (rest) {
    const low = rest.toLowerCase();
    const hits = terms.map((term) => [low.indexOf(term.toLowerCase()), term.length]).filter(([i]) => i >= 0);
    if (!hits.length) { out.append(rest); break; }
    const [i, length] = hits.sort((a, b) => a[0] - b[0])[0];
    out.append(rest.slice(0, i), el("mark", {}, rest.slice(i, i + length)));
    rest = rest.slice(i + length);
  }
  return out;
}

function themesNamedBy(query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return data.themes.filter((th) => th.keywords.some((kw) => kw.toLowerCase() === q)).map((th) => th.key);
}

function pagefindFilters(extraTheme) {
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

// Records stay root-relative (/en/interviews/x/#s02-q1); resolve them against
// this site's root so links work under any sub-path.
function link(url) {
  return new URL(url.replace(/^\//, ""), root).href;
}

let generation = 0;
let pending = [];   // page results not yet shown: [{result, mode}]
let groups = new Map();

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
  groups = new Map();
  pending = [];
  const anyFilter = FILTER_KEYS.some((k) => selected[k].size);
  if (!query && !anyFilter) {
    statusEl.textContent = "";
    resultsEl.replaceChildren();
    return;
  }
  const term = data.pairs ? pairs(query) : query;
  const themes = themesNamedBy(query);
  const searches = [pagefind.search(term || null, { filters: pagefindFilters() })];
  for (const key of themes) searches.push(pagefind.search(null, { filters: pagefindFilters(key) }));
  const responses = await Promise.all(searches);
  if (mine !== generation) return;
  responses.forEach((response, i) => {
    const mode = i === 0 && term ? { text: true } : { theme: i === 0 ? null : themes[i - 1] };
    for (const result of response?.results ?? []) pending.push({ result, mode });
  });
  await showMore(mine, query, themes);
}

// Load the next batch of pages and add their answers to the groups.
async function showMore(mine, query, themes) {
  // One at a time: Pagefind hands back the same data object for a page found by two
  // searches, and loading it again replaces its sub-results, so use each before the next.
  for (const { result, mode } of pending.splice(0, PAGE_BATCH)) {
    const record = await result.data();
    if (mine !== generation) return;
    addPage(record, mode, query);
  }
  show(query, themes, mine);
}

function addPage(record, mode, query) {
  const answers = JSON.parse(record.meta.answers || "[]");
  const byId = new Map(answers.map((a) => [a.id, a]));
  const required = [...selected.theme, ...(mode.theme ? [mode.theme] : [])];
  const onTheme = (a) => required.every((key) => a.t.includes(key));
  if (!groups.has(record.url)) groups.set(record.url, { title: record.meta.title, items: new Map(), page: false });
  const group = groups.get(record.url);
  if (mode.text) {
    for (const sub of record.sub_results || []) {
      const answer = byId.get(sub.url.split("#")[1]);
      if (!answer) { group.page = true; continue; }  // the title or abstract matched
      if (!onTheme(answer) || group.items.has(answer.id)) continue;
      if (data.pairs && !holdsPhrases(sub.locations || [], query)) continue;
      group.items.set(answer.id, { answer, excerpt: !sub.excerpt ? cutExcerpt(answer.x, query)
        : data.pairs ? pairedExcerpt(sub.excerpt) : safeExcerpt(sub.excerpt) });
    }
  } else if (required.length) {
    for (const answer of answers) {
      if (onTheme(answer) && !group.items.has(answer.id)) {
        group.items.set(answer.id, { answer, excerpt: cutExcerpt(answer.x, query) });
      }
    }
  } else {
    group.page = true;  // interviewee or organisation filter alone: the interview itself
  }
  if (!group.items.size && !group.page) groups.delete(record.url);
}

function show(query, themes, mine) {
  let answers = 0;
  const list = el("ol", { class: "search-results" });
  for (const [url, group] of groups) {
    const items = el("ul", { class: "answers" });
    for (const { answer, excerpt } of group.items.values()) {
      answers += 1;
      items.append(el("li", { class: "search-hit" },
        el("a", { class: "question", href: link(`${url}#${answer.id}`) }, answer.q),
        el("p", {}, excerpt)));
    }
    list.append(el("li", { class: "search-group" },
      el("h2", {}, el("a", { href: link(url) }, group.title || url)), items));
  }
  statusEl.textContent = groups.size
    ? t.search_results.replace("{answers}", plural(t.n_answers, answers))
      .replace("{interviews}", plural(t.n_interviews, groups.size))
    : t.search_none;
  for (const key of themes) statusEl.append(" ", t.theme_match.replace("{label}", themeLabel[key] || key));
  const children = [list];
  if (pending.length) {
    const more = el("button", { type: "button", class: "more" }, t.more_results);
    more.addEventListener("click", () => showMore(mine, query, themes).catch(console.error));
    children.push(more);
  }
  resultsEl.replaceChildren(...children);
}

async function buildFilters() {
  const counts = await pagefind.filters();
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
      const count = key === "theme" ? plural(t.n_answers, themeAnswers[value] ?? 0)
        : plural(t.n_interviews, counts[key][value]);
      box.append(el("label", { for: id }, check, " ", key === "theme" ? themeLabel[value] || value : value,
        el("span", { class: "count" }, ` (${count})`)));
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
