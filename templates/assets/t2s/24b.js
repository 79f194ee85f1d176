// Block 24b of the table in ../t2s.js.
export const T2S = "𤬅𪼴";
