// Unit tests of the search page's query core (templates/assets/query.js): node --test tests/js/
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  excerpt, fill, fold, hasKeyword, indexWords, loadFolding, matchAnswer, normalise, pagefindTerm, parseQuery, plural,
  queryUnits,
  readable, spanMarks, wordMatches,
} from "../../templates/assets/query.js";

// An interview's indexed words as the build writes them, with one answer: [question) [answer).
function page(question, answer) {
  const q = indexWords(normalise(question)).split(" ");
  const a = indexWords(normalise(answer)).split(" ");
  return { words: [...q, ...a], question: [0, q.length], answer: [q.length, q.length + a.length] };
}
const match = (query, p) => matchAnswer(p.words, parseQuery(query), p.question, p.answer);
const text = (segments) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join("");
function show(query, p, budget) {
  const m = match(query, p);
  return text(excerpt(readable(p.words, p.answer[0], p.answer[1], spanMarks(m.spans)), budget));
}

test("normal forms: full-width, Traditional, case", async () => {
  assert.equal(fold("ＭｏＥ"), "moe");
  await loadFolding("產品 創業");
  assert.equal(fold("產品 創業"), "产品 创业");
  assert.equal(fold("全角，标点。"), "全角，标点。");
});

test("the Traditional table's blocks load with the text that needs them", async () => {
  // 車 (U+F902, a compatibility ideograph) is 車 (U+8ECA) under NFKC, in another block: both load.
  await loadFolding("\uF902");
  assert.equal(fold("\uF902"), "车");
  // Beyond the Basic Multilingual Plane: 𠁞 -> 𠀾.
  assert.equal(fold("\u{2005e}"), "\u{2005e}");  // not loaded yet: left as it is
  await loadFolding("\u{2005e}");
  assert.equal(fold("\u{2005e}"), "\u{2003e}");
  // Loading twice, or text without Han characters, costs nothing and changes nothing.
  await Promise.all([loadFolding("產品"), loadFolding("產品"), loadFolding("MoE routing")]);
  assert.equal(fold("產品 MoE"), "产品 moe");
});

test("query units: pairs for Chinese, words for Latin", () => {
  assert.deepEqual(queryUnits("至关重要"), ["至关", "关重", "重要"]);
  assert.deepEqual(queryUnits("C端"), ["c", "端"]);
  assert.equal(pagefindTerm("ＭｏＥ 模型"), "moe 模型");
  assert.deepEqual(parseQuery("技术 驱动").joined, ["技术", "术驱", "驱动"]);
  assert.equal(parseQuery("MoE").joined, null);
});

test("a hit contains every pair of the query at consecutive positions", () => {
  assert.equal(match("用钱", page("问题？", "我们关注用户。")), null);
  assert.ok(match("用钱", page("问题？", "不要乱用钱。")));
  assert.equal(match("C端", page("问题？", "ChatGPT 和 CTO 的 token")), null);
  assert.ok(match("C端", page("问题？", "做C端产品")));
  assert.equal(match("至关重要", page("问题？", "至关紧要，重要的是")), null);
});

test("every Latin word of the query must be in the answer", () => {
  assert.equal(match("MoE 模型", page("Why?", "我们训练大模型")), null);
  assert.ok(match("MoE 模型", page("Why?", "训练MoE模型")));
  assert.equal(match("system collapse", page("Why?", "the system works")), null);
  assert.ok(match("system collapse", page("Why?", "a collapse of the system")));
});

test("one character finds every word it is in, wherever it stands", () => {
  for (const answer of ["走捷径。", "捷径很多", "径直走"]) assert.ok(match("径", page("问？", answer)), answer);
  assert.equal(match("径", page("问？", "走捷道。")), null);
});

test("Latin words: whole words, hyphen parts, a prefix or plural at the end", () => {
  assert.ok(wordMatches("MoE，", "moe", true));
  assert.ok(wordMatches("data-driven,", "driven", true));
  assert.ok(wordMatches("shortcuts", "shortcut", true));
  assert.ok(wordMatches("model", "models", true));
  assert.equal(wordMatches("ChatGPT", "c", false), false);
  assert.equal(wordMatches("token", "to", false), false);
});

test("ranking: the phrase over scattered words, the question over the answer", () => {
  const together = match("技术 驱动", page("问题？", "坚持技术驱动。"));
  const apart = match("技术 驱动", page("问题？", "技术很好，数据驱动。"));
  assert.ok(together.score > apart.score, `${together.score} <= ${apart.score}`);
  const inQuestion = match("人才", page("如何招聘人才？", "看能力。"));
  const inAnswer = match("人才", page("如何招聘？", "看人才的能力。"));
  assert.ok(inQuestion.score > inAnswer.score);
  const often = match("人才", page("问？", "人才，人才，还是人才。"));
  assert.ok(often.score > inAnswer.score);
});

test("excerpts: pairs read as text, one mark for the phrase, ellipses where cut", () => {
  const p = page("问题？", "这一点至关重要，因为没有合适的产品，技术再好也没有用。");
  assert.equal(show("至关重要", p), "这一点[至关重要]，因为没有合适的产品，技术再好也没有用。");
  const long = page("问题？", `${"前面的话很长。".repeat(20)}唯一的生存之道是做好产品。${"后面的话也很长。".repeat(20)}`);
  const cut = show("生存之道", long, 80);
  assert.match(cut, /^…/);
  assert.match(cut, /…$/);
  assert.ok(cut.includes("唯一的[生存之道]是做好产品"), cut);
  assert.equal((cut.match(/\[/g) || []).length, 1, cut);  // no stray pairs such as 的生
  const one = show("径", page("问？", "不要走捷径。"));
  assert.equal(one, "不要走捷[径]。");
});

test("English excerpts cut at words", () => {
  const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
  const p = page("Why?", `${words} the technology-driven strategy ${words}`);
  const cut = show("technology-driven", p, 120);
  assert.match(cut, /^…word\d+ /);
  assert.match(cut, / word\d+…$/);
  assert.ok(cut.includes("the [technology-driven] strategy"), cut);
  assert.equal(show("system collapse", page("Why?", "a system collapse here")), "a [system collapse] here");
});

test("keywords: a Latin keyword next to Chinese is a word; full-width counts", () => {
  assert.ok(hasKeyword("训练MoE模型", "MoE"));
  assert.ok(hasKeyword("ＭｏＥ", "moe"));
  assert.equal(hasKeyword("MoEs", "MoE"), false);
});

test("fill and plural insert values as they are", () => {
  assert.equal(fill("主题“{label}”", { label: "$& and $1" }), "主题“$& and $1”");
  assert.equal(plural("{n} answer|{n} answers", 1), "1 answer");
  assert.equal(plural("{n} answer|{n} answers", 3), "3 answers");
  assert.equal(plural("{n} 个回答", 3), "3 个回答");
});

test("marks leave out the punctuation around a word", () => {
  assert.equal(show("LLM", page("Why?", "a language model (LLM) startup")), "a language model ([LLM]) startup");
  assert.equal(show("system collapse", page("Why?", "avoid system collapse.")), "avoid [system collapse].");
});
