// Block 237 of the table in ../t2s.js.
export const T2S = "𣜬𪳗𣝕𣘷𣞻𣘓";
