// Block 278 of the table in ../t2s.js.
export const T2S = "𧡴𫌫𧢄𫌬";
