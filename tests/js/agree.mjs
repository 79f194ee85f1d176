// Prints the query core's answers for tests/fixtures/lang.json as JSON (tests/test_lang.py compares with Python's).
import { readFileSync } from "node:fs";
import { fold, hasKeyword, indexWords, loadFolding, normalise, queryUnits } from "../../templates/assets/query.js";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
// The blocks of the Traditional table these texts need, as the search page loads them for a query.
await loadFolding([...cases.texts, ...cases.keywords.flat()].join("\n"));
console.log(JSON.stringify({
  normalise: cases.texts.map(normalise),
  fold: cases.texts.map(fold),
  index_words: cases.texts.map(indexWords),
  query_units: cases.texts.map(queryUnits),
  keywords: cases.keywords.map(([text, keyword]) => hasKeyword(text, keyword)),
}));
