// Block 21c of the table in ../t2s.js.
export const T2S = "𡳳𡳃";
