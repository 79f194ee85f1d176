// Block 241 of the table in ../t2s.js.
export const T2S = "𤄷𪶒𤅶𣷷";
