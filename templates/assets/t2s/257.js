// Block 257 of the table in ../t2s.js.
export const T2S = "𥜐𫀓𥜰𫀌𥞵𥞦";
