// Block 2a7 of the table in ../t2s.js.
export const T2S = "𪟖𠛾";
