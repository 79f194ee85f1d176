// The search page's query core: pure functions, no DOM (tests: tests/js/, `node --test`).
//
// The language rules are the build's (src/minimax_archive/lang.py); a test feeds
// both the same inputs (tests/fixtures/lang.json) and checks that they agree:
// - normalise: NFKC for every character except punctuation, then Traditional ->
//   Simplified (OpenCC's table, t2s/*.js); fold also lower-cases. The table comes
//   in blocks of 256 code points, loaded as text needs them: await
//   loadFolding(text) before folding text that may hold Han characters.
// - the index holds each Han run as overlapping pairs plus its last character
//   (至关重要 -> 至关 关重 重要 要); a query phrase is its pairs (queryUnits), which
//   must sit at consecutive word positions; a one-character phrase matches any
//   word that starts with it.
// Pagefind only proposes pages: every answer shown is checked here against the
// page's indexed words (precision), scored (ranking) and excerpted.
import { T2S_BLOCKS } from "./t2s.js";

export const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
const HAN_RUN = new RegExp(`[${HAN}]+`, "gu");
const HAN_CHAR = new RegExp(`^[${HAN}]$`, "u");
const LATIN_WORD_CHAR = `(?:(?![${HAN}])[\\p{L}\\p{N}_])`;  // Python's \w without Han
const PUNCT = /^\p{P}$/u;
const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

const T2S_MAP = new Map();
const BLOCKS = new Set(T2S_BLOCKS);
const LOADED = new Map();  // block -> the promise of its pairs in T2S_MAP
const CACHE = new Map();

/** Loads the blocks of the Traditional -> Simplified table that folding `text` needs (those of its
 * characters and of their NFKC forms); fold is exact for that text once this has resolved. */
export async function loadFolding(text) {
  const wanted = new Set();
  for (const c of text.normalize("NFC")) {
    for (const n of [c, ...c.normalize("NFKC")]) {
      const block = n.codePointAt(0) >> 8;
      if (BLOCKS.has(block)) wanted.add(block);
    }
  }
  await Promise.all([...wanted].map((block) => {
    if (!LOADED.has(block)) {
      const loading = import(`./t2s/${block.toString(16)}.js`).then(({ T2S }) => {
        const chars = Array.from(T2S);
        for (let i = 0; i + 1 < chars.length; i += 2) T2S_MAP.set(chars[i], chars[i + 1]);
        CACHE.clear();  // characters folded before their block came
      });
      loading.catch(() => LOADED.delete(block));  // a failed load is tried again next time
      LOADED.set(block, loading);
    }
    return LOADED.get(block);
  }));
}

function foldChar(c) {
  let out = CACHE.get(c);
  if (out !== undefined) return out;
  if (T2S_MAP.has(c)) out = T2S_MAP.get(c);
  else if (PUNCT.test(c)) out = c;
  else out = Array.from(c.normalize("NFKC"), (n) => T2S_MAP.get(n) ?? n).join("");
  CACHE.set(c, out);
  return out;
}

/** NFC, then NFKC for every character except punctuation, then Traditional -> Simplified. */
export function normalise(text) {
  let out = "";
  for (const c of text.normalize("NFC")) out += foldChar(c);
  return out;
}

/** normalise, lower-cased: the form in which texts are compared. */
export function fold(text) {
  return normalise(text).toLowerCase();
}

export function isHan(c) {
  return HAN_CHAR.test(c || "");
}

function runWords(run, lastSingle) {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const words = [];
  for (let i = 0; i + 1 < chars.length; i++) words.push(chars[i] + chars[i + 1]);
  if (lastSingle) words.push(chars[chars.length - 1]);
  return words;
}

function spaced(text, lastSingle) {
  return text.replace(HAN_RUN, (run) => ` ${runWords(run, lastSingle).join(" ")} `).split(/\s+/).filter(Boolean);
}

/** Indexed text, as the build writes it: 至关重要，2021 年 -> "至关 关重 重要 要 ，2021 年". */
export function indexWords(text) {
  return spaced(text, true).join(" ");
}

/** The words a phrase (no spaces) must match at consecutive positions, folded: C端 -> [c, 端]. */
export function queryUnits(phrase) {
  return spaced(fold(phrase), false);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether text contains keyword: whole words for Latin script (a Han character is a boundary). */
export function hasKeyword(text, keyword) {
  const body = fold(keyword).split(/\s+/).filter(Boolean).map(escapeRegExp).join("\\s+");
  if (!body) return false;
  const han = new RegExp(`[${HAN}]`, "u").test(keyword);
  const pattern = han ? body : `(?<!${LATIN_WORD_CHAR})${body}(?!${LATIN_WORD_CHAR})`;
  return new RegExp(pattern, "u").test(fold(text));
}

/** A query as phrases of units; `joined` is the whole query as one phrase (技术 驱动 -> 技术驱动). */
export function parseQuery(query) {
  const phrases = fold(query).split(/\s+/).filter(Boolean).map((p) => queryUnits(p).map(core).filter(Boolean))
    .filter((units) => units.length);
  const glued = fold(query).trim().replace(new RegExp(`([${HAN}])\\s+(?=[${HAN}])`, "gu"), "$1");
  const joined = spaced(glued, false).map(core).filter(Boolean);
  return { phrases, joined: phrases.length > 1 ? joined : null };
}

/** The query as Pagefind should receive it: the phrases' units, space-separated. */
export function pagefindTerm(query) {
  return parseQuery(query).phrases.flat().join(" ");
}

function core(word) {
  return word.toLowerCase().replace(EDGE, "");
}

/** Whether an indexed word matches a query unit; `last`: the phrase's last unit may be a prefix. */
export function wordMatches(word, unit, last) {
  const c = core(word);
  if (!c) return false;
  const letters = Array.from(unit);
  if (isHan(letters[0])) return letters.length === 1 ? c.startsWith(unit) : c === unit;
  if (c === unit || c.split(/[^\p{L}\p{N}]+/u).includes(unit)) return true;
  if (!last) return false;
  return c.startsWith(unit) || (c.length >= 3 && unit.startsWith(c) && unit.length - c.length <= 2);
}

/** [start, end, lastIsChar] word spans in [from, to) where units match consecutively;
 * lastIsChar: the last unit is one Han character (only that character of its word is marked). */
export function findPhrase(words, units, from, to) {
  const found = [];
  for (let p = from; p + units.length <= to; p++) {
    let ok = true;
    for (let k = 0; k < units.length && ok; k++) ok = wordMatches(words[p + k], units[k], k === units.length - 1);
    if (ok) found.push([p, p + units.length, units.length && Array.from(units[units.length - 1]).length === 1
      && isHan(units[units.length - 1])]);
  }
  return found;
}

/**
 * How well an answer matches: null when a phrase is missing, else {score, spans}.
 * question = [from, to) and answer = [from, to) word ranges. Phrase over scattered
 * words, question over answer, more occurrences over fewer.
 */
export function matchAnswer(words, parsed, question, answer) {
  let score = 0;
  const spans = [];
  for (const units of parsed.phrases) {
    const inQuestion = findPhrase(words, units, question[0], question[1]);
    const inAnswer = findPhrase(words, units, answer[0], answer[1]);
    if (!inQuestion.length && !inAnswer.length) return null;
    score += 4 * Math.min(inQuestion.length, 3) + Math.min(inAnswer.length, 5);
    spans.push(...inAnswer);
  }
  if (parsed.joined) {
    const together = [...findPhrase(words, parsed.joined, question[0], question[1]),
      ...findPhrase(words, parsed.joined, answer[0], answer[1])];
    if (together.length) score += 10 + Math.min(together.length, 5);
    const inAnswer = together.filter(([s]) => s >= answer[0]);
    if (inAnswer.length) return { score, spans: inAnswer, first: inAnswer[0] };
  }
  spans.sort((a, b) => a[0] - b[0]);
  return { score, spans, first: spans[0] || null };
}

const isPair = (w) => Array.from(w).length === 2 && Array.from(w).every(isHan);
const isLatin = (c) => /[\p{L}\p{N}]/u.test(c || "") && !isHan(c);

/**
 * Indexed words back to readable text: pairs joined (至关 关重 重要 要 -> 至关重要),
 * Latin words spaced. Returns [{c, mark}] per character; `marks` maps a word
 * position to a span id, and the characters a marked word contributes carry it.
 */
export function readable(words, from, to, marks = new Map()) {
  const chars = [];
  let previous = "";
  for (let p = from; p < to; p++) {
    const word = words[p];
    const mark = marks.has(p) ? marks.get(p) : null;
    const letters = Array.from(word);
    if (isPair(previous) && isHan(letters[0]) && letters.length <= 2 && Array.from(previous)[1] === letters[0]) {
      if (mark !== null) chars[chars.length - 1].mark = mark;  // the shared character
      if (letters.length === 2) chars.push({ c: letters[1], mark: mark !== null && !isSingleUnitMark(marks, p) ? mark : null });
    } else {
      const last = chars.length ? chars[chars.length - 1] : null;
      if (last && ((!isHan(last.c) && !isHan(letters[0])) || (isLatin(last.c) && isHan(letters[0]))
          || (isHan(last.c) && isLatin(letters[0])))) {
        chars.push({ c: " ", mark: last.mark !== null && last.mark === mark ? mark : null });
      }
      // A marked Latin word is marked without the punctuation around it: "(LLM)" -> "([LLM])".
      const lead = mark === null ? 0 : Array.from(word.match(/^[^\p{L}\p{N}]*/u)[0]).length;
      const tail = mark === null ? 0 : Array.from(word.match(/[^\p{L}\p{N}]*$/u)[0]).length;
      letters.forEach((c, i) => {
        const inside = i >= lead && i < letters.length - tail;
        chars.push({ c, mark: mark !== null && inside && (i === lead || !isSingleUnitMark(marks, p)) ? mark : null });
      });
    }
    previous = word;
  }
  return chars;
}

// A one-character query marks only the character, not the pair it starts.
function isSingleUnitMark(marks, p) {
  return marks.singles?.has(p) ?? false;
}

const BOUNDARY = /[\s，。；：！？、,.;:!?）)」』”]/u;
const width = (c) => (isHan(c) || /[\u3000-\u30ff\uff00-\uffef]/u.test(c) ? 2 : 1);

/**
 * A readable span of chars around the first marked character: at most `budget`
 * columns (a Han character is two), starting and ending at a word or clause
 * boundary where one is near, with … where the text is cut.
 * Returns [{text, mark}] segments; each span id becomes one mark.
 */
export function excerpt(chars, budget = 200) {
  let at = chars.findIndex((ch) => ch.mark !== null);
  if (at < 0) at = 0;
  let start = at;
  for (let used = 0; start > 0 && used < budget / 3; start--) used += width(chars[start - 1].c);
  if (start > 0) {
    for (let k = start; k < at && k < start + 20; k++) {
      if (BOUNDARY.test(chars[k].c)) { start = k + 1; break; }
    }
  }
  while (start < at && /\s/.test(chars[start].c)) start++;
  let end = start;
  for (let used = 0; end < chars.length && used + width(chars[end].c) <= budget; end++) used += width(chars[end].c);
  if (end < chars.length) {
    for (let k = end; k > start + 20 && k > end - 20; k--) {
      if (BOUNDARY.test(chars[k - 1].c) && (chars[k - 1].mark === null)) { end = k; break; }
    }
  }
  const segments = [];
  const push = (text, mark) => {
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  };
  if (start > 0) push("…", null);
  for (let k = start; k < end; k++) push(chars[k].c, chars[k].mark);
  if (end < chars.length) {
    const last = segments[segments.length - 1];
    if (last && last.mark === null) last.text = last.text.replace(/[\s,;:，；：、]+$/u, "");
    push("…", null);
  }
  return segments.map(({ text, mark }) => ({ text, mark: mark !== null }));
}

/** Marks for readable(): every word of every span gets the span's id. */
export function spanMarks(spans) {
  const marks = new Map();
  marks.singles = new Set();
  spans.forEach(([s, e, lastIsChar], id) => {
    for (let p = s; p < e; p++) marks.set(p, id);
    if (lastIsChar) marks.singles.add(e - 1);
  });
  return marks;
}

/** "{n} answer|{n} answers" -> the form for n (the same rule as i18n.plural in the build). */
export function plural(forms, n) {
  const [one, many] = forms.split("|");
  return fill(n === 1 || !many ? one : many, { n });
}

/** Fills {name} placeholders; values are inserted as they are (no replacement patterns such as $&). */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}
