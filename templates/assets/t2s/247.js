// Block 247 of the table in ../t2s.js.
export const T2S = "𤜆𪺪";
