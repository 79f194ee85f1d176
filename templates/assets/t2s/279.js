// Block 279 of the table in ../t2s.js.
export const T2S = "𧦝𫍞𧦧𫍟";
