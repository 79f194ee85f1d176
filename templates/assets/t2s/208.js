// Block 208 of the table in ../t2s.js.
export const T2S = "𠠎𠚳";
