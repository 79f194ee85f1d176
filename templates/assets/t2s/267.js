// Block 267 of the table in ../t2s.js.
export const T2S = "𦟼𫆝";
