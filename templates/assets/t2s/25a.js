// Block 25a of the table in ../t2s.js.
export const T2S = "𥨐𥧂𥪂𥩺";
