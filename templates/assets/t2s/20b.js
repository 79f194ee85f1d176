// Block 20b of the table in ../t2s.js.
export const T2S = "𠬙𪠡";
