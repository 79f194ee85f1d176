// Block 4e of the table in ../t2s.js.
export const T2S = "丟丢並并亂乱亙亘亞亚";
