// Block 2a5 of the table in ../t2s.js.
export const T2S = "𪔵𪔭";
