// Block 22b of the table in ../t2s.js.
export const T2S = "𢯷𪭝";
