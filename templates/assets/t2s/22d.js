// Block 22d of the table in ../t2s.js.
export const T2S = "𢶒𪭯𢶫𢫞𢷮𢫊";
