// Block 253 of the table in ../t2s.js.
export const T2S = "𥌃𥅘𥏝𪿊";
