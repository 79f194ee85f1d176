// Block 37 of the table in ../t2s.js.
export const T2S = "㜄㚯㜏㛣㜐𫝧㜗𡞋㜢𡞱㜷𡝠㞞𪨊㟺𪩇";
